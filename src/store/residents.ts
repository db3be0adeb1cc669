import { recordFullExport } from '../domain/import/export';
import { fail, ok, type Result } from '../domain/result';
import { residentTable } from '../domain/residents/export';
import type { ResidentFilter } from '../domain/residents/filter';
import { residentListFromRecord, saveResidentList as saveCommand } from '../domain/residents/saved-list';
import type { Office } from './office-api';
import { personalDataFacts } from './personal-data';
import { residentLists, residentsMatching } from './queries/residents';
import { csvBytes } from './spreadsheet';

/** Saves a list by name (a new one when `id` is null). */
export async function saveResidentList(office: Office, id: string | null, name: string, filter: ResidentFilter): Promise<Result<string>> {
  await office.load('office');
  const record = id ? await office.read('office', 'residentLists', id) : null;
  if (id && !record) return fail({ code: 'error.notFound' });
  const otherNames = (await residentLists(office.db)).filter((l) => l.id !== id).map((l) => l.name);
  const made = saveCommand(record && id ? residentListFromRecord(id, record) : null, { name, filter }, office.context(), { otherNames });
  if (!made.ok) return made;
  if (!made.value.command) return ok(made.value.id);
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

/**
 * The list as CSV. `full` (phones unmasked) only for roles the office's policy allows, refused
 * before anything is read, and written into the office's history with the count.
 */
export async function exportResidents(
  office: Office, filter: ResidentFilter, year: number, full: boolean, words: Parameters<typeof residentTable>[2],
): Promise<Result<{ bytes: Uint8Array; rows: number }>> {
  const facts = await personalDataFacts(office);
  if (full) {
    const allowed = recordFullExport('customers', 0, office.context(), facts);
    if (!allowed.ok) return allowed;
  }
  const rows = await residentsMatching(office.db, filter, year);
  if (full) {
    const made = recordFullExport('customers', rows.length, office.context(), facts);
    const logged = made.ok ? await office.run(made.value) : made;
    if (!logged.ok) return logged;
  }
  return ok({ bytes: await csvBytes(residentTable(rows, full, words)), rows: rows.length });
}
