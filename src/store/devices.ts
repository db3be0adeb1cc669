import { invitationLink, mayManageDevices, mayRevoke, type DeviceListing } from '../domain/devices';
import { fail, ok, type Result } from '../domain/result';
import type { StaffRole } from '../domain/staff/staff';
import type { Office } from './office-api';
import { officeSettings } from './queries/settings';
import { staffMember } from './queries/staff';
import { createInvitation, listDevices, RelayRequestError, revokeDevice, type ManagerProof } from './relay-api';
import { checkPinFormat } from '../domain/staff/pin';

/** The role of the staff member using this tablet, as the office document says. */
export async function myRole(office: Office): Promise<StaffRole | undefined> {
  const id = office.config.staffId;
  return id ? (await staffMember(office.db, id))?.role : undefined;
}

const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

const relayProblem = (office: Office, err: unknown): Result<never> => {
  if (err instanceof RelayRequestError) {
    if (err.reason === 'revoked') return fail({ code: 'removed.title' });
    // The relay's own checks (it does not take the tablet's word for who is at it).
    if (err.reason === 'manager-required') return fail({ code: 'devices.error.managerRequired' });
    if (err.reason === 'pin-wrong') return fail({ code: 'devices.error.pinWrong', field: 'managerPin', params: { left: err.detail.left ?? 0 } });
    if (err.reason === 'pin-locked') return fail({ code: 'devices.error.pinLocked', field: 'managerPin', params: { time: err.detail.until ? hhmm(err.detail.until) : '' } });
    if (err.reason === 'last-device') return fail({ code: 'devices.error.lastDevice' });
  }
  return fail({ code: 'devices.error.failed', params: { relay: office.config.relayUrl } });
};

/** The proof the relay asks for: the manager at this tablet and the PIN they just typed (never kept). */
function proofOf(office: Office, pin: string): Result<ManagerProof> {
  const checked = checkPinFormat(pin, 'managerPin');
  if (!checked.ok) return checked;
  return ok({ staffId: office.config.staffId ?? '', pin: checked.value });
}

/** A one-time invitation (24 h) for a new tablet, as the link its QR code carries. */
export async function inviteDevice(office: Office, deviceName: string, pin: string): Promise<Result<{ link: string; expiresAt: string }>> {
  const allowed = mayManageDevices(await myRole(office));
  if (!allowed.ok) return allowed;
  const proof = proofOf(office, pin);
  if (!proof.ok) return proof;
  const { config } = office;
  try {
    const made = await createInvitation(config.relayUrl, config.officeId, config.token, { createdBy: config.staffName ?? '', deviceName: deviceName.trim() }, proof.value);
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
export async function removeDevice(office: Office, device: DeviceListing, pin: string): Promise<Result<void>> {
  const allowed = mayRevoke(device, office.config.deviceCode, await myRole(office));
  if (!allowed.ok) return allowed;
  const proof = proofOf(office, pin);
  if (!proof.ok) return proof;
  try {
    await revokeDevice(office.config.relayUrl, office.config.officeId, office.config.token, device.code, proof.value);
    return ok(undefined);
  } catch (err) {
    return relayProblem(office, err);
  }
}
