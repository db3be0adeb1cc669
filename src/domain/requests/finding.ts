import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { shardOf } from './shard';
import { isComplaintKind, type ServiceRequest } from './types';

export interface FindingInput {
  valid: boolean;
  reason: string;
  /** Staff whose work the complaint was about. */
  staffIds: string[];
}

/**
 * 有效/无效: a manager's finding on a complaint once it has been investigated (the facts are
 * what it is judged on). Only managers find; a finding can be changed later by a manager (a
 * head office may overturn it), each time with its reason and a history line. The finding is one
 * field written whole: two managers deciding at once keep the last, and both lines stay in the
 * history. It counts in the month the complaint was taken.
 */
export function findComplaint(req: ServiceRequest, input: FindingInput, role: string, ctx: CommandContext): Result<Command> {
  if (!isComplaintKind(req.kind)) return fail({ code: 'request.error.notComplaint' });
  if (role !== 'manager') return fail({ code: 'finding.error.managerOnly' });
  if (!req.investigation) return fail({ code: 'finding.error.investigateFirst' });
  const reason = input.reason.trim();
  if (!reason) return fail({ code: 'finding.error.reasonRequired', field: 'reason' });
  if (reason.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'reason', params: { max: LIMITS.note } });
  const staffIds = [...new Set(input.staffIds.filter(Boolean))];
  const finding = { valid: input.valid, reason, staffIds, by: ctx.actor.staffId, byName: ctx.actor.name, at: ctx.now };
  return ok({
    shard: shardOf(req),
    ops: [
      { kind: 'set', collection: 'requests', id: req.id, fields: { finding, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      {
        kind: 'log', collection: 'requests', id: req.id,
        entry: historyEntry(ctx, input.valid ? 'request.foundValid' : 'request.foundInvalid', undefined, { reason, staff: staffIds.length, before: req.finding ? (req.finding.valid ? 'valid' : 'invalid') : '' }),
      },
    ],
  });
}
