import { historyEntry } from '../domain/history';
import { LIMITS } from '../domain/limits';
import { fail, type Result } from '../domain/result';
import { shardOf } from '../domain/requests/shard';
import type { OfficeStore } from './office-store';
import { readRequest } from './requests';

const COALESCE_MS = 10 * 60 * 1000;

/** The description is collaborative text, like a customer's notes: spliced, one history line per person per ten minutes. */
export async function editRequestDescription(office: OfficeStore, id: string, value: string): Promise<Result<void>> {
  if (value.length > LIMITS.note) return fail({ code: 'error.tooLong', params: { max: LIMITS.note } });
  const req = await readRequest(office, id);
  if (!req) return fail({ code: 'error.notFound' });
  if (req.status === 'closed') return fail({ code: 'request.error.closed' });
  if (req.description === value) return { ok: true, value: undefined };
  const ctx = office.context();
  const last = req.history[req.history.length - 1];
  const recent = last && last.by === ctx.actor.staffId && last.action === 'request.descriptionEdited' && Date.parse(ctx.now) - Date.parse(last.at) < COALESCE_MS;
  return office.run({
    shard: shardOf(req),
    ops: [
      { kind: 'text', collection: 'requests', id, field: 'description', value },
      ...(recent ? [] : [{ kind: 'log' as const, collection: 'requests' as const, id, entry: historyEntry(ctx, 'request.descriptionEdited') }]),
    ],
  });
}
