import type { Day } from '../../domain/days';
import { buildingOfRenovation, matchesRenovation, renovationFlags, renovationOrder, type RenovationFilter } from '../../domain/moves/renovation-list';
import type { RenovationRow } from '../../domain/moves/types';
import { unitSortKey } from '../../domain/units/unit';
import type { ReadonlyDB } from '../readonly-db';

/** A row of 装修一览 with what to look at today. */
export interface RenovationListRow extends RenovationRow {
  inspectionDueNow: boolean;
  endingSoon: boolean;
}

export interface RenovationsView {
  rows: RenovationListRow[];
  total: number;
  /** The buildings that have renovations, for the filter. */
  buildings: string[];
}

/** 装修一览: every renovation (a few hundred over the years: read whole), filtered, in the order of `renovationOrder`. */
export async function renovationsView(db: ReadonlyDB, filter: RenovationFilter, today: Day): Promise<RenovationsView> {
  const all = await db.renovations.toArray();
  const rows = all.filter((r) => matchesRenovation(r, filter)).sort(renovationOrder).map((r) => {
    const f = renovationFlags(r, today);
    return { ...r, inspectionDueNow: f.inspectionDue, endingSoon: f.endingSoon };
  });
  const buildings = [...new Set(all.map(buildingOfRenovation).filter(Boolean))].sort((a, b) => unitSortKey(a).localeCompare(unitSortKey(b)));
  return { rows, total: all.length, buildings };
}
