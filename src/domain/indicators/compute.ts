import type { Category, WorkCalendar } from '../requests/settings';
import type { RequestKind } from '../requests/types';
import { workingMinutesBetween } from '../requests/work-time';
import type { ResponseRow } from '../surveys/response';
import { monthBounds, type MonthBounds } from './period';
import { median, p90, percent } from './stats';
import { DIRECTION, statusOf, UNIT, type Direction, type IndicatorId, type IndicatorUnit, type Status, type Targets } from './targets';

/** What the indicators need of a request: fields of its projection row. */
export interface IndicatorRequest {
  id: string;
  kind: RequestKind;
  category: string;
  teamId: string;
  unitCode: string;
  customerId: string;
  urgency: 'normal' | 'urgent';
  createdAt: string;
  respondedAt: string;
  dueRespond: string;
  /** The last completion ('' while reopened and not yet done again). */
  doneAt: string;
  /** The first completion, kept through reopenings: rework is counted in its month. */
  firstDoneAt: string;
  dueFinish: string;
  closedAt: string;
  reopenCount: number;
  // Origin and validity (issue 21); absent in rows packed before them.
  origin?: string;
  validity?: string;
}

export interface IndicatorFollowUp {
  id: string;
  requestId: string;
  satisfaction: number;
  at: string;
}

export interface IndicatorHousehold {
  code: string;
  /** When the unit was registered; '' counts as always there. */
  createdAt: string;
}

export interface IndicatorInput {
  requests: readonly IndicatorRequest[];
  followups: readonly IndicatorFollowUp[];
  responses: readonly ResponseRow[];
  /** Cut-off of each survey, by id. */
  satisfiedFrom: Readonly<Record<string, number>>;
  households: readonly IndicatorHousehold[];
  calendar: WorkCalendar;
  categories: readonly Category[];
  targets: Targets;
  /** The moment of computing: a deadline not yet passed is not yet missed. */
  now: string;
}

/** A record behind a figure: in the denominator; `hit` when also in the numerator. */
export interface Ref {
  collection: 'requests' | 'followups' | 'responses';
  id: string;
  hit: boolean;
  /** The request a follow-up belongs to (to open it). */
  requestId?: string;
}

export interface Indicator {
  id: IndicatorId;
  period: string;
  numerator: number;
  denominator: number;
  /** percent, per 100 households, or a count; null when the denominator is 0. */
  value: number | null;
  target: number;
  amber: number;
  direction: Direction;
  unit: IndicatorUnit;
  status: Status;
  refs: Ref[];
}

const inMonth = (iso: string, b: MonthBounds) => !!iso && iso >= b.start && iso < b.end;
export const isComplaint = (kind: RequestKind) => kind === 'complaint' || kind === 'dispute';

function indicator(id: IndicatorId, b: MonthBounds, numerator: number, denominator: number, value: number | null, refs: Ref[], targets: Targets): Indicator {
  const spec = targets[id];
  return { id, period: b.month, numerator, denominator, value, target: spec.target, amber: spec.amber, direction: DIRECTION[id], unit: UNIT[id], status: statusOf(value, spec, DIRECTION[id]), refs };
}

/**
 * Counts a figure's denominator and numerator, keeping the records behind it only when asked:
 * the 12-month trend needs the counts of every month, the drill-down the records of one.
 */
class Tally {
  n = 0;
  hits = 0;
  readonly refs: Ref[] | null;
  constructor(keep: boolean) {
    this.refs = keep ? [] : null;
  }
  add(collection: Ref['collection'], id: string, hit: boolean, requestId?: string): void {
    this.n++;
    if (hit) this.hits++;
    this.refs?.push(requestId === undefined ? { collection, id, hit } : { collection, id, hit, requestId });
  }
}

const ratio = (id: IndicatorId, b: MonthBounds, t: Tally, targets: Targets) => indicator(id, b, t.hits, t.n, percent(t.hits, t.n), t.refs ?? [], targets);

