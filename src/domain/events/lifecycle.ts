import type { CommandContext } from '../actor';
import { decideApproval, submitForApproval, type Approvable, type Decision } from '../approval';
import { historyEntry, type FieldChange } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { ledgerShardAt } from '../shards';
import { editText } from '../text-edit';
import { isPlanEditable } from './steps';
import { eventShard } from './record';
import { remarkDone } from './remarks';
import { EVENT_KINDS, type CommunityEvent, type EventItem, type EventKind, type EventPlanInput, type EventStatus, type ItemKind, type RemarkRow } from './types';

const illegal = (e: CommunityEvent, action: string): Result<never> => fail({ code: 'event.error.illegal', params: { action: `evaction.${action}`, status: `evstatus.${e.status}` } });

function checkPlan(input: EventPlanInput): Problem[] {
  const problems: Problem[] = [];
  if (!input.title.trim()) problems.push({ code: 'event.error.titleRequired', field: 'title' });
  if (input.title.length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: 'title', params: { max: LIMITS.shortText } });
  if (input.startsAt && Number.isNaN(Date.parse(input.startsAt))) problems.push({ code: 'event.error.badTime', field: 'startsAt' });
  if (input.scope === 'topic' && !input.topic.trim()) problems.push({ code: 'event.error.topicRequired', field: 'topic' });
  for (const f of ['place', 'form', 'budget', 'topic'] as const) {
    if (input[f].length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: f, params: { max: LIMITS.shortText } });
  }
  if (input.purpose.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'purpose', params: { max: LIMITS.note } });
  return problems;
}

const planFields = (input: EventPlanInput) => ({
  title: input.title.trim(),
  purpose: input.purpose.trim(),
  scope: input.scope,
  topic: input.scope === 'topic' ? input.topic.trim() : '',
  startsAt: input.startsAt,
  place: input.place.trim(),
  form: input.form.trim(),
  groups: input.groups,
  budget: input.budget.trim(),
  hostId: input.hostId,
  recorderId: input.recorderId,
});

/** A new plan (计划): a seminar, the club's founding or an activity. */
export function createEvent(kind: EventKind, input: EventPlanInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  if (!EVENT_KINDS.includes(kind)) return fail({ code: 'event.error.kindRequired', field: 'kind' });
  const problems = checkPlan(input);
  if (problems.length) return fail(...problems);
  const fields = { kind, status: 'plan', attendanceClosed: false, photos: '', ...planFields(input), createdAt: ctx.now, createdBy: ctx.actor.staffId, updatedAt: ctx.now };
  return ok({
    id,
    command: {
      shard: ledgerShardAt(ctx.now),
      ops: [
        // Every collaborative text exists from the start: two tablets that both made it offline would keep only one.
        { kind: 'create', collection: 'events', id, fields, texts: { notes: '', decisions: '', evaluation: '', happened: '', improvement: '' } },
        { kind: 'log', collection: 'events', id, entry: historyEntry(ctx, 'event.created', undefined, { kind, title: fields.title }) },
      ],
    },
  });
}

/** Revise the plan: only before it is submitted, or after a rejection (an approved plan stays as approved). */
export function updatePlan(e: CommunityEvent, input: EventPlanInput, ctx: CommandContext): Result<Command | null> {
  if (!isPlanEditable(e)) return fail({ code: 'event.error.planLocked', params: { status: `evstatus.${e.status}` } });
  const problems = checkPlan(input);
  if (problems.length) return fail(...problems);
  const next = planFields(input);
  const changes: FieldChange[] = [];
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const before = e[key as keyof typeof next];
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    fields[key] = value;
    changes.push({ field: key, from: typeof before === 'string' ? before : JSON.stringify(before), to: typeof value === 'string' ? value : JSON.stringify(value) });
  }
  if (!changes.length) return ok(null);
  return ok({
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'events', id: e.id, fields: { ...fields, updatedAt: ctx.now } },
      { kind: 'log', collection: 'events', id: e.id, entry: historyEntry(ctx, 'event.planEdited', changes) },
    ],
  });
}

const approvable = (e: CommunityEvent): Approvable => ({ collection: 'events', id: e.id, shard: eventShard(e), status: e.status });

/** 提交审批: a seminar needs its agenda (at least one item) and a time and place first. */
export function submitPlan(e: CommunityEvent, agendaCount: number, ctx: CommandContext): Result<Command> {
  const problems: Problem[] = [];
  if (!e.startsAt) problems.push({ code: 'event.error.timeRequired', field: 'startsAt' });
  if (!e.place) problems.push({ code: 'event.error.placeRequired', field: 'place' });
  if (e.kind === 'seminar' && agendaCount === 0) problems.push({ code: 'event.error.agendaRequired' });
  if (problems.length && isPlanEditable(e)) return fail(...problems);
  return submitForApproval(approvable(e), ctx);
}

export function decidePlan(e: CommunityEvent, decision: Decision, role: string, ctx: CommandContext): Result<Command> {
  return decideApproval(approvable(e), decision, role, ctx);
}

function step(e: CommunityEvent, ctx: CommandContext, action: string, status: EventStatus, extra: Record<string, unknown> = {}): Command {
  return {
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'events', id: e.id, fields: { status, ...extra, updatedAt: ctx.now } },
      { kind: 'log', collection: 'events', id: e.id, entry: historyEntry(ctx, `event.${action}`) },
    ],
  };
}

