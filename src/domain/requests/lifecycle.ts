import type { CommandContext } from '../actor';
import { isDay } from '../days';
import { historyEntry, type FieldChange, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command, Op } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { ledgerShardAt } from '../shards';
import { complaintState } from './complaint';
import { complaintBlocksCompletion } from './steps';
import { categoryById, type ServiceSettings } from './settings';
import { shardOf } from './shard';
import {
  isComplaintKind,
  needsSatisfiedFollowUp,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  type Channel,
  type RequestKind,
  type RequestStatus,
  type ServiceRequest,
  type Urgency,
} from './types';
import { addWorkingHours, extendByWait } from './work-time';
import { COMPLAINT_ORIGINS, type ComplaintOrigin } from './origin-types';
import { editText } from '../text-edit';

export interface IntakeInput {
  kind: RequestKind;
  category: string;
  urgency: Urgency;
  channel: Channel;
  description: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  phone: string;
  location: string;
  /** Raised at a community event (座谈会): the request keeps the event and remark ids and says so on its timeline. */
  fromEvent?: { eventId: string; remarkId: string; eventTitle: string };
  /** The survey answer it came from: kept on the request, so it links back (the answer keeps the request's id). */
  source?: { surveyId: string; wave: number; responseId: string };
  // Moves (issue 20): a defect found at the handover is a warranty (保修) repair; a renovation's
  // finding becomes a rectification (整改) request linked to that renovation.
  warranty?: { handoverId: string };
  renovationId?: string;
  // Origin and validity (issue 21)
  /** Where a complaint or dispute came from (asked at intake; 'direct' when the caller gives none). */
  origin?: ComplaintOrigin;
  /** 客户要求: what the customer asks for. */
  demand?: string;
  /** 表扬: the staff praised. */
  praisedIds?: string[];
}

/** Accept and register (受理): numbered, deadlines fixed, the taker is the first-contact owner. */
export function takeRequest(input: IntakeInput, number: string, settings: ServiceSettings, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  const problems: Problem[] = [];
  if (!REQUEST_KINDS.includes(input.kind)) problems.push({ code: 'request.error.kindRequired', field: 'kind' });
  const category = categoryById(settings, input.category);
  if (!category) problems.push({ code: 'request.error.categoryRequired', field: 'category' });
  else if (!category.kinds.includes(input.kind)) problems.push({ code: 'request.error.categoryKind', field: 'category', params: { category: category.name } });
  const description = input.description.trim();
  if (!description) problems.push({ code: 'request.error.descriptionRequired', field: 'description' });
  if (description.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'description', params: { max: LIMITS.note } });
  if (!input.customerId && !input.unitCode.trim() && !input.location.trim()) problems.push({ code: 'request.error.whoOrWhere', field: 'customerId' });
  if (!REQUEST_CHANNELS.includes(input.channel)) problems.push({ code: 'request.error.channelRequired', field: 'channel' });
  if (input.location.length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: 'location', params: { max: LIMITS.shortText } });
  const complaint = isComplaintKind(input.kind);
  const origin = complaint ? (input.origin ?? 'direct') : undefined;
  if (origin && !COMPLAINT_ORIGINS.includes(origin)) problems.push({ code: 'request.error.originRequired', field: 'origin' });
  const demand = (input.demand ?? '').trim();
  if (demand.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'demand', params: { max: LIMITS.note } });
  const praisedIds = input.kind === 'praise' ? [...new Set((input.praisedIds ?? []).filter(Boolean))] : [];
  if (problems.length || !category) return fail(...problems);

  const urgent = input.urgency === 'urgent';
  const limits = urgent ? category.urgent : category.normal;
  const start = new Date(ctx.now);
  const roundTheClock = urgent && settings.calendar.urgentRoundTheClock;
  const due = {
    respond: addWorkingHours(start, limits.respond, settings.calendar, roundTheClock).toISOString(),
    finish: addWorkingHours(start, limits.finish, settings.calendar, roundTheClock).toISOString(),
    reportBack: addWorkingHours(start, limits.reportBack, settings.calendar, roundTheClock).toISOString(),
  };
  const fields = {
    number,
    kind: input.kind,
    category: category.id,
    urgency: urgent ? 'urgent' : 'normal',
    channel: input.channel,
    location: input.location.trim(),
    customerId: input.customerId,
    customerName: input.customerName,
    unitCode: input.unitCode,
    phone: input.phone,
    status: 'accepted',
    teamId: category.teamId,
    assigneeId: '',
    ownerId: ctx.actor.staffId,
    reopenCount: 0,
    due,
    createdAt: ctx.now,
    createdBy: ctx.actor.staffId,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.staffId,
    ...(input.fromEvent ? { sourceEventId: input.fromEvent.eventId, remarkId: input.fromEvent.remarkId } : {}),
    ...(input.source ? { sourceSurveyId: input.source.surveyId, sourceWave: input.source.wave, sourceResponseId: input.source.responseId } : {}),
    ...(input.warranty ? { warranty: true, handoverId: input.warranty.handoverId } : {}),
    ...(input.renovationId ? { renovationId: input.renovationId } : {}),
    // Written only when there is something to say: a repair carries no empty origin or demand.
    ...(origin ? { origin } : {}),
    ...(demand ? { demand } : {}),
    ...(praisedIds.length ? { praisedIds } : {}),
  };
  return ok({
    id,
    command: {
      shard: ledgerShardAt(ctx.now),
      ops: [
        { kind: 'create', collection: 'requests', id, fields, texts: { description } },
        { kind: 'log', collection: 'requests', id, entry: historyEntry(ctx, 'request.accepted', undefined, { number, kind: input.kind, category: category.name, urgency: fields.urgency }) },
        ...(input.fromEvent ? [{ kind: 'log' as const, collection: 'requests' as const, id, entry: historyEntry(ctx, 'request.fromEvent', undefined, { event: input.fromEvent.eventTitle }) }] : []),
        ...(input.warranty ? [{ kind: 'log' as const, collection: 'requests' as const, id, entry: historyEntry(ctx, 'moves.history.warranty') }] : []),
      ],
    },
  });
}

