import type { IndicatorInput, IndicatorRequest } from '../../domain/indicators/compute';
import { addMonths, monthBounds } from '../../domain/indicators/period';
import type { SegmentCustomer } from '../../domain/indicators/segments';
import type { CustomerKinds } from '../../domain/indicators/filters';
import { targetsFrom, type Targets } from '../../domain/indicators/targets';
import type { ReadonlyDB } from '../readonly-db';
import { serviceSettings } from './settings';

export async function indicatorTargets(db: ReadonlyDB): Promise<Targets> {
  return targetsFrom((await db.settings.get('indicators'))?.data);
}

/**
 * The projection rows the indicators of the 12 months ending with `month` are computed from.
 * Requests taken a month before the window are read too: one taken on the last day of a month
 * is often finished in the next. Nothing here is a stored figure; the page computes them.
 */
export async function indicatorInput(db: ReadonlyDB, month: string, now = new Date()): Promise<IndicatorInput> {
  const settings = await serviceSettings(db);
  const from = monthBounds(addMonths(month, -12), settings.calendar.utcOffset).start;
  const [requests, followups, responses, surveys, units, targets] = await Promise.all([
    db.requests.where('createdAt').aboveOrEqual(from).toArray(),
    db.followups.where('at').aboveOrEqual(from).toArray(),
    db.responses.where('at').aboveOrEqual(from).toArray(),
    db.surveys.toArray(),
    db.units.toArray(),
    indicatorTargets(db),
  ]);
  const householdUnits = units.filter((u) => u.use !== 'parking');
  // An office without a unit register: the units its customers live in.
  const households = householdUnits.length
    ? householdUnits.map((u) => ({ code: u.code, createdAt: u.createdAt }))
    : ((await db.customers.orderBy('unitCode').uniqueKeys()) as string[]).filter(Boolean).map((code) => ({ code, createdAt: '' }));
  return {
    requests: requests as IndicatorRequest[],
    followups,
    responses,
    satisfiedFrom: Object.fromEntries(surveys.map((s) => [s.id, s.satisfiedFrom])),
    households,
    calendar: settings.calendar,
    categories: settings.categories,
    targets,
    now: now.toISOString(),
  };
}

/**
 * A cheap watch on everything `indicatorInput` reads: counts over the same ranges, which a live
 * query re-runs whenever a row in those ranges is written (a status change included). The page
 * watches this and reads the rows themselves outside the live query: handing 20,000 rows through
 * the live query's result cache costs more than computing every figure from them.
 */
export async function indicatorChanges(db: ReadonlyDB, month: string): Promise<(number | string)[]> {
  const settings = await serviceSettings(db);
  const from = monthBounds(addMonths(month, -12), settings.calendar.utcOffset).start;
  const [targets] = await Promise.all([db.settings.get('indicators')]);
  return Promise.all([
    db.requests.where('createdAt').aboveOrEqual(from).count(),
    db.followups.where('at').aboveOrEqual(from).count(),
    db.responses.where('at').aboveOrEqual(from).count(),
    db.surveys.count(),
    db.units.count(),
    JSON.stringify(targets?.data ?? null),
  ]);
}

/** Customers as the segment breakdowns need them (type, tags, birth year); read only for those. */
export async function segmentCustomers(db: ReadonlyDB): Promise<Map<string, SegmentCustomer>> {
  const rows = await db.customers.toArray();
  return new Map(rows.map((c) => [c.id, { id: c.id, kind: c.kind, tags: c.tags, birthYear: c.birthYear ?? 0 }]));
}

/** Each customer's type, and the types of the customers of each unit: for the 客户类型 filter only. */
export async function customerKinds(db: ReadonlyDB): Promise<CustomerKinds> {
  const rows = await db.customers.toArray();
  const byCustomer = new Map<string, string>();
  const byUnit = new Map<string, Set<string>>();
  for (const c of rows) {
    byCustomer.set(c.id, c.kind);
    for (const u of c.unitCodes?.length ? c.unitCodes : [c.unitCode]) if (u) (byUnit.get(u) ?? byUnit.set(u, new Set()).get(u)!).add(c.kind);
  }
  return { byCustomer, byUnit };
}
