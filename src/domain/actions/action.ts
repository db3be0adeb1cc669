import type { CommandContext } from '../actor';
import { isDay } from '../days';
import { historyEntry, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { shardOfRecord, type ShardName } from '../shards';
import { ACTION_KINDS, type ActionInput, type ActionRow, type ActionStatus, type ActionVerdict, type CorrectiveAction } from './types';
import { newLedgerRecord } from '../ledger-record';

export * from './types';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function actionFromRecord(id: string, r: Record<string, unknown>): CorrectiveAction {
  const verdict = str(r.verdict);
  return {
    id,
    kind: r.kind === 'preventive' ? 'preventive' : 'corrective',
    sourceRef: str(r.sourceRef), sourceLabel: str(r.sourceLabel),
    cause: str(r.cause), action: str(r.action),
    teamId: str(r.teamId), teamName: str(r.teamName), ownerId: str(r.ownerId), ownerName: str(r.ownerName),
    due: str(r.due),
    doneAt: str(r.doneAt), doneNote: str(r.doneNote), doneByName: str(r.doneByName),
    verdict: verdict === 'effective' || verdict === 'redo' ? verdict : '',
    checkNote: str(r.checkNote), checkedAt: str(r.checkedAt), checkedByName: str(r.checkedByName),
    redoCount: typeof r.redoCount === 'number' ? r.redoCount : 0,
    createdAt: str(r.createdAt), createdByName: str(r.createdByName),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

/** 有效 closes; done and not yet checked waits for the manager; anything else is to be done (again). */
export function actionStatus(a: Pick<CorrectiveAction, 'doneAt' | 'verdict'>): ActionStatus {
  if (a.verdict === 'effective') return 'closed';
  return a.doneAt ? 'done' : 'open';
}

/** Overdue: still to be done after its due day (`today` is the office's day). Done-and-waiting-for-the-check is not overdue. */
export function isActionOverdue(a: Pick<ActionRow, 'status' | 'due'>, today: string): boolean {
  return a.status === 'open' && !!a.due && a.due < today;
}

export function projectAction(id: string, r: Record<string, unknown>): ActionRow {
  const a = actionFromRecord(id, r);
  return {
    id, kind: a.kind, status: actionStatus(a), due: a.due, teamId: a.teamId, teamName: a.teamName, ownerId: a.ownerId, ownerName: a.ownerName,
    sourceRef: a.sourceRef, sourceLabel: a.sourceLabel, action: a.action, verdict: a.verdict, redoCount: a.redoCount,
    month: a.createdAt.slice(0, 7), createdAt: a.createdAt, doneAt: a.doneAt, checkedAt: a.checkedAt,
  };
}

export const actionShard = (a: Pick<CorrectiveAction, 'createdAt'>): ShardName => shardOfRecord('actions', { record: a });

function tooLong(field: string, value: string, max: number): Problem[] {
  return value.length > max ? [{ code: 'error.tooLong', field, params: { max } }] : [];
}

export function checkActionInput(input: ActionInput): Problem[] {
  const problems: Problem[] = [];
  if (!ACTION_KINDS.includes(input.kind)) problems.push({ code: 'action.error.kind', field: 'kind' });
  if (!/^(requests|reviews)\/./.test(input.source.ref)) problems.push({ code: 'action.error.source', field: 'source' });
  if (!input.action.trim()) problems.push({ code: 'action.error.actionRequired', field: 'action' });
  if (!input.teamId.trim() && !input.teamName.trim()) problems.push({ code: 'action.error.teamRequired', field: 'team' });
  if (!isDay(input.due)) problems.push({ code: 'action.error.due', field: 'due' });
  problems.push(...tooLong('action', input.action, LIMITS.longText), ...tooLong('cause', input.cause, LIMITS.longText));
  return problems;
}

/** A new action from a complaint or a review; it lives in the month it is raised. */
export function createAction(input: ActionInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  const problems = checkActionInput(input);
  if (problems.length) return fail(...problems);
  return ok(newLedgerRecord('actions', id, {
    kind: input.kind, sourceRef: input.source.ref, sourceLabel: input.source.label.slice(0, LIMITS.shortText),
    cause: input.cause.trim(), action: input.action.trim(), teamId: input.teamId, teamName: input.teamName.trim(), ownerId: input.ownerId, ownerName: input.ownerName,
    due: input.due, doneAt: '', doneNote: '', verdict: '', redoCount: 0,
  }, ctx, { action: 'action.created', data: { due: input.due, team: input.teamName } }));
}

/** 已完成: the department says what it did. */
export function markActionDone(a: CorrectiveAction, note: string, ctx: CommandContext): Result<Command> {
  if (actionStatus(a) !== 'open') return fail({ code: 'action.error.notOpen' });
  const n = note.trim();
  if (!n) return fail({ code: 'action.error.noteRequired', field: 'doneNote' });
  if (n.length > LIMITS.longText) return fail({ code: 'error.tooLong', field: 'doneNote', params: { max: LIMITS.longText } });
  return ok({
    shard: actionShard(a),
    ops: [
      { kind: 'set', collection: 'actions', id: a.id, fields: { doneAt: ctx.now, doneNote: n, doneBy: ctx.actor.staffId, doneByName: ctx.actor.name, verdict: '' } },
      { kind: 'log', collection: 'actions', id: a.id, entry: historyEntry(ctx, 'action.done') },
    ],
  });
}

/**
 * 验证: a manager checks the done action. 有效 closes it; 需再整改 reopens it (the done note stays
 * in the history, the action is to be done again by the same due date or a new one).
 */
export function checkAction(a: CorrectiveAction, verdict: ActionVerdict, note: string, role: string, ctx: CommandContext, newDue = ''): Result<Command> {
  if (role !== 'manager') return fail({ code: 'action.error.managerOnly' });
  if (actionStatus(a) !== 'done') return fail({ code: 'action.error.notDone' });
  const n = note.trim();
  if (verdict === 'redo' && !n) return fail({ code: 'action.error.redoReason', field: 'checkNote' });
  if (n.length > LIMITS.longText) return fail({ code: 'error.tooLong', field: 'checkNote', params: { max: LIMITS.longText } });
  if (newDue && !isDay(newDue)) return fail({ code: 'action.error.due', field: 'due' });
  const fields: Record<string, unknown> = { verdict, checkNote: n, checkedAt: ctx.now, checkedBy: ctx.actor.staffId, checkedByName: ctx.actor.name };
  if (verdict === 'redo') Object.assign(fields, { doneAt: '', redoCount: a.redoCount + 1, ...(newDue ? { due: newDue } : {}) });
  return ok({
    shard: actionShard(a),
    ops: [
      { kind: 'set', collection: 'actions', id: a.id, fields },
      { kind: 'log', collection: 'actions', id: a.id, entry: historyEntry(ctx, `action.check.${verdict}`, undefined, n ? { note: n } : undefined) },
    ],
  });
}