/** 已举行: only an approved plan is held. */
export function markHeld(e: CommunityEvent, ctx: CommandContext): Result<Command> {
  if (e.status === 'plan' || e.status === 'submitted' || e.status === 'rejected') return fail({ code: 'event.error.notApproved' });
  if (e.status !== 'approved') return illegal(e, 'held');
  return ok(step(e, ctx, 'held', 'held', { heldAt: ctx.now }));
}

/** 纪要完成: the minutes are done once the attendance is closed. */
export function finishMinutes(e: CommunityEvent, ctx: CommandContext): Result<Command> {
  if (e.status !== 'held') return illegal(e, 'minutes');
  if (!e.attendanceClosed) return fail({ code: 'event.error.attendanceOpen' });
  return ok(step(e, ctx, 'minutesDone', 'minutes'));
}

/** 分析完成: what was heard is analysed, and what was decided is written down. */
export function finishAnalysis(e: CommunityEvent, ctx: CommandContext): Result<Command> {
  if (e.status !== 'minutes') return illegal(e, 'analysis');
  if (!e.decisions.trim()) return fail({ code: 'event.error.analysisMissing', field: 'decisions' });
  return ok(step(e, ctx, 'analysed', 'analysed'));
}

/**
 * 关闭: the close rule. The analysis is written, and every remark is done — handled, its
 * service request closed, or set aside with a reason. `requestStatus` reads the requests
 * projection (a remark's request may be closed by anyone, anywhere).
 */
export function closeEvent(e: CommunityEvent, remarks: RemarkRow[], requestStatus: (id: string) => string | undefined, ctx: CommandContext): Result<Command> {
  if (e.status !== 'analysed') return e.status === 'closed' ? fail({ code: 'event.error.alreadyClosed' }) : fail({ code: 'event.error.analysisFirst' });
  const open = remarks.filter((r) => !remarkDone(r, requestStatus));
  if (open.length) return fail({ code: 'event.error.remarksOpen', params: { n: open.length } });
  return ok(step(e, ctx, 'closed', 'closed', { closedAt: ctx.now }));
}

/** The texts of an event that staff type together. */
export type EventText = 'notes' | 'decisions' | 'evaluation' | 'happened' | 'improvement';

/** A keystroke in one of the event's texts: the free minutes while it runs, the analysis and evaluation after. */
export function editEventText(e: CommunityEvent, field: EventText, value: string, ctx: CommandContext, base?: string): Result<Command | null> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  const duringOrAfter = e.status === 'held' || e.status === 'minutes' || e.status === 'analysed';
  if (!duringOrAfter) return fail({ code: 'event.error.notHeld' });
  return editText({ shard: eventShard(e), collection: 'events', id: e.id, field, current: e[field], value, base, history: e.history, action: `event.text.${field}` }, ctx);
}

export function setPhotos(e: CommunityEvent, photos: string, ctx: CommandContext): Result<Command | null> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  const value = photos.trim();
  if (value.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'photos', params: { max: LIMITS.note } });
  if (value === e.photos) return ok(null);
  return ok({
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'events', id: e.id, fields: { photos: value, updatedAt: ctx.now } },
      { kind: 'log', collection: 'events', id: e.id, entry: historyEntry(ctx, 'event.photos', [{ field: 'photos', from: e.photos, to: value }]) },
    ],
  });
}

/**
 * An agenda item or a preparation task: each its own record (so two staff adding items at once
 * both stand), each agenda item with its own minutes text, created with the item.
 */
export function addItem(e: CommunityEvent, kind: ItemKind, title: string, order: number, ownerId: string, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  if (kind === 'agenda' && !isPlanEditable(e)) return fail({ code: 'event.error.planLocked', params: { status: `evstatus.${e.status}` } });
  const text = title.trim();
  if (!text) return fail({ code: 'event.error.itemTitleRequired', field: 'title' });
  if (text.length > LIMITS.shortText) return fail({ code: 'error.tooLong', field: 'title', params: { max: LIMITS.shortText } });
  return ok({
    id,
    command: {
      shard: eventShard(e),
      ops: [
        { kind: 'create', collection: 'eventItems', id, fields: { eventId: e.id, kind, order, title: text, ownerId, done: false, createdAt: ctx.now }, texts: { minutes: '' } },
        { kind: 'log', collection: 'eventItems', id, entry: historyEntry(ctx, 'history.created') },
        { kind: 'log', collection: 'events', id: e.id, entry: historyEntry(ctx, kind === 'agenda' ? 'event.agendaAdded' : 'event.taskAdded', undefined, { title: text }) },
      ],
    },
  });
}

/** A keystroke in an agenda item's minutes, while the event is held and until it closes. */
export function editItemMinutes(e: CommunityEvent, item: EventItem, value: string, ctx: CommandContext, base?: string): Result<Command | null> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  if (e.status !== 'held' && e.status !== 'minutes' && e.status !== 'analysed') return fail({ code: 'event.error.notHeld' });
  return editText({ shard: eventShard(e), collection: 'eventItems', id: item.id, field: 'minutes', current: item.minutes, value, base, history: item.history, action: 'event.text.minutes' }, ctx);
}

export function setTaskDone(e: CommunityEvent, item: EventItem, done: boolean, ctx: CommandContext): Result<Command | null> {
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  if (item.done === done) return ok(null);
  return ok({
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'eventItems', id: item.id, fields: { done } },
      { kind: 'log', collection: 'eventItems', id: item.id, entry: historyEntry(ctx, done ? 'event.taskDone' : 'event.taskReopened') },
    ],
  });
}
