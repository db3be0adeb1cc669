import { buildingOf } from '../surveys/survey';
import { isComplaint, monthIndicators, problemRefs, type Indicator, type IndicatorInput, type IndicatorRequest } from './compute';
import { monthBounds } from './period';
import { ageGroup, type SegmentCustomer } from './segments';

export type Dimension = 'category' | 'team' | 'building' | 'kind' | 'age' | 'tag';
export const DIMENSIONS: Dimension[] = ['category', 'team', 'building', 'kind', 'age', 'tag'];

export interface Group {
  key: string;
  requests: number;
  complaints: number;
  indicators: Indicator[];
}

/**
 * The month's indicators per group of a dimension. A request is in the group of its category,
 * team, building or customer (type, age group, each of its tags — so one request can be in
 * several tag groups); its follow-ups go with it. Survey answers go by building only (they
 * belong to a household, not a request); households are counted per building for the building
 * dimension and for the whole office otherwise.
 */
export function breakdown(
  input: IndicatorInput,
  month: string,
  dimension: Dimension,
  customers: ReadonlyMap<string, SegmentCustomer>,
  /** Requests with a follow-up at any time (when `input` is a month's slice, its follow-ups are the month's only). */
  hasFollowUp: ReadonlySet<string> = new Set(input.followups.map((f) => f.requestId)),
): Group[] {
  const year = Number(monthBounds(month, input.calendar.utcOffset).month.slice(0, 4));
  const keysOf = (r: IndicatorRequest): string[] => {
    switch (dimension) {
      case 'category': return [r.category];
      case 'team': return [r.teamId];
      case 'building': return [buildingOf(r.unitCode)];
      case 'kind': return [customers.get(r.customerId)?.kind ?? ''];
      case 'age': { const c = customers.get(r.customerId); return [c ? ageGroup(c.birthYear, year) : 'unknown']; }
      case 'tag': { const tags = customers.get(r.customerId)?.tags ?? []; return tags.length ? tags : ['']; }
    }
  };
  const byKey = new Map<string, IndicatorRequest[]>();
  const keysOfRequest = new Map<string, string[]>();
  for (const r of input.requests) {
    const keys = keysOf(r);
    keysOfRequest.set(r.id, keys);
    for (const k of keys) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(r);
  }
  if (dimension === 'building') {
    for (const r of input.responses) if (!byKey.has(r.building)) byKey.set(r.building, []);
  }
  const b = monthBounds(month, input.calendar.utcOffset);
  const groups: Group[] = [];
  for (const [key, requests] of byKey) {
    const sub: IndicatorInput = {
      ...input,
      requests,
      followups: input.followups.filter((f) => keysOfRequest.get(f.requestId)?.includes(key)),
      responses: dimension === 'building' ? input.responses.filter((r) => r.building === key) : [],
      households: dimension === 'building' ? input.households.filter((h) => buildingOf(h.code) === key) : input.households,
    };
    const inMonth = requests.filter((r) => r.createdAt >= b.start && r.createdAt < b.end);
    groups.push({ key, requests: inMonth.length, complaints: inMonth.filter((r) => isComplaint(r.kind)).length, indicators: monthIndicators(sub, month, hasFollowUp) });
  }
  return groups.sort((a, c) => c.requests - a.requests || a.key.localeCompare(c.key, 'zh', { numeric: true }));
}

export interface WorstCategory {
  category: string;
  /** Requests of the month in the category. */
  requests: number;
  /** Requests that made a figure worse: late, reopened, or followed up unsatisfied. */
  problemIds: string[];
}

/**
 * Categories ranked by how many of their requests made a figure worse this month (late response
 * or finish, rework, an unsatisfied follow-up, an escalated complaint), most first.
 */
export function worstCategories(input: IndicatorInput, month: string, limit = 5, hasFollowUp?: ReadonlySet<string>): WorstCategory[] {
  const groups = breakdown(input, month, 'category', new Map(), hasFollowUp);
  const out: WorstCategory[] = groups.map((g) => {
    const ids = new Set<string>();
    for (const ind of g.indicators) {
      if (ind.id === 'complaintsPer100' || ind.id === 'satisfaction' || ind.id === 'satisfactionSurveys') continue;
      for (const ref of problemRefs(ind)) ids.add(ref.collection === 'followups' ? ref.requestId! : ref.id);
    }
    return { category: g.key, requests: g.requests, problemIds: [...ids] };
  });
  return out.filter((w) => w.problemIds.length).sort((a, c) => c.problemIds.length - a.problemIds.length || c.requests - a.requests).slice(0, limit);
}