/** Households at the month's end: units registered before it ends (parking excluded by the caller). */
export function householdsAt(households: readonly IndicatorHousehold[], end: string): number {
  return households.filter((h) => !h.createdAt || h.createdAt < end).length;
}

/**
 * Every indicator of one office month, from projection rows. How each is counted (and so which
 * month a request that spans two months counts in):
 * - satisfaction (follow-ups): follow-ups made in the month, satisfied = 满意 or 很满意 (4–5);
 * - satisfaction (surveys): scale answers of responses keyed in the month, satisfied = at or
 *   above their survey's cut-off; together: both kinds of answers added up;
 * - complaint follow-up: complaints and disputes closed in the month that have a follow-up;
 * - rework: repairs first completed in the month that were reopened (at any time since);
 * - on-time response: requests taken in the month that responded, or whose response deadline
 *   has passed; on time = responded by the deadline;
 * - on-time finish: requests completed in the month, and those not completed whose finish
 *   deadline fell in the month and has passed; on time = completed by the deadline;
 * - complaints per 100 households: complaints and disputes taken in the month ÷ households at
 *   the month's end × 100;
 * - escalated: complaints taken in the month that went to the manager's attention (reopened
 *   twice or more), as a count;
 * - valid via the authorities: complaints and disputes taken in the month that came through the
 *   authorities (12345, 街道) and that a manager found valid, as a count (target 0);
 * - valid via the company per 100 households: those that came through the company's head office
 *   and were found valid ÷ households at the month's end × 100 (target ≤ 2). A finding made
 *   later moves the figure of the month the complaint was taken in. The records behind both are
 *   exactly the valid ones counted.
 */
export function monthIndicators(input: IndicatorInput, month: string, hasFollowUp?: ReadonlySet<string>, keepRefs = true): Indicator[] {
  const b = monthBounds(month, input.calendar.utcOffset);
  const t = input.targets;
  const followed = hasFollowUp ?? new Set(input.followups.map((f) => f.requestId));

  const fu = new Tally(keepRefs);
  for (const f of input.followups) if (inMonth(f.at, b)) fu.add('followups', f.id, f.satisfaction >= 4, f.requestId);
  const survey = new Tally(keepRefs);
  for (const r of input.responses) {
    if (!inMonth(r.at, b)) continue;
    const from = input.satisfiedFrom[r.surveyId];
    if (from === undefined) continue;
    for (const level of Object.values(r.levels)) survey.add('responses', r.id, level >= from);
  }

  const closedComplaints = new Tally(keepRefs);
  const rework = new Tally(keepRefs);
  const respond = new Tally(keepRefs);
  const finish = new Tally(keepRefs);
  const complaints = new Tally(keepRefs);
  const viaAuthorities = new Tally(keepRefs);
  const viaCompany = new Tally(keepRefs);
  for (const r of input.requests) {
    const complaint = isComplaint(r.kind);
    if (complaint && inMonth(r.closedAt, b)) closedComplaints.add('requests', r.id, followed.has(r.id));
    if (r.kind === 'repair' && inMonth(r.firstDoneAt, b)) rework.add('requests', r.id, r.reopenCount > 0);
    const taken = inMonth(r.createdAt, b);
    if (taken && r.dueRespond && (r.respondedAt || r.dueRespond < input.now)) respond.add('requests', r.id, !!r.respondedAt && r.respondedAt <= r.dueRespond);
    if (r.dueFinish && (inMonth(r.doneAt, b) || (!r.doneAt && inMonth(r.dueFinish, b) && r.dueFinish < input.now)))
      finish.add('requests', r.id, !!r.doneAt && r.doneAt <= r.dueFinish);
    if (complaint && taken) complaints.add('requests', r.id, r.reopenCount >= 2);
    if (complaint && taken && r.validity === 'valid' && r.origin === 'authority') viaAuthorities.add('requests', r.id, true);
    if (complaint && taken && r.validity === 'valid' && r.origin === 'company') viaCompany.add('requests', r.id, true);
  }
  const households = householdsAt(input.households, b.end);
  const all = new Tally(false);
  all.n = fu.n + survey.n;
  all.hits = fu.hits + survey.hits;
  const allRefs = keepRefs ? [...fu.refs!, ...survey.refs!] : [];
  return [
    indicator('satisfaction', b, all.hits, all.n, percent(all.hits, all.n), allRefs, t),
    ratio('satisfactionFollowUps', b, fu, t),
    ratio('satisfactionSurveys', b, survey, t),
    ratio('complaintFollowUp', b, closedComplaints, t),
    ratio('rework', b, rework, t),
    ratio('onTimeRespond', b, respond, t),
    ratio('onTimeFinish', b, finish, t),
    indicator('complaintsPer100', b, complaints.n, households, households ? (complaints.n / households) * 100 : null,
      (complaints.refs ?? []).map((c) => ({ ...c, hit: true })), t),
    indicator('escalated', b, complaints.hits, complaints.n, complaints.hits, complaints.refs ?? [], t),
    // Origin and validity (issue 21)
    indicator('validViaAuthorities', b, viaAuthorities.n, complaints.n, viaAuthorities.n, viaAuthorities.refs ?? [], t),
    indicator('validViaCompanyPer100', b, viaCompany.n, households, households ? (viaCompany.n / households) * 100 : null, viaCompany.refs ?? [], t),
  ];
}

