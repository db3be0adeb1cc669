import { logContact as logCommand, type ContactInput, type ContactRow } from '../domain/contact';
import { ok, type Result } from '../domain/result';
import type { LinliDB } from './db';
import type { Office } from './office-api';

export async function logContact(office: Office, input: ContactInput): Promise<Result<string>> {
  const made = logCommand(input, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

/** One customer's contacts across every loaded year, newest first. */
export async function contactsOf(db: LinliDB, customerId: string): Promise<ContactRow[]> {
  const rows = await db.contacts.where('customerId').equals(customerId).toArray();
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}
