import { invitationLink, mayManageDevices, mayRevoke, type DeviceListing } from '../domain/devices';
import { fail, ok, type Result } from '../domain/result';
import type { StaffRole } from '../domain/staff/staff';
import type { Office } from './office-api';
import { officeSettings } from './queries/settings';
import { staffMember } from './queries/staff';
import { createInvitation, listDevices, RelayRequestError, revokeDevice } from './relay-api';

/** The role of the staff member using this tablet, as the office document says. */
export async function myRole(office: Office): Promise<StaffRole | undefined> {
  const id = office.config.staffId;
  return id ? (await staffMember(office.db, id))?.role : undefined;
}

const relayProblem = (office: Office, err: unknown): Result<never> => {
  if (err instanceof RelayRequestError && err.reason === 'revoked') return fail({ code: 'removed.title' });
  return fail({ code: 'devices.error.failed', params: { relay: office.config.relayUrl } });
};

/** A one-time invitation (24 h) for a new tablet, as the link its QR code carries. */
export async function inviteDevice(office: Office, deviceName: string): Promise<Result<{ link: string; expiresAt: string }>> {
  const allowed = mayManageDevices(await myRole(office));
  if (!allowed.ok) return allowed;
  const { config } = office;
  try {
    const made = await createInvitation(config.relayUrl, config.officeId, config.token, { createdBy: config.staffName ?? '', deviceName: deviceName.trim() });
    const name = (await officeSettings(office.db))?.name ?? config.officeName;
    return ok({ link: invitationLink(location.origin, { ...config, officeName: name }, made.code), expiresAt: made.expiresAt });
  } catch (err) {
    return relayProblem(office, err);
  }
}

export async function loadDevices(office: Office): Promise<Result<{ devices: DeviceListing[]; self: string }>> {
  try {
    return ok(await listDevices(office.config.relayUrl, office.config.officeId, office.config.token));
  } catch (err) {
    return relayProblem(office, err);
  }
}

/** Removes a device: the relay cuts its sockets at once and refuses it from then on. */
export async function removeDevice(office: Office, device: DeviceListing): Promise<Result<void>> {
  const allowed = mayRevoke(device, office.config.deviceCode, await myRole(office));
  if (!allowed.ok) return allowed;
  try {
    await revokeDevice(office.config.relayUrl, office.config.officeId, office.config.token, device.code);
    return ok(undefined);
  } catch (err) {
    return relayProblem(office, err);
  }
}