/** The records that make a figure worse: misses of a higher-is-better figure, hits of a lower-is-better one. */
export function problemRefs(ind: Indicator): Ref[] {
  if (ind.id === 'complaintsPer100') return ind.refs;
  return ind.refs.filter((r) => (ind.direction === 'higher' ? !r.hit : r.hit));
}

export interface TimeStat {
  category: string;
  measure: 'respond' | 'finish';
  period: string;
  n: number;
  /** Working hours, by the office calendar (urgent requests round the clock if the office says so). */
  median: number | null;
  p90: number | null;
  /** The category's normal time limit in working hours. */
  limit: number | null;
  /** green: 90 % within the limit; amber: half within; red: less. */
  status: Status;
  refs: Ref[];
}

/** Median and p90 response time (requests taken in the month) and finish time (completed in it), per category. */
export function timeStats(input: IndicatorInput, month: string): TimeStat[] {
  const b = monthBounds(month, input.calendar.utcOffset);
  const groups = new Map<string, { respond: [number, string][]; finish: [number, string][] }>();
  const hours = (from: string, to: string, urgent: boolean) =>
    workingMinutesBetween(new Date(from), new Date(to), input.calendar, urgent && input.calendar.urgentRoundTheClock) / 60;
  for (const r of input.requests) {
    const g = groups.get(r.category) ?? { respond: [], finish: [] };
    if (inMonth(r.createdAt, b) && r.respondedAt) g.respond.push([hours(r.createdAt, r.respondedAt, r.urgency === 'urgent'), r.id]);
    if (inMonth(r.doneAt, b)) g.finish.push([hours(r.createdAt, r.doneAt, r.urgency === 'urgent'), r.id]);
    groups.set(r.category, g);
  }
  const out: TimeStat[] = [];
  for (const [category, g] of groups) {
    const cat = input.categories.find((c) => c.id === category);
    for (const measure of ['respond', 'finish'] as const) {
      const values = g[measure];
      if (!values.length) continue;
      const limit = cat ? cat.normal[measure] : null;
      const m = median(values.map((v) => v[0]));
      const p = p90(values.map((v) => v[0]));
      const status: Status = limit === null ? 'none' : p! <= limit ? 'green' : m! <= limit ? 'amber' : 'red';
      out.push({
        category, measure, period: month, n: values.length, median: m, p90: p, limit, status,
        refs: values.map(([h, id]) => ({ collection: 'requests', id, hit: limit === null || h <= limit })),
      });
    }
  }
  // Response before finish within a category, as the request goes.
  return out.sort((a, c) => a.category.localeCompare(c.category) || c.measure.localeCompare(a.measure));
}
