import { planFromRecord, savePlan as saveCommand, type PlanInput } from '../domain/plans/plan';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';

export async function savePlan(office: Office, id: string | null, input: PlanInput): Promise<Result<string>> {
  await office.load('office');
  const record = id ? await office.read('office', 'plans', id) : null;
  if (id && !record) return fail({ code: 'error.notFound' });
  const made = saveCommand(record && id ? planFromRecord(id, record) : null, input, office.context());
  if (!made.ok) return made;
  if (!made.value.command) return ok(made.value.id);
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}
