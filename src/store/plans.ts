import { planFromRecord, savePlan as saveCommand, type PlanInput } from '../domain/plans/plan';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { residentList } from './queries/residents';

export async function savePlan(office: Office, id: string | null, input: PlanInput): Promise<Result<string>> {
  await office.load('office');
  const record = id ? await office.read('office', 'plans', id) : null;
  if (id && !record) return fail({ code: 'error.notFound' });
  // A saved list named by the group must be on this tablet (its name is kept with the plan).
  const list = input.group.listId ? await residentList(office.db, input.group.listId) : undefined;
  const made = saveCommand(record && id ? planFromRecord(id, record) : null, input, office.context(), undefined, { listName: list ? list.name : null });
  if (!made.ok) return made;
  if (!made.value.command) return ok(made.value.id);
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}