function transition(req: ServiceRequest, ctx: CommandContext, action: string, fields: Record<string, unknown>, data?: HistoryEntry['data'], changes?: FieldChange[]): Command {
  return {
    shard: shardOf(req),
    ops: [
      { kind: 'set', collection: 'requests', id: req.id, fields: { ...fields, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'requests', id: req.id, entry: historyEntry(ctx, action, changes, data) },
    ],
  };
}

const illegal = (req: ServiceRequest, action: string): Result<never> =>
  // The status goes out as its i18n key, so the message names it in the user's language.
  fail({ code: 'request.error.illegal', params: { action, status: `reqstatus.${req.status}` } });

function expect(req: ServiceRequest, action: string, allowed: RequestStatus[]): Result<void> {
  return allowed.includes(req.status) ? ok(undefined) : illegal(req, action);
}

/** Dispatch (派工) or reassign: every change of team or person is kept in the history. */
export function dispatch(req: ServiceRequest, teamId: string, assigneeId: string, ctx: CommandContext, names: { team: string; assignee: string }): Result<Command> {
  const allowed = expect(req, 'dispatch', ['accepted', 'dispatched', 'inProgress']);
  if (!allowed.ok) return allowed;
  if (!teamId) return fail({ code: 'request.error.teamRequired', field: 'teamId' });
  if (teamId === req.teamId && assigneeId === req.assigneeId && req.status !== 'accepted') return fail({ code: 'request.error.sameAssignee' });
  const first = req.status === 'accepted';
  const fields: Record<string, unknown> = { teamId, assigneeId };
  if (first) fields.status = 'dispatched';
  return ok(transition(req, ctx, first ? 'request.dispatched' : 'request.reassigned', fields, { team: names.team, assignee: names.assignee, fromTeam: req.teamId, fromAssignee: req.assigneeId }));
}

/** 首问责任制: ownership passes only on record. */
export function handOver(req: ServiceRequest, ownerId: string, ownerName: string, ctx: CommandContext): Result<Command> {
  if (req.status === 'closed') return fail({ code: 'request.error.closed' });
  if (!ownerId || ownerId === req.ownerId) return fail({ code: 'request.error.sameOwner' });
  return ok(transition(req, ctx, 'request.handedOver', { ownerId }, { to: ownerName }));
}

export function startWork(req: ServiceRequest, ctx: CommandContext): Result<Command> {
  const allowed = expect(req, 'start', ['dispatched']);
  if (!allowed.ok) return allowed;
  return ok(transition(req, ctx, 'request.started', { status: 'inProgress', respondedAt: req.respondedAt || ctx.now }));
}

/** 完工: the team reports what was done; the resident signed the paper register, or did not. */
export function completeWork(req: ServiceRequest, report: string, signed: boolean, signedDate: string, ctx: CommandContext): Result<Command> {
  const allowed = expect(req, 'complete', ['dispatched', 'inProgress']);
  if (!allowed.ok) return allowed;
  if (!report.trim()) return fail({ code: 'request.error.reportRequired', field: 'report' });
  if (report.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'report', params: { max: LIMITS.note } });
  if (signed && !isDay(signedDate)) return fail({ code: 'request.error.badDate', field: 'signedDate' });
  const blocked = complaintBlocksCompletion(req, complaintState(req.history));
  if (blocked) return fail({ code: blocked });
  return ok(transition(req, ctx, 'request.completed', { status: 'done', doneAt: ctx.now, signed, signedDate: signed ? signedDate : '', respondedAt: req.respondedAt || ctx.now }, { report: report.trim(), signed, signedDate: signed ? signedDate : '' }));
}

