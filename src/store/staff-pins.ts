import type { Actor } from '../domain/actor';
import { idleLockMinutesOf, setIdleLock } from '../domain/staff/idle-lock';
import { afterWrongPin, checkNewPin, checkPinFormat, PIN_TRIES, pinLockedUntil } from '../domain/staff/pin';
import { fail, ok, type Problem, type Result } from '../domain/result';
import { createStaff, type StaffRole } from '../domain/staff/staff';
import { resetStaffPin, setOwnPin } from '../domain/staff/staff-pin';
import type { Office } from './office-api';
import { hashPin, pinMatches } from './pin-hash';
import { loadPinTries, savePinTries } from './pin-tries';
import { myRole } from './my-role';

/*
 * Store actions for staff profiles and their PINs. WebCrypto hashing is async, so it happens
 * here and the pure domain commands receive the hash. The typed PIN lives only in these
 * functions' arguments: it is never stored, logged, or put in a command.
 */

/** What the lockout needs from the device: where tries are kept, and the clock (tests set both). */
export interface PinDeps {
  storage?: Storage;
  now?: () => number;
}
const storageOf = (deps: PinDeps) => deps.storage ?? localStorage;
const nowOf = (deps: PinDeps) => (deps.now ?? Date.now)();

const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};
const lockedProblem = (name: string, until: number, now: number): Problem => ({
  code: 'pin.error.locked',
  field: 'pin',
  params: { name, time: hhmm(until), minutes: Math.max(1, Math.ceil((until - now) / 60_000)) },
});

/** What to say when a profile is locked on this device (null when it is not). */
export function pinLockProblem(office: Office, staffId: string, name: string, deps: PinDeps = {}): Problem | null {
  const until = pinLockOf(office, staffId, deps);
  return until ? lockedProblem(name, until, nowOf(deps)) : null;
}

/** The time until which a profile is locked on this device, or null. */
export function pinLockOf(office: Office, staffId: string, deps: PinDeps = {}): number | null {
  return pinLockedUntil(loadPinTries(storageOf(deps), office.config.officeId, staffId), nowOf(deps));
}

/**
 * Checks a typed PIN for a profile. Wrong PINs are counted on this device; the fifth in a row
 * locks the profile here for five minutes (the message says until when). A malformed PIN
 * (three digits, a letter) is not counted: it cannot be anyone's PIN.
 * Resolves `mustChange` when the PIN is a manager's temporary one.
 */
export async function checkStaffPin(office: Office, staffId: string, typed: string, deps: PinDeps = {}): Promise<Result<{ mustChange: boolean }>> {
  const staff = await office.db.staff.get(staffId);
  if (!staff) return fail({ code: 'error.notFound' });
  if (!staff.pin) return fail({ code: 'pin.error.notSet', field: 'pin' });
  const storage = storageOf(deps);
  const officeId = office.config.officeId;
  const tries = loadPinTries(storage, officeId, staffId);
  const locked = pinLockedUntil(tries, nowOf(deps));
  if (locked) return fail(lockedProblem(staff.name, locked, nowOf(deps)));
  const pin = checkPinFormat(typed);
  if (!pin.ok) return pin;
  if (await pinMatches(pin.value, staff.pin)) {
    savePinTries(storage, officeId, staffId, undefined);
    return ok({ mustChange: !!staff.pinMustChange });
  }
  // The clock is read after the hashing: a lock starts when the fifth answer was given.
  const now = nowOf(deps);
  const next = afterWrongPin(tries, now);
  savePinTries(storage, officeId, staffId, next);
  if (next.lockedUntil) return fail(lockedProblem(staff.name, next.lockedUntil, now));
  return fail({ code: 'pin.error.wrong', field: 'pin', params: { left: PIN_TRIES - next.wrong } });
}

