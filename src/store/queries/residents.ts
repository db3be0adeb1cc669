import { specialNeedsOf } from '../../domain/residents/needs';
import type { CustomerRow } from '../../domain/customers/types';
import { countsPerBuilding, type BuildingCount } from '../../domain/residents/counts';
import { buildingOfUnit, filterRows, type ResidentFilter } from '../../domain/residents/filter';
import type { ResidentListRow } from '../../domain/residents/saved-list';
import { unitSortKey } from '../../domain/units/unit';
import type { ReadonlyDB } from '../readonly-db';
import { readTogether } from '../readonly-db';

/** Lists of the people who live here: the whole directory filtered in memory (a few thousand rows). */
export interface ResidentsView {
  rows: CustomerRow[];
  counts: BuildingCount[];
  total: number;
  /** Every building and tag in the directory, for the filter's choices. */
  buildings: string[];
  tags: string[];
}

const estateOrder = (a: CustomerRow, b: CustomerRow) =>
  (!a.unitCode !== !b.unitCode ? (a.unitCode ? -1 : 1) : 0) || unitSortKey(a.unitCode).localeCompare(unitSortKey(b.unitCode)) || a.name.localeCompare(b.name, 'zh-CN');

export async function residentsView(db: ReadonlyDB, filter: ResidentFilter, year: number): Promise<ResidentsView> {
  const [all, units] = await readTogether(db, ['customers', 'units'], () => Promise.all([db.customers.toArray(), db.units.orderBy('building').uniqueKeys()]));
  const rows = filterRows(all, filter, year).sort(estateOrder);
  const buildings = [...new Set([...(units as string[]), ...all.map((c) => buildingOfUnit(c.unitCode))].filter(Boolean))].sort((a, b) => unitSortKey(a).localeCompare(unitSortKey(b)));
  const tags = [...new Set(all.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { rows, counts: countsPerBuilding(rows), total: all.length, buildings, tags };
}

/** The rows of a filter, in estate order (print forms, a notice's list). */
export async function residentsMatching(db: ReadonlyDB, filter: ResidentFilter, year: number): Promise<CustomerRow[]> {
  return filterRows(await db.customers.toArray(), filter, year).sort(estateOrder);
}

export function residentLists(db: ReadonlyDB): Promise<ResidentListRow[]> {
  return db.residentLists.orderBy('name').toArray();
}

export function residentList(db: ReadonlyDB, id: string): Promise<ResidentListRow | undefined> {
  return db.residentLists.get(id);
}

/** A saved list's filter, null when this tablet holds no such list (notices, plans and surveys resolve it with `membersOfList`). */
export async function listFilter(db: ReadonlyDB, id: string): Promise<ResidentFilter | null> {
  return id ? ((await db.residentLists.get(id))?.filter ?? null) : null;
}

/** The tags of these customers, for those with a special need (queue rows show 行动不便 / 独居老人). */
export async function needTagsOf(db: ReadonlyDB, ids: string[]): Promise<Record<string, string[]>> {
  const rows = await db.customers.bulkGet([...new Set(ids.filter(Boolean))]);
  return Object.fromEntries(rows.filter((r): r is CustomerRow => !!r && specialNeedsOf(r.tags).length > 0).map((r) => [r.id, r.tags]));
}
