import type { StaffRole } from './staff/staff';
import { fail, ok, type Result } from './result';

/**
 * Who may invite a tablet into the office or remove one: a manager (管理处经理). The relay only
 * asks for a valid device token — staff roles live in the office document, which the relay
 * merges without reading — so this rule is kept here, by every tablet.
 */
export function mayManageDevices(role: StaffRole | undefined): Result<void> {
  return role === 'manager' ? ok(undefined) : fail({ code: 'devices.error.managerOnly' });
}

/** Downloading the office's full copy is a manager's act too (it holds every customer). */
export const mayDownloadBackup = mayManageDevices;

/** A device as the devices page shows it. */
export interface DeviceListing {
  code: string;
  name: string;
  joinedBy: string;
  joinedAt: string;
  lastSeen: string | null;
  revokedAt: string | null;
  legacy: boolean;
}

export type DeviceState = 'self' | 'active' | 'revoked' | 'legacy';

export function deviceState(d: DeviceListing, selfCode: string): DeviceState {
  if (d.revokedAt) return 'revoked';
  if (d.code === selfCode) return 'self';
  return d.legacy ? 'legacy' : 'active';
}

/** A manager may remove any device but their own tablet (it would shut itself out) and removed ones. */
export function mayRevoke(d: DeviceListing, selfCode: string, role: StaffRole | undefined): Result<void> {
  const manager = mayManageDevices(role);
  if (!manager.ok) return manager;
  if (d.code === selfCode) return fail({ code: 'devices.error.self' });
  if (d.revokedAt) return fail({ code: 'devices.error.alreadyRevoked' });
  return ok(undefined);
}

/** The join link of an invitation; the code travels in the fragment, never to a server log. */
export function invitationLink(appOrigin: string, office: { relayUrl: string; officeId: string; officeName: string }, code: string): string {
  const params = new URLSearchParams({ relay: office.relayUrl, office: office.officeId, invite: code, name: office.officeName });
  return `${appOrigin}/join#${params.toString()}`;
}
