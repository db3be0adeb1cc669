import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { CUSTOMER_KINDS, GRADES, type CustomerKind, type Grade } from '../customers/types';
import { addDays, clampedDay, dateOfDay, isDay, isMonthDay, type Day } from '../days';
import type { HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { saveOfficeRecord, type OfficeRecordKind } from '../office-record';
import { festivalDays, FESTIVALS, type Festival } from './festivals';
import { fail, ok, type Problem, type Result } from '../result';

/**
 * How often a plan comes round. weekly: on a weekday (1 Monday … 7 Sunday); monthly: on a day of
 * the month, kept on the last day of shorter months; quarterly: that day every three months from
 * the plan's start month; yearly: a month and day (29 February → 28 February in common years);
 * afterContact: N days after the customer's last logged contact (or the plan's start when none),
 * so a logged contact resets it.
 */
export type Recurrence =
  | { every: 'week'; weekday: number }
  | { every: 'month'; day: number }
  | { every: 'quarter'; day: number }
  | { every: 'year'; month: number; day: number }
  | { every: 'afterContact'; days: number }
  // Lunar festivals (issue 21): on the festival's lunar date every year.
  | { every: 'festival'; festival: Festival };
export const RECURRENCE_KINDS = ['week', 'month', 'quarter', 'year', 'afterContact', 'festival'] as const;

/** Which customers a plan is for: every non-empty part must match. */
export interface CustomerGroup {
  kinds: CustomerKind[];
  /** Building numbers (the first part of a unit code, `3` for 3-2-1101). */
  buildings: string[];
  /** Any of these tags. */
  tags: string[];
  grades: Grade[];
  /** Only customers with a complaint (投诉/纠纷) taken on or after this day; '' for no such condition. */
  complaintSince: Day | '';
  /**
   * A saved list (住户名单, issue 20) instead of the parts above: the plan is for the list's
   * members as the list resolves them on each day tasks are made ('' for none). Its name as it
   * was when chosen, shown where this tablet does not hold the list.
   */
  listId?: string;
  listName?: string;
}

export interface Plan {
  id: string;
  name: string;
  group: CustomerGroup;
  recurrence: Recurrence;
  start: Day;
  ownerId: string;
  teamId: string;
  templateId: string;
  active: boolean;
  history: HistoryEntry[];
}

export type PlanInput = Omit<Plan, 'id' | 'history'>;
export type PlanRow = Omit<Plan, 'history'>;

const int = (v: unknown, lo: number, hi: number) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

export function checkRecurrence(r: Recurrence): Problem | null {
  const bad = { code: 'plan.error.recurrence', field: 'recurrence' };
  switch (r?.every) {
    case 'week': return int(r.weekday, 1, 7) ? null : bad;
    case 'month':
    case 'quarter': return int(r.day, 1, 31) ? null : bad;
    case 'year': return isMonthDay(r.month, r.day) ? null : bad;
    case 'afterContact': return int(r.days, 1, 3660) ? null : bad;
    case 'festival': return FESTIVALS.includes(r.festival) ? null : bad;
    default: return bad;
  }
}

/** The days of [from, to] (both included, none before the plan's start) on which a calendar recurrence falls. */
export function dueDays(r: Recurrence, start: Day, from: Day, to: Day): Day[] {
  const first = from < start ? start : from;
  const days: Day[] = [];
  if (r.every === 'afterContact' || first > to) return days;
  if (r.every === 'festival') return festivalDays(r.festival, first, to);
  if (r.every === 'week') {
    const weekday = (d: Day) => ((dateOfDay(d).getUTCDay() + 6) % 7) + 1;
    let d = addDays(first, (r.weekday - weekday(first) + 7) % 7);
    for (; d <= to; d = addDays(d, 7)) days.push(d);
    return days;
  }
  const startMonth = Number(start.slice(5, 7));
  for (let y = Number(first.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (let m = 1; m <= 12; m++) {
      if (r.every === 'quarter' && (m - startMonth + 12) % 3 !== 0) continue;
      if (r.every === 'year' && m !== r.month) continue;
      const d = clampedDay(y, m, r.day);
      if (d >= first && d <= to) days.push(d);
    }
  }
  return days;
}

/** An after-last-contact plan's next due day for one customer: N days after the last contact, or the plan's start. */
export function dueAfterContact(days: number, start: Day, lastContact: Day | ''): Day {
  if (!lastContact) return start;
  const due = addDays(lastContact, days);
  return due < start ? start : due;
}

export interface GroupMember {
  id: string;
  kind: CustomerKind;
  unitCodes: string[];
  tags: string[];
  grade: Grade;
}

export function inGroup(c: GroupMember, g: CustomerGroup, complainedSince: ReadonlySet<string>): boolean {
  if (g.kinds.length && !g.kinds.includes(c.kind)) return false;
  if (g.buildings.length && !c.unitCodes.some((u) => g.buildings.includes(u.split('-')[0]))) return false;
  if (g.tags.length && !c.tags.some((t) => g.tags.includes(t))) return false;
  if (g.grades.length && !g.grades.includes(c.grade)) return false;
  if (g.complaintSince && !complainedSince.has(c.id)) return false;
  return true;
}

/** `listName`: the saved list's name when the group names one, null when this tablet holds no such list. */
export interface PlanFacts {
  listName: string | null;
}

function clean(input: PlanInput, facts: PlanFacts): Result<PlanInput> {
  const problems: Problem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ code: 'plan.error.nameRequired', field: 'name' });
  if (name.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.name } });
  const recurrence = checkRecurrence(input.recurrence);
  if (recurrence) problems.push(recurrence);
  if (!isDay(input.start)) problems.push({ code: 'plan.error.start', field: 'start' });
  const g = input.group;
  // A list replaces the other parts: the office chose its people once, on the list page.
  if (g.listId) {
    if (facts.listName === null) problems.push({ code: 'plan.error.noList', field: 'listId' });
    return problems.length ? fail(...problems) : ok({ ...input, name, group: { ...EMPTY_GROUP, listId: g.listId, listName: facts.listName ?? '' } });
  }
  if (g.complaintSince && !isDay(g.complaintSince)) problems.push({ code: 'plan.error.complaintSince', field: 'complaintSince' });
  const group: CustomerGroup = {
    kinds: g.kinds.filter((k) => CUSTOMER_KINDS.includes(k)),
    buildings: [...new Set(g.buildings.map((b) => b.trim()).filter(Boolean))],
    tags: [...new Set(g.tags.map((t) => t.trim()).filter(Boolean))],
    grades: g.grades.filter((x) => GRADES.includes(x)),
    complaintSince: g.complaintSince,
  };
  return problems.length ? fail(...problems) : ok({ ...input, name, group });
}