/**
 * Someone sets their own PIN (typed twice): a profile from before PINs on first use, or after a
 * manager's reset or to change it. When the profile has a PIN, `current` must be it (checked,
 * and counted, as when taking the profile).
 */
export async function setMyPin(office: Office, staffId: string, pin: { next: string; again: string; current?: string }, deps: PinDeps = {}): Promise<Result<void>> {
  const staff = await office.db.staff.get(staffId);
  if (!staff) return fail({ code: 'error.notFound' });
  const next = checkNewPin(pin.next, pin.again);
  if (!next.ok) return next;
  if (staff.pin) {
    const current = await checkStaffPin(office, staffId, pin.current ?? '', deps);
    if (!current.ok) return fail(...current.problems.map((p) => (p.field === 'pin' ? { ...p, field: 'current' } : p)));
  }
  const actor: Actor = { staffId, name: staff.name, deviceCode: office.config.deviceCode };
  const made = setOwnPin(staff, await hashPin(next.value), office.context(actor));
  return made.ok ? office.run(made.value) : made;
}

export interface NewProfile {
  name: string;
  role: StaffRole;
  teamId?: string;
  pin: string;
  pinAgain: string;
}

/**
 * A newcomer adds their own profile (or a manager adds a colleague's), with a PIN. `founder`
 * only for the office's creator in the setup flow: their profile is the first manager.
 * Resolves the new profile's id and name.
 */
export async function addStaffProfile(office: Office, p: NewProfile, founder = false): Promise<Result<{ id: string; name: string }>> {
  await office.load('office');
  const pin = checkNewPin(p.pin, p.pinAgain);
  // Name and role problems first, in the form's order, then the PIN's.
  const creator = founder ? 'founder' : (((await myRole(office)) || null) as StaffRole | null);
  const dryRun = createStaff(p.name, p.role, { now: new Date().toISOString() }, undefined, p.teamId ?? '', { creator });
  if (!dryRun.ok) return pin.ok ? dryRun : fail(...dryRun.problems, ...pin.problems);
  if (!pin.ok) return pin;
  const chosen = office.config.staffId ? office.context().actor : undefined;
  // A newcomer registers themself: the history says so, with this device's code.
  const ctx = { now: new Date().toISOString(), actor: chosen, deviceCode: office.config.deviceCode };
  const made = createStaff(p.name, p.role, ctx, undefined, p.teamId ?? '', { creator, pin: await hashPin(pin.value) });
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok({ id: made.value.id, name: p.name.trim() }) : saved;
}

/** A manager resets a colleague's PIN to a temporary one (typed twice), to be replaced on next use. */
export async function resetColleaguePin(office: Office, staffId: string, temporary: { pin: string; again: string }, deps: PinDeps = {}): Promise<Result<void>> {
  const staff = await office.db.staff.get(staffId);
  if (!staff) return fail({ code: 'error.notFound' });
  const role = await myRole(office);
  if (role !== 'manager') return fail({ code: 'pin.error.resetManagerOnly' });
  const pin = checkNewPin(temporary.pin, temporary.again);
  if (!pin.ok) return pin;
  const made = resetStaffPin(staff, await hashPin(pin.value), office.context(), { role });
  if (!made.ok) return made;
  const saved = await office.run(made.value);
  // Whatever locked the profile on this device is over: the manager has just given it a new PIN.
  if (saved.ok) savePinTries(storageOf(deps), office.config.officeId, staffId, undefined);
  return saved;
}

/** The office's idle time before tablets lock, in minutes. */
export async function idleLockMinutes(office: Office): Promise<number> {
  return idleLockMinutesOf((await office.db.settings.get('office'))?.data);
}

/** A manager sets the office's idle time. Resolves `true` once saved, `false` if unchanged. */
export async function saveIdleLock(office: Office, minutes: string): Promise<Result<boolean>> {
  await office.load('office');
  const made = setIdleLock(minutes, await idleLockMinutes(office), office.context(), { role: await myRole(office) });
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}