/** 结果反馈: the customer was told the outcome — so there is one: after 完工. */
export function reportBack(req: ServiceRequest, note: string, ctx: CommandContext): Result<Command> {
  const allowed = expect(req, 'reportBack', ['done', 'followUp']);
  if (!allowed.ok) return allowed;
  if (!note.trim()) return fail({ code: 'request.error.noteRequired', field: 'note' });
  return ok(transition(req, ctx, 'request.reportedBack', { reportedBackAt: ctx.now, respondedAt: req.respondedAt || ctx.now }, { note: note.trim() }));
}

export type FollowUpMethod = 'phone' | 'visit' | 'sms' | 'wechat';
export const FOLLOW_UP_METHODS: FollowUpMethod[] = ['phone', 'visit', 'sms', 'wechat'];

/** 回访: 5-level satisfaction (1 很不满意 … 5 很满意); also a record in the follow-ups collection. */
export function recordFollowUp(req: ServiceRequest, method: FollowUpMethod, satisfaction: number, comment: string, ctx: CommandContext, id = newId()): Result<Command> {
  const allowed = expect(req, 'followUp', ['done', 'followUp']);
  if (!allowed.ok) return allowed;
  if (!FOLLOW_UP_METHODS.includes(method)) return fail({ code: 'request.error.methodRequired', field: 'method' });
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) return fail({ code: 'request.error.satisfactionRequired', field: 'satisfaction' });
  if (comment.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'comment', params: { max: LIMITS.note } });
  const command = transition(req, ctx, 'request.followedUp', { status: 'followUp', lastSatisfaction: satisfaction }, { method, satisfaction, comment: comment.trim() });
  const followUp: Op = {
    kind: 'create',
    collection: 'followups',
    id,
    fields: { requestId: req.id, requestNumber: req.number, kind: req.kind, customerId: req.customerId, customerName: req.customerName, unitCode: req.unitCode, method, satisfaction, at: ctx.now, by: ctx.actor.staffId, byName: ctx.actor.name },
    texts: { comment: comment.trim() },
  };
  return ok({ shard: command.shard, ops: [...command.ops, followUp] });
}

/**
 * 关闭. A repair, complaint or dispute closes only after a satisfied follow-up (满意 or 很满意),
 * unless a manager closes it with a written reason; inquiries, suggestions and praise close
 * when answered.
 */
