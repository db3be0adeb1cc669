import type { CustomerKind, CustomerRow, Grade } from '../customers/types';
import { CUSTOMER_KINDS, GRADES } from '../customers/types';
import { isDay, type Day } from '../days';
import { LIMITS } from '../limits';
import { fail, ok, type Problem, type Result } from '../result';
import { unitParts } from '../units/unit';
import { SPECIAL_NEEDS, specialNeedsOf, type SpecialNeed } from './needs';

/**
 * Lists of the people who live here (住户名单): the directory filtered by what the office asks
 * ("tenants of building 3", "elderly living alone, by building"). Within one field the choices are
 * alternatives (building 2 or 3); fields combine (tenants AND building 3 AND 80+). An empty field
 * does not filter. Pure, over projection rows, so the page, the print forms, a notice's audience
 * and the tests all count the same way.
 */
export type AgeBand = 'under18' | 'adult' | 'senior' | 'elderly' | 'unknown';
export const AGE_BANDS: AgeBand[] = ['under18', 'adult', 'senior', 'elderly', 'unknown'];

export interface ResidentFilter {
  kinds: CustomerKind[];
  grades: Grade[];
  /** Any of these tags. */
  tags: string[];
  buildings: string[];
  ageBands: AgeBand[];
  /** Any of these needs. */
  needs: SpecialNeed[];
  /** The relation to the main unit began (入住/租期起) between these days (either end open). */
  fromAfter: Day | '';
  fromBefore: Day | '';
  /** The relation ends (租期止/迁出) between these days: leases ending next month. */
  toAfter: Day | '';
  toBefore: Day | '';
}

/**
 * The filter that keeps everyone. Frozen, arrays included: a page's store that started from it
 * and was reconciled would otherwise fill these very arrays in place (seen: every later "empty"
 * check then saw the page's filter). Pages start from `emptyFilter()`, a fresh copy.
 */
export const EMPTY_FILTER: ResidentFilter = Object.freeze({
  kinds: Object.freeze([]) as never, grades: Object.freeze([]) as never, tags: Object.freeze([]) as never, buildings: Object.freeze([]) as never,
  ageBands: Object.freeze([]) as never, needs: Object.freeze([]) as never, fromAfter: '', fromBefore: '', toAfter: '', toBefore: '',
});
export const emptyFilter = (): ResidentFilter => ({ kinds: [], grades: [], tags: [], buildings: [], ageBands: [], needs: [], fromAfter: '', fromBefore: '', toAfter: '', toBefore: '' });

/** The row fields a filter reads (a projection row has them all). */
export type ResidentRow = Pick<CustomerRow, 'id' | 'kind' | 'grade' | 'tags' | 'unitCode' | 'birthYear' | 'unitFrom' | 'unitTo'>;

/** 0–17, 18–59, 60–79, 80 and over, not known (no ID number or birth year). */
export function ageBandOf(birthYear: number, year: number): AgeBand {
  if (!birthYear) return 'unknown';
  const age = year - birthYear;
  return age < 18 ? 'under18' : age < 60 ? 'adult' : age < 80 ? 'senior' : 'elderly';
}

export const buildingOfUnit = (unitCode: string) => (unitCode ? unitParts(unitCode).building : '');

const within = (day: string, after: string, before: string) => (!after && !before) || (!!day && (!after || day >= after) && (!before || day <= before));

export function matchesFilter(row: ResidentRow, f: ResidentFilter, year: number): boolean {
  if (f.kinds.length && !f.kinds.includes(row.kind)) return false;
  if (f.grades.length && !f.grades.includes(row.grade)) return false;
  if (f.tags.length && !row.tags.some((t) => f.tags.includes(t))) return false;
  if (f.buildings.length && !f.buildings.includes(buildingOfUnit(row.unitCode))) return false;
  if (f.ageBands.length && !f.ageBands.includes(ageBandOf(row.birthYear, year))) return false;
  if (f.needs.length && !specialNeedsOf(row.tags).some((n) => f.needs.includes(n))) return false;
  if (!within(row.unitFrom, f.fromAfter, f.fromBefore)) return false;
  if (!within(row.unitTo, f.toAfter, f.toBefore)) return false;
  return true;
}

export const filterRows = <R extends ResidentRow>(rows: readonly R[], f: ResidentFilter, year: number): R[] => rows.filter((r) => matchesFilter(r, f, year));

/** A filter from stored JSON (a saved list written by an older or newer build): unknown values dropped. */
export function filterFromRecord(raw: unknown): ResidentFilter {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const list = <T extends string>(v: unknown, allowed?: readonly T[]) => (Array.isArray(v) ? v.map(String).filter((x) => !allowed || allowed.includes(x as T)) : []) as T[];
  const day = (v: unknown) => (typeof v === 'string' && isDay(v) ? v : '');
  return {
    kinds: list(r.kinds, CUSTOMER_KINDS), grades: list(r.grades, GRADES), tags: list(r.tags), buildings: list(r.buildings),
    ageBands: list(r.ageBands, AGE_BANDS), needs: list(r.needs, SPECIAL_NEEDS),
    fromAfter: day(r.fromAfter), fromBefore: day(r.fromBefore), toAfter: day(r.toAfter), toBefore: day(r.toBefore),
  };
}

/** A filter as typed: dates are real days, each range in order, values known. */
export function checkFilter(f: ResidentFilter): Result<ResidentFilter> {
  const problems: Problem[] = [];
  for (const k of ['fromAfter', 'fromBefore', 'toAfter', 'toBefore'] as const) if (f[k] && !isDay(f[k])) problems.push({ code: 'residents.error.badDate', field: k });
  if (f.fromAfter && f.fromBefore && f.fromBefore < f.fromAfter) problems.push({ code: 'residents.error.rangeReversed', field: 'fromBefore' });
  if (f.toAfter && f.toBefore && f.toBefore < f.toAfter) problems.push({ code: 'residents.error.rangeReversed', field: 'toBefore' });
  if ([...f.tags, ...f.buildings].some((x) => x.length > LIMITS.shortText)) problems.push({ code: 'error.tooLong', field: 'tags', params: { max: LIMITS.shortText } });
  if (problems.length) return fail(...problems);
  const clean = filterFromRecord(f);
  return ok({ ...clean, tags: [...new Set(clean.tags.map((t) => t.trim()).filter(Boolean))], buildings: [...new Set(clean.buildings.map((b) => b.trim()).filter(Boolean))] });
}

export const isEmptyFilter = (f: ResidentFilter) => JSON.stringify(filterFromRecord(f)) === JSON.stringify(EMPTY_FILTER);
