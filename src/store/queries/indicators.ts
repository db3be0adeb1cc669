import type { IndicatorInput, IndicatorRequest } from '../../domain/indicators/compute';
import { addMonths, monthBounds } from '../../domain/indicators/period';
import type { SegmentCustomer } from '../../domain/indicators/segments';
import type { CustomerKinds } from '../../domain/indicators/filters';
import { targetsFrom, type Targets } from '../../domain/indicators/targets';
import { readTogether, type ReadonlyDB } from '../readonly-db';
import { serviceSettings } from './settings';
import { PACK_VERSION, readPacks } from '../figure-packs';
import { projectionStamp } from '../collections';
import { collectionsOf, type ShardName } from '../../domain/shards';
import type { IndicatorFollowUp } from '../../domain/indicators/compute';
import type { ResponseRow } from '../../domain/surveys/response';

/**
 * Whether the packs of every ledger that can hold rows from `from` on were built by this code's
 * projection (a ledger never loaded on this device has no rows, and no stamp, and is fine; one
 * whose projection is half-written by a large first sync reads `partial`). The ledgers are found
 * by their stamps' keys, not by listing shard names, so yearly and monthly ledgers alike are
 * covered: a ledger named for a year before `from`'s holds no row created since.
 */
async function packsCurrent(db: ReadonlyDB, from: string): Promise<boolean> {
  const firstYear = Number(from.slice(0, 4));
  const stamps = await db.meta.where('key').startsWith('projection:ledger-').toArray();
  return stamps.every((m) => {
    const shard = m.key.slice('projection:'.length) as ShardName;
    if (Number(/^ledger-(\d{4})/.exec(shard)?.[1] ?? 0) < firstYear) return true;
    return m.value === projectionStamp(collectionsOf(shard)) + `,figurePacks:${PACK_VERSION}`;
  });
}

/**
 * The requests, follow-ups and survey answers from `from` on: from their monthly packs (a few
 * dozen records) when those are current, else from the rows themselves (~20,000 records a year).
 * Both in one read transaction, so what is read is one moment of the projection.
 */
async function figureRows(db: ReadonlyDB, from: string): Promise<{ requests: IndicatorRequest[]; followups: IndicatorFollowUp[]; responses: ResponseRow[] }> {
  return readTogether(db, ['meta', 'figurePacks', 'requests', 'followups', 'responses'], async () => {
    if (await packsCurrent(db, from)) {
      // Said on the page's timeline, so the bench and the join test can tell packs from rows.
      performance.mark('linli:dashboard-packs');
      const month = from.slice(0, 7);
      const [requests, followups, responses] = await Promise.all([
        readPacks<IndicatorRequest>(db.figurePacks, 'requests', month),
        readPacks<IndicatorFollowUp>(db.figurePacks, 'followups', month),
        readPacks<ResponseRow>(db.figurePacks, 'responses', month),
      ]);
      return { requests: requests.filter((r) => r.createdAt >= from), followups: followups.filter((f) => f.at >= from), responses: responses.filter((r) => r.at >= from) };
    }
    const [requests, followups, responses] = await Promise.all([
      db.requests.where('createdAt').aboveOrEqual(from).toArray(),
      db.followups.where('at').aboveOrEqual(from).toArray(),
      db.responses.where('at').aboveOrEqual(from).toArray(),
    ]);
    return { requests: requests as IndicatorRequest[], followups, responses };
  });
}

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
  const [{ requests, followups, responses }, surveys, units, targets] = await Promise.all([
    figureRows(db, from),
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
    requests,
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
