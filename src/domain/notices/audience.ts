import type { CustomerRow } from '../customers/types';
import { buildingOfUnit, type ResidentFilter } from '../residents/filter';
import { membersOfList } from '../residents/saved-list';
import { specialNeedsOf } from '../residents/needs';
import type { UnitRow } from '../units/types';
import type { Audience, Notice } from './types';

/**
 * Who a notice is for, from the directory as it is now: everyone with a unit, the customers of
 * the chosen buildings or unit types (any of their units counts), or a saved list's filter.
 * Corporate and authority customers without a unit are nobody's neighbours and are left out of
 * "everyone".
 */
export function audienceOf(a: Audience, customers: readonly CustomerRow[], units: readonly Pick<UnitRow, 'code' | 'use'>[], list: ResidentFilter | null, year: number): CustomerRow[] {
  switch (a.scope) {
    case 'all':
      return customers.filter((c) => c.unitCodes.length > 0);
    case 'buildings':
      return customers.filter((c) => c.unitCodes.some((u) => a.buildings.includes(buildingOfUnit(u))));
    case 'uses': {
      const useOf = new Map(units.map((u) => [u.code, u.use]));
      return customers.filter((c) => c.unitCodes.some((u) => a.uses.includes(useOf.get(u) ?? 'residential')));
    }
    case 'list':
      return membersOfList(list, customers, year);
  }
}

/** The call list (须电话告知): those of the audience with a need the notice says must be phoned. */
export function callListOf(n: Pick<Notice, 'callNeeds'>, audience: readonly CustomerRow[]): CustomerRow[] {
  if (!n.callNeeds.length) return [];
  return audience.filter((c) => specialNeedsOf(c.tags).some((need) => n.callNeeds.includes(need)));
}
