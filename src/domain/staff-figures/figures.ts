import { fail, ok, type Result } from '../result';
import { monthBounds } from '../indicators/period';
import { isComplaintKind, type RequestKind } from '../requests/types';
import type { Team } from '../requests/settings';

/**
 * Each person's figures (个人业绩, issue 21: "月绩效考核工作尽量量化"): per staff member and per team
 * for a period of whole office months, each figure with the records behind it so a manager can
 * open them. Seen by managers only: the refusal is here, so every caller (page, print) gets it.
 */

/** What the figures need of a request: fields of its projection row. */
export interface FigureRequest {
  id: string;
  kind: RequestKind;
  teamId: string;
  assigneeId: string;
  ownerId: string;
  createdAt: string;
  doneAt: string;
  firstDoneAt: string;
  dueFinish: string;
  reopenCount: number;
  validity: '' | 'valid' | 'invalid';
  concernedIds: string[];
  praisedIds: string[];
}

export interface FigureFollowUp {
  id: string;
  requestId: string;
  satisfaction: number;
  at: string;
}

export interface FigureStaff {
  id: string;
  name: string;
  role: string;
  teamId?: string;
}

/** A count and the records behind it; `hits` of `n` for a rate (n alone for a count). */
export interface Figure {
  n: number;
  hits: number;
  /** Request ids (a follow-up is listed as its request). */
  ids: string[];
  /** The requests that count as hits (on time, satisfied, reworked). */
  hitIds: string[];
}

export const FIGURE_IDS = ['handled', 'owned', 'onTime', 'satisfaction', 'rework', 'praise', 'validComplaints'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];
/** Figures that are a rate (hits of n); the others are counts. */
export const RATE_FIGURES: readonly FigureId[] = ['onTime', 'satisfaction', 'rework'];

export interface Figures {
  key: string;
  name: string;
  teamId: string;
  figures: Record<FigureId, Figure>;
}

export interface StaffFiguresInput {
  requests: readonly FigureRequest[];
  followups: readonly FigureFollowUp[];
  staff: readonly FigureStaff[];
  teams: readonly Team[];
  /** First and last office month of the period (YYYY-MM), both included. */
  from: string;
  to: string;
  utcOffset: number;
}

export interface StaffFigures {
  people: Figures[];
  teams: Figures[];
}

const empty = (): Record<FigureId, Figure> =>
  Object.fromEntries(FIGURE_IDS.map((id) => [id, { n: 0, hits: 0, ids: [], hitIds: [] }])) as unknown as Record<FigureId, Figure>;

function add(f: Figure, id: string, hit: boolean): void {
  f.n++;
  f.ids.push(id);
  if (hit) {
    f.hits++;
    f.hitIds.push(id);
  }
}

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * How each figure is counted, for a person (a team: the same over requests of the team, and
 * praise and complaints naming any of its members):
 * - handled: requests assigned to them, completed in the period (the last completion);
 * - owned (首问受理): requests they took (first-contact owner now) in the period;
 * - on time: of those handled, completed by the finish deadline;
 * - satisfaction: follow-ups made in the period of requests assigned to them, 满意 or 很满意;
 * - rework: repairs assigned to them first completed in the period, reopened since;
 * - praise: 表扬 taken in the period naming them;
 * - valid complaints: complaints and disputes taken in the period, found valid by a manager and
 *   naming them as the staff concerned.
 */
export function staffFigures(input: StaffFiguresInput, role: string): Result<StaffFigures> {
  if (role !== 'manager') return fail({ code: 'staffFigures.error.managerOnly' });
  if (!MONTH.test(input.from) || !MONTH.test(input.to) || input.from > input.to || monthsBetween(input.from, input.to) > 12)
    return fail({ code: 'staffFigures.error.period', field: 'from' });
  const start = monthBounds(input.from, input.utcOffset).start;
  const end = monthBounds(input.to, input.utcOffset).end;
  const within = (iso: string) => !!iso && iso >= start && iso < end;

  const people = new Map(input.staff.map((s) => [s.id, { key: s.id, name: s.name, teamId: s.teamId ?? '', figures: empty() }]));
  const teams = new Map(input.teams.map((t) => [t.id, { key: t.id, name: t.name, teamId: t.id, figures: empty() }]));
  const teamOfStaff = (id: string) => people.get(id)?.teamId ?? '';
  const both = (staffId: string, teamId: string, fig: FigureId, id: string, hit: boolean) => {
    const p = people.get(staffId);
    if (p) add(p.figures[fig], id, hit);
    const t = teams.get(teamId);
    if (t) add(t.figures[fig], id, hit);
  };
  // Praise and complaints name people: a team counts a record once, however many of its members it names.
  const naming = (ids: readonly string[], fig: FigureId, id: string) => {
    for (const s of new Set(ids)) { const p = people.get(s); if (p) add(p.figures[fig], id, true); }
    for (const t of new Set(ids.map(teamOfStaff).filter(Boolean))) { const team = teams.get(t); if (team) add(team.figures[fig], id, true); }
  };

  const byId = new Map(input.requests.map((r) => [r.id, r]));
  for (const r of input.requests) {
    if (within(r.doneAt)) {
      both(r.assigneeId, r.teamId, 'handled', r.id, true);
      if (r.dueFinish) both(r.assigneeId, r.teamId, 'onTime', r.id, r.doneAt <= r.dueFinish);
    }
    if (within(r.createdAt)) {
      const p = people.get(r.ownerId);
      if (p) add(p.figures.owned, r.id, true);
      const t = teams.get(r.teamId);
      if (t) add(t.figures.owned, r.id, true);
    }
    if (r.kind === 'repair' && within(r.firstDoneAt)) both(r.assigneeId, r.teamId, 'rework', r.id, r.reopenCount > 0);
    if (r.kind === 'praise' && within(r.createdAt)) naming(r.praisedIds, 'praise', r.id);
    if (isComplaintKind(r.kind) && within(r.createdAt) && r.validity === 'valid') naming(r.concernedIds, 'validComplaints', r.id);
  }
  for (const f of input.followups) {
    if (!within(f.at)) continue;
    const r = byId.get(f.requestId);
    if (r) both(r.assigneeId, r.teamId, 'satisfaction', r.id, f.satisfaction >= 4);
  }
  // Everyone on the staff list is listed (a month with nothing is a figure too), by name.
  const order = (a: Figures, b: Figures) => a.name.localeCompare(b.name, 'zh-CN');
  return ok({ people: [...people.values()].sort(order), teams: [...teams.values()] });
}

/** A rate in percent, or null with nothing to measure. */
export const rateOf = (f: Figure): number | null => (f.n ? (f.hits / f.n) * 100 : null);
