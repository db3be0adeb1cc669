import { unitSortKey } from '../units/unit';
import { buildingOfUnit, type ResidentRow } from './filter';
import { specialNeedsOf } from './needs';

/** One building's figures on the list page (按楼栋统计). */
export interface BuildingCount {
  /** '' for customers with no unit (corporate, authorities). */
  building: string;
  people: number;
  /** Distinct units with anyone registered. */
  households: number;
  owners: number;
  tenants: number;
  /** Tenants' share of the building's owners and tenants, 0–1 (0 when there are none). */
  tenantShare: number;
  elderlyAlone: number;
  mobility: number;
}

/** Counts per building of the rows given (already filtered or not), buildings in estate order. */
export function countsPerBuilding(rows: readonly ResidentRow[]): BuildingCount[] {
  const by = new Map<string, { rows: ResidentRow[]; units: Set<string> }>();
  for (const r of rows) {
    const b = buildingOfUnit(r.unitCode);
    const entry = by.get(b) ?? { rows: [], units: new Set<string>() };
    entry.rows.push(r);
    if (r.unitCode) entry.units.add(r.unitCode);
    by.set(b, entry);
  }
  return [...by]
    .map(([building, { rows: rs, units }]) => {
      const owners = rs.filter((r) => r.kind === 'owner').length;
      const tenants = rs.filter((r) => r.kind === 'tenant').length;
      const needs = rs.map((r) => specialNeedsOf(r.tags));
      return {
        building, people: rs.length, households: units.size, owners, tenants,
        tenantShare: owners + tenants ? tenants / (owners + tenants) : 0,
        elderlyAlone: needs.filter((n) => n.includes('elderlyAlone')).length,
        mobility: needs.filter((n) => n.includes('mobility')).length,
      };
    })
    .sort((a, b) => (!a.building !== !b.building ? (a.building ? -1 : 1) : unitSortKey(a.building).localeCompare(unitSortKey(b.building))));
}
