import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { eventShard } from './record';
import { takesRemarks } from './steps';
import { REMARK_KINDS, type CommunityEvent, type RemarkKind, type RemarkRow } from './types';

export interface RemarkInput {
  customerId: string;
  customerName: string;
  unitCode: string;
  topic: string;
  kind: RemarkKind;
  text: string;
}

/** The kinds of service request a remark can become (a praise is recorded, not worked on). */
export const REQUEST_KIND_OF: Partial<Record<RemarkKind, 'repair' | 'complaint' | 'suggestion' | 'inquiry'>> = {
  repair: 'repair', complaint: 'complaint', suggestion: 'suggestion', inquiry: 'inquiry',
};

/** Done for the close rule: handled, set aside with a reason, or its service request closed. */
export function remarkDone(r: RemarkRow, requestStatus: (id: string) => string | undefined): boolean {
  if (r.status === 'setAside') return !!r.reason.trim();
  if (r.status === 'handled') return true;
  return !!r.requestId && requestStatus(r.requestId) === 'closed';
}

/** A remark raised at the event (意见): its own record, so two staff adding remarks at once both stand. */
export function addRemark(e: CommunityEvent, input: RemarkInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  if (!takesRemarks(e)) return fail({ code: 'event.error.notHeld' });
  const text = input.text.trim();
  if (!text) return fail({ code: 'remark.error.textRequired', field: 'text' });
  if (text.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'text', params: { max: LIMITS.note } });
  if (!REMARK_KINDS.includes(input.kind)) return fail({ code: 'remark.error.kindRequired', field: 'kind' });
  if (input.topic.length > LIMITS.shortText) return fail({ code: 'error.tooLong', field: 'topic', params: { max: LIMITS.shortText } });
  return ok({
    id,
    command: {
      shard: eventShard(e),
      ops: [
        {
          kind: 'create', collection: 'remarks', id,
          fields: { eventId: e.id, customerId: input.customerId, customerName: input.customerName, unitCode: input.unitCode, topic: input.topic.trim(), kind: input.kind, text, status: 'open', reason: '', requestId: '', requestNumber: '', createdAt: ctx.now, createdBy: ctx.actor.staffId },
        },
        { kind: 'log', collection: 'remarks', id, entry: historyEntry(ctx, 'history.created') },
      ],
    },
  });
}

const remarkStep = (e: CommunityEvent, r: RemarkRow, ctx: CommandContext, action: string, fields: Record<string, unknown>, data?: Record<string, string>): Command => ({
  shard: eventShard(e),
  ops: [
    { kind: 'set', collection: 'remarks', id: r.id, fields: { ...fields, updatedAt: ctx.now } },
    { kind: 'log', collection: 'remarks', id: r.id, entry: historyEntry(ctx, action, undefined, data) },
  ],
});

/** The remark became a service request: the remark keeps its id and number (the request keeps the remark's). */
export function linkRequest(e: CommunityEvent, r: RemarkRow, request: { id: string; number: string }, ctx: CommandContext): Result<Command> {
  if (r.requestId) return fail({ code: 'remark.error.alreadyLinked', params: { number: r.requestNumber } });
  if (!REQUEST_KIND_OF[r.kind]) return fail({ code: 'remark.error.notARequest' });
  return ok(remarkStep(e, r, ctx, 'remark.becameRequest', { requestId: request.id, requestNumber: request.number }, { number: request.number }));
}

export function handleRemark(e: CommunityEvent, r: RemarkRow, ctx: CommandContext): Result<Command> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  return ok(remarkStep(e, r, ctx, 'remark.handled', { status: 'handled', reason: '' }));
}

/** Set aside (不予处理 / 暂缓): only with a reason, which the close rule and the paper show. */
export function setAsideRemark(e: CommunityEvent, r: RemarkRow, reason: string, ctx: CommandContext): Result<Command> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  const why = reason.trim();
  if (!why) return fail({ code: 'remark.error.reasonRequired', field: 'reason' });
  if (why.length > LIMITS.shortText) return fail({ code: 'error.tooLong', field: 'reason', params: { max: LIMITS.shortText } });
  return ok(remarkStep(e, r, ctx, 'remark.setAside', { status: 'setAside', reason: why }, { reason: why }));
}

/** The analysis table: remarks counted by topic and kind. */
export function remarkSummary(rows: RemarkRow[]): { topic: string; kind: RemarkKind; count: number }[] {
  const counts = new Map<string, { topic: string; kind: RemarkKind; count: number }>();
  for (const r of rows) {
    const key = `${r.topic}\u0000${r.kind}`;
    const c = counts.get(key) ?? { topic: r.topic, kind: r.kind, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'zh-CN'));
}
