import { ok, fail, type Result } from '../domain/result';
import { saveServiceSettings as saveCommand } from '../domain/requests/settings-commands';
import type { ServiceSettings } from '../domain/requests/settings';
import { updateStaff as updateCommand, type StaffRole } from '../domain/staff/staff';
import type { Office } from './office-api';
import { myRole } from './requests';
import { serviceSettings } from './queries/settings';

/**
 * Saves the office's service settings (teams, categories with their dispatch rule and time
 * limits, the working calendar). Only managers may; resolves `true` once saved to IndexedDB,
 * `false` when nothing had changed.
 */
export async function saveServiceSettings(office: Office, next: ServiceSettings): Promise<Result<boolean>> {
  await office.load('office');
  const made = saveCommand(next, office.context(), await myRole(office), await serviceSettings(office.db));
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}

/** A manager changes a colleague's role or team. Resolves `true` once saved, `false` if unchanged. */
export async function updateStaffMember(office: Office, id: string, patch: { role?: StaffRole; teamId?: string }): Promise<Result<boolean>> {
  await office.load('office');
  const current = await office.db.staff.get(id);
  if (!current) return fail({ code: 'error.notFound' });
  const [role, staff, settings] = await Promise.all([myRole(office), office.db.staff.toArray(), serviceSettings(office.db)]);
  const made = updateCommand(current, patch, office.context(), { role, staff, teams: settings.teams });
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}
