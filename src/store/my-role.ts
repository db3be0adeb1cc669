import type { Office } from './office-api';

/**
 * The role of the staff on this device (managers approve settlements and may force a close).
 * Its own file so that the lock screen's PIN check (staff-pins.ts) does not bring the request
 * commands into the first load; store/requests.ts re-exports it.
 */
export async function myRole(office: Office): Promise<string> {
  const me = office.config.staffId ? await office.db.staff.get(office.config.staffId) : undefined;
  return me?.role ?? '';
}
