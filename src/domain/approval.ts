import type { CommandContext } from './actor';
import { historyEntry } from './history';
import { LIMITS } from './limits';
import type { Command } from './ops';
import { fail, ok, type Result } from './result';
import type { CollectionName, ShardName } from './shards';

/**
 * The approval step (审批) shared by every plan that a manager signs off: a seminar's plan, the
 * customer club's founding plan, an activity plan. 提交审批 from a plan or a rejected plan; the
 * manager approves, or rejects with a comment, and the planner revises and submits again until
 * it is approved. Only staff with the manager role decide; the role is recorded with the decision.
 */
export type ApprovalStatus = 'plan' | 'submitted' | 'approved' | 'rejected';

export interface Approvable {
  collection: CollectionName;
  id: string;
  shard: ShardName;
  status: string;
}

export interface Decision {
  approve: boolean;
  comment: string;
}

export function submitForApproval(subject: Approvable, ctx: CommandContext): Result<Command> {
  if (subject.status === 'submitted') return fail({ code: 'approval.error.alreadySubmitted' });
  if (subject.status !== 'plan' && subject.status !== 'rejected') return fail({ code: 'approval.error.notSubmittable', params: { status: `evstatus.${subject.status}` } });
  return ok({
    shard: subject.shard,
    ops: [
      { kind: 'set', collection: subject.collection, id: subject.id, fields: { status: 'submitted', submittedAt: ctx.now, submittedBy: ctx.actor.staffId, updatedAt: ctx.now } },
      { kind: 'log', collection: subject.collection, id: subject.id, entry: historyEntry(ctx, 'approval.submitted') },
    ],
  });
}

export function decideApproval(subject: Approvable, decision: Decision, approverRole: string, ctx: CommandContext): Result<Command> {
  if (approverRole !== 'manager') return fail({ code: 'approval.error.managerOnly' });
  if (subject.status !== 'submitted') return fail({ code: 'approval.error.notSubmitted', params: { status: `evstatus.${subject.status}` } });
  const comment = decision.comment.trim();
  if (!decision.approve && !comment) return fail({ code: 'approval.error.commentRequired', field: 'comment' });
  if (comment.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'comment', params: { max: LIMITS.note } });
  const status = decision.approve ? 'approved' : 'rejected';
  return ok({
    shard: subject.shard,
    ops: [
      {
        kind: 'set', collection: subject.collection, id: subject.id,
        fields: { status, approvalComment: comment, decidedAt: ctx.now, decidedBy: ctx.actor.staffId, decidedByName: ctx.actor.name, updatedAt: ctx.now },
      },
      { kind: 'log', collection: subject.collection, id: subject.id, entry: historyEntry(ctx, `approval.${status}`, undefined, { comment, approverRole }) },
    ],
  });
}