const PLANS: OfficeRecordKind<PlanInput> = {
  collection: 'plans',
  fields: ['name', 'group', 'recurrence', 'start', 'ownerId', 'teamId', 'templateId', 'active'],
  label: (field) => `plan.${field}`,
  show: (value) => JSON.stringify(value),
};

export function savePlan(current: Plan | null, input: PlanInput, ctx: CommandContext, id = newId(), facts: PlanFacts = { listName: null }): Result<{ id: string; command: Command | null }> {
  const cleaned = clean(input, facts);
  return cleaned.ok ? saveOfficeRecord(PLANS, current, cleaned.value, ctx, id) : cleaned;
}

const EMPTY_GROUP: CustomerGroup = { kinds: [], buildings: [], tags: [], grades: [], complaintSince: '', listId: '', listName: '' };

export function planFromRecord(id: string, r: Record<string, unknown>): Plan {
  const g = (r.group ?? {}) as Partial<CustomerGroup>;
  return {
    id,
    name: String(r.name ?? ''),
    group: { ...EMPTY_GROUP, ...g },
    recurrence: (r.recurrence as Recurrence) ?? { every: 'month', day: 1 },
    start: String(r.start ?? ''),
    ownerId: String(r.ownerId ?? ''),
    teamId: String(r.teamId ?? ''),
    templateId: String(r.templateId ?? ''),
    active: r.active !== false,
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectPlan(id: string, r: Record<string, unknown>): PlanRow {
  const { history: _h, ...row } = planFromRecord(id, r);
  return row;
}
