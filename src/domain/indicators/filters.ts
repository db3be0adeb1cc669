import { buildingOf } from '../surveys/survey';
import type { IndicatorInput } from './compute';

/**
 * What the dashboard and the monthly report can be narrowed to: one building, one category, one
 * team, one customer type (业主, 租户…). Empty means "all". Several at once all apply.
 */
export interface IndicatorFilters {
  building: string;
  category: string;
  team: string;
  kind: string;
}

export const FILTER_KEYS = ['building', 'category', 'team', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const NO_FILTERS: IndicatorFilters = { building: '', category: '', team: '', kind: '' };

export function filtersFrom(p: Partial<Record<FilterKey, string | undefined>>): IndicatorFilters {
  const clean = (v: string | undefined) => (typeof v === 'string' ? v.trim().slice(0, 80) : '');
  return { building: clean(p.building), category: clean(p.category), team: clean(p.team), kind: clean(p.kind) };
}

export const hasFilters = (f: IndicatorFilters) => FILTER_KEYS.some((k) => !!f[k]);

export const sameFilters = (a: IndicatorFilters, b: IndicatorFilters) => FILTER_KEYS.every((k) => a[k] === b[k]);

/** Customers' types as the 客户类型 filter needs them: each customer's, and those living in each unit. */
export interface CustomerKinds {
  byCustomer: ReadonlyMap<string, string>;
  byUnit: ReadonlyMap<string, ReadonlySet<string>>;
}

/** `filterInput` with the customers' types read by the caller (null when no type filter is set). */
export const filterWithKinds = (input: IndicatorInput, f: IndicatorFilters, kinds: CustomerKinds | null): IndicatorInput =>
  filterInput(input, f, (id) => kinds?.byCustomer.get(id) ?? '', kinds?.byUnit);

/** Survey answers belong to a household, not to a request: a category or team filter leaves none of them. */
export const surveysApply = (f: IndicatorFilters) => !f.category && !f.team;

/** A household inside the filters: of the building, and with a customer of the type (category and team do not narrow households). */
export function householdInFilters(code: string, f: IndicatorFilters, unitKinds: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  return (!f.building || buildingOf(code) === f.building) && (!f.kind || !!unitKinds.get(code)?.has(f.kind));
}

/**
 * The rows of `input` inside the filters, so that every figure computed on the result is the
 * figure of that part of the office:
 * - requests: those of the building (their unit's), category, team, and customer type;
 * - follow-ups: those of the requests kept;
 * - survey answers: those of the building's households, and of households where a customer of
 *   that type lives; none under a category or team filter (a survey asks a household, not about
 *   a request);
 * - households (complaints per 100 households): those of the building, and those where a
 *   customer of that type lives; all of them under a category or team filter, so "water
 *   complaints per 100 households" means what it says.
 * `customerKind` gives a request's customer type; `unitKinds` the types of the customers of a unit
 * (read only when a type filter is set).
 */
export function filterInput(
  input: IndicatorInput,
  f: IndicatorFilters,
  customerKind: (customerId: string) => string = () => '',
  unitKinds: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): IndicatorInput {
  if (!hasFilters(f)) return input;
  const unitOk = (code: string) => householdInFilters(code, f, unitKinds);
  const requests = input.requests.filter((r) =>
    (!f.building || buildingOf(r.unitCode) === f.building) && (!f.category || r.category === f.category) && (!f.team || r.teamId === f.team) && (!f.kind || customerKind(r.customerId) === f.kind));
  const kept = new Set(requests.map((r) => r.id));
  return {
    ...input,
    requests,
    followups: input.followups.filter((x) => kept.has(x.requestId)),
    responses: surveysApply(f) ? input.responses.filter((r) => unitOk(r.unitCode)) : [],
    households: input.households.filter((h) => unitOk(h.code)),
  };
}

/** The office's buildings, from its households, in natural order (2 before 10). */
export function buildingsOf(households: readonly { code: string }[]): string[] {
  const set = new Set<string>();
  for (const h of households) {
    const b = buildingOf(h.code);
    if (b) set.add(b);
  }
  return [...set].sort((a, b) => a.localeCompare(b, 'zh', { numeric: true }));
}

/** The filters as query parameters (empty ones left out), for links to the report and back. */
export function filterQuery(f: IndicatorFilters): string {
  return FILTER_KEYS.filter((k) => f[k]).map((k) => `&${k}=${encodeURIComponent(f[k])}`).join('');
}
