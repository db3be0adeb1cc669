/** Units (房屋) as typed and as the projection keeps them. */
export type UnitUse = 'residential' | 'shop' | 'parking';
export type UnitStatus = 'owner' | 'rented' | 'vacant' | 'renovating';
export const UNIT_USES: UnitUse[] = ['residential', 'shop', 'parking'];
export const UNIT_STATUSES: UnitStatus[] = ['owner', 'rented', 'vacant', 'renovating'];

export interface UnitInput {
  code: string;
  area: string;
  use: UnitUse;
  status: UnitStatus;
}

/** A unit (房屋) as the projection keeps it. */
export interface UnitRow {
  id: string;
  code: string;
  building: string;
  entrance: string;
  floor: number;
  room: string;
  area: number | null;
  use: UnitUse;
  status: UnitStatus;
  /** When the unit was registered: households are counted at a month's end. */
  createdAt: string;
}