export function closeRequest(req: ServiceRequest, ctx: CommandContext, role: string, reason = ''): Result<Command> {
  if (req.status === 'closed') return fail({ code: 'request.error.closed' });
  const satisfied = req.status === 'followUp' && req.lastSatisfaction >= 4;
  if (needsSatisfiedFollowUp(req.kind) && !satisfied) {
    if (role !== 'manager') return fail({ code: 'request.error.closeNeedsSatisfied' });
    if (!reason.trim()) return fail({ code: 'request.error.closeReasonRequired', field: 'reason' });
    return ok(transition(req, ctx, 'request.closedByManager', { status: 'closed', closedAt: ctx.now, closeReason: reason.trim(), waitingSince: '' }, { reason: reason.trim(), approverRole: role }));
  }
  return ok(transition(req, ctx, 'request.closed', { status: 'closed', closedAt: ctx.now, closeReason: reason.trim(), waitingSince: '' }, reason.trim() ? { reason: reason.trim() } : undefined));
}

/** Reopening counts as rework (返工); the second time it goes to the manager's attention. */
export function reopenRequest(req: ServiceRequest, reason: string, ctx: CommandContext): Result<Command> {
  const allowed = expect(req, 'reopen', ['done', 'followUp', 'closed']);
  if (!allowed.ok) return allowed;
  if (!reason.trim()) return fail({ code: 'request.error.reopenReasonRequired', field: 'reason' });
  const reopenCount = req.reopenCount + 1;
  return ok(transition(req, ctx, 'request.reopened', { status: req.teamId ? 'dispatched' : 'accepted', reopenCount, closedAt: '', doneAt: '', lastSatisfaction: 0 }, { reason: reason.trim(), reopenCount }));
}

/** The clock stops while the request waits on the resident (not home, parts to buy…). */
export function waitOnResident(req: ServiceRequest, note: string, ctx: CommandContext): Result<Command> {
  if (req.status === 'closed' || req.status === 'done' || req.status === 'followUp') return illegal(req, 'wait');
  if (req.waitingSince) return fail({ code: 'request.error.alreadyWaiting' });
  if (!note.trim()) return fail({ code: 'request.error.noteRequired', field: 'note' });
  return ok(transition(req, ctx, 'request.waiting', { waitingSince: ctx.now }, { note: note.trim() }));
}

export function resumeWork(req: ServiceRequest, settings: ServiceSettings, ctx: CommandContext): Result<Command> {
  if (!req.waitingSince) return fail({ code: 'request.error.notWaiting' });
  const from = new Date(req.waitingSince);
  const to = new Date(ctx.now);
  const roundTheClock = req.urgency === 'urgent' && settings.calendar.urgentRoundTheClock;
  const move = (iso: string) => (iso ? extendByWait(new Date(iso), from, to, settings.calendar, roundTheClock).toISOString() : iso);
  const due = { respond: req.respondedAt ? req.due.respond : move(req.due.respond), finish: move(req.due.finish), reportBack: move(req.due.reportBack) };
  return ok(transition(req, ctx, 'request.resumed', { waitingSince: '', due }, { finish: due.finish }));
}

/** Due and overdue are judged against the deadlines, except while waiting on the resident. */
export function isOverdue(req: { status: RequestStatus; dueFinish: string; waiting: 0 | 1 }, now: Date): boolean {
  if (req.waiting || req.status === 'done' || req.status === 'followUp' || req.status === 'closed') return false;
  return !!req.dueFinish && new Date(req.dueFinish) < now;
}

/** Reopened twice or more: the manager should look at it. */
export const needsManagerAttention = (req: { reopenCount: number; open: 0 | 1 }) => req.open === 1 && req.reopenCount >= 2;

/** The description is collaborative text, like a customer's notes; a closed request's is read-only. */
export function editRequestDescription(req: ServiceRequest, value: string, ctx: CommandContext, base?: string): Result<Command | null> {
  if (req.status === 'closed') return fail({ code: 'request.error.closed' });
  return editText({ shard: shardOf(req), collection: 'requests', id: req.id, field: 'description', current: req.description, value, base, history: req.history, action: 'request.descriptionEdited' }, ctx);
}
