import type { StaffRow } from '../../domain/staff/staff';
import type { ReadonlyDB } from '../readonly-db';

/** Everyone on the office's staff, by name as the desk reads names. */
export async function allStaff(db: ReadonlyDB): Promise<StaffRow[]> {
  return (await db.staff.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function staffMember(db: ReadonlyDB, id: string): Promise<StaffRow | undefined> {
  return id ? db.staff.get(id) : Promise.resolve(undefined);
}
