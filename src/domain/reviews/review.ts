import type { ActionRow } from '../actions/types';
import type { CommandContext } from '../actor';
import { isDay } from '../days';
import { historyEntry, type HistoryEntry } from '../history';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { shardOfRecord, type ShardName } from '../shards';
import { isComplaintKind, type ServiceRequest } from '../requests/types';

/**
 * 重大投诉案例分析会: the monthly meeting on the month's complaints — their causes and the
 * corrective actions decided — with who attended, printed like seminar minutes and signed.
 *
 * One review per month, its id made from the month (`review-2026-11`): two tablets that open
 * the month's review offline write into the same record, field by field, instead of making two.
 * Attendance is one field per staff member (`att:<staffId>`), so two people ticking at once both win.
 */
export interface CaseReview {
  id: string;
  month: string;
  heldOn: string;
  place: string;
  hostName: string;
  recorderName: string;
  /** Conclusions of the meeting (整改跟进 decided there). */
  summary: string;
  attendees: { staffId: string; name: string }[];
  createdAt: string;
  history: HistoryEntry[];
}

export interface ReviewRow {
  id: string;
  month: string;
  heldOn: string;
  attendees: number;
}

export interface ReviewFields {
  heldOn: string;
  place: string;
  hostName: string;
  recorderName: string;
  summary: string;
}

export const reviewId = (month: string) => `review-${month}`;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function reviewFromRecord(id: string, r: Record<string, unknown>): CaseReview {
  const attendees = Object.entries(r)
    .filter(([k, v]) => k.startsWith('att:') && typeof v === 'string' && v)
    .map(([k, v]) => ({ staffId: k.slice(4), name: v as string }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    id, month: str(r.month), heldOn: str(r.heldOn), place: str(r.place), hostName: str(r.hostName), recorderName: str(r.recorderName),
    summary: str(r.summary), attendees, createdAt: str(r.createdAt),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectReview(id: string, r: Record<string, unknown>): ReviewRow {
  const v = reviewFromRecord(id, r);
  return { id, month: v.month, heldOn: v.heldOn, attendees: v.attendees.length };
}

export const reviewShard = (month: string): ShardName => shardOfRecord('reviews', { record: { month } });

/** Saves the meeting's facts (creating the month's review if this is its first save). */
export function saveReview(current: CaseReview | null, month: string, input: ReviewFields, ctx: CommandContext): Result<Command> {
  const problems: Problem[] = [];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problems.push({ code: 'review.error.month', field: 'month' });
  if (input.heldOn && !isDay(input.heldOn)) problems.push({ code: 'review.error.heldOn', field: 'heldOn' });
  for (const [k, max] of [['place', LIMITS.shortText], ['hostName', LIMITS.name], ['recorderName', LIMITS.name], ['summary', LIMITS.note]] as const) {
    if (input[k].length > max) problems.push({ code: 'error.tooLong', field: k, params: { max } });
  }
  if (problems.length) return fail(...problems);
  const id = reviewId(month);
  const fields: Record<string, unknown> = { month, heldOn: input.heldOn, place: input.place.trim(), hostName: input.hostName.trim(), recorderName: input.recorderName.trim(), summary: input.summary.trim() };
  if (!current) fields.createdAt = ctx.now;
  return ok({
    shard: reviewShard(month),
    ops: [
      { kind: 'set', collection: 'reviews', id, upsert: true, fields },
      { kind: 'log', collection: 'reviews', id, entry: historyEntry(ctx, current ? 'review.saved' : 'review.created') },
    ],
  });
}

/** Ticks a staff member present (or not) at the month's review. */
export function setReviewAttendance(month: string, staff: { id: string; name: string }, present: boolean, ctx: CommandContext): Command {
  const id = reviewId(month);
  return {
    shard: reviewShard(month),
    ops: [
      { kind: 'set', collection: 'reviews', id, upsert: true, fields: { month, [`att:${staff.id}`]: present ? staff.name : '' } },
      { kind: 'log', collection: 'reviews', id, entry: historyEntry(ctx, present ? 'review.attended' : 'review.absent', undefined, { name: staff.name }) },
    ],
  };
}

export interface ReviewCase {
  requestId: string;
  number: string;
  unitCode: string;
  description: string;
  cause: string;
  responsibility: string;
  severity: string;
  status: string;
  actions: ActionRow[];
}

/**
 * THE selection of the complaints a month's review discusses: every complaint and dispute taken
 * in the month (`inMonth` decides the month in the office's time) that the manager found valid
 * (有效) or has not judged yet — a complaint found invalid (无效) with its reason is not a case to
 * correct; one not yet judged stays on the table until it is.
 */
export function reviewComplaints<R extends Pick<ServiceRequest, 'kind' | 'createdAt'> & { validity?: '' | 'valid' | 'invalid' }>(requests: readonly R[], inMonth: (iso: string) => boolean): R[] {
  return requests.filter((r) => isComplaintKind(r.kind) && inMonth(r.createdAt) && r.validity !== 'invalid');
}

/** The review's cases: each complaint with its cause and the actions raised from it, in number order. */
export function reviewCases(complaints: readonly ServiceRequest[], actions: readonly ActionRow[]): ReviewCase[] {
  return [...complaints]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((r) => ({
      requestId: r.id, number: r.number, unitCode: r.unitCode, description: r.description,
      cause: r.investigation?.cause ?? '', responsibility: r.investigation?.responsibility ?? '', severity: r.investigation?.severity ?? '', status: r.status,
      actions: actions.filter((a) => a.sourceRef === `requests/${r.id}`).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    }));
}
