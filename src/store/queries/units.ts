import { canonicalUnitCode } from '../../domain/units/unit-code';
import type { CustomerRow } from '../../domain/customers/customer';
import { unitSortKey, type UnitRow } from '../../domain/units/unit';
import type { ReadonlyDB } from '../readonly-db';

/** The office's unit register as a set of codes, or null when it keeps none (then units are not checked). */
export async function knownUnitCodes(db: ReadonlyDB): Promise<Set<string> | null> {
  if ((await db.units.count()) === 0) return null;
  return new Set(await db.units.orderBy('code').keys() as string[]);
}

/**
 * The unit register as far as one customer's save needs it: which of `codes` (as typed; looked
 * up in canonical form) are registered, or null when the office keeps no register. A save that
 * read every unit code (3,000 keys) stood between 保存 and the update leaving for colleagues.
 */
export async function knownUnitsAmong(db: ReadonlyDB, codes: readonly string[]): Promise<Set<string> | null> {
  const wanted = [...new Set(codes.map(canonicalUnitCode).filter((c): c is string => !!c))];
  const [any, found] = await Promise.all([db.units.limit(1).count(), wanted.length ? db.units.where('code').anyOf(wanted).keys() : Promise.resolve([])]);
  return any === 0 ? null : new Set(found as string[]);
}

export interface BuildingGroup {
  building: string;
  units: UnitRow[];
  counts: Record<UnitRow['status'], number>;
}

/** Units by building, buildings and rooms in natural order, with occupancy counts. */
export async function unitsByBuilding(db: ReadonlyDB, filter: string): Promise<BuildingGroup[]> {
  const all = await db.units.toArray();
  const q = filter.trim();
  const rows = q ? all.filter((u) => u.code.startsWith(q) || u.code.includes(q)) : all;
  const groups = new Map<string, BuildingGroup>();
  for (const unit of rows) {
    let g = groups.get(unit.building);
    if (!g) groups.set(unit.building, (g = { building: unit.building, units: [], counts: { owner: 0, rented: 0, vacant: 0, renovating: 0 } }));
    g.units.push(unit);
    g.counts[unit.status]++;
  }
  const list = [...groups.values()];
  for (const g of list) g.units.sort((a, b) => unitSortKey(a.code).localeCompare(unitSortKey(b.code)));
  return list.sort((a, b) => unitSortKey(a.building).localeCompare(unitSortKey(b.building)));
}

export function occupantsOf(db: ReadonlyDB, code: string): Promise<CustomerRow[]> {
  return db.customers.where('unitCodes').equals(code).toArray();
}


export function unitRow(db: ReadonlyDB, id: string): Promise<UnitRow | undefined> {
  return db.units.get(id);
}

export function countUnits(db: ReadonlyDB): Promise<number> {
  return db.units.count();
}
