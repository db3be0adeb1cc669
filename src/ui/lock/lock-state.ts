import { createSignal } from 'solid-js';
import { fail } from '../../domain/result';
import type { Office } from '../../store/office-api';
import { chooseStaff } from '../session';
import { forgetSession, proveSession } from '../../store/session-proof';

/*
 * Whether this tab is locked, when it was last used, and who used it recently. Per device, in
 * localStorage (read synchronously at start): a reload or a tablet waking from sleep after the
 * idle time opens on the lock screen, not on the app.
 */

/** 'proof': the app was reopened as someone it could not prove had entered with their PIN (session-proof.ts). */
export type LockReason = 'idle' | 'manual' | 'proof';
const [locked, setLocked] = createSignal<LockReason | null>(null);
/** The staff id this tab knows entered with their PIN (now, or proven after a reload). */
const [proven, setProven] = createSignal<string | null>(null);
export { locked, proven };

/** A reload's proof checked out (IdleLock): this person may go on without typing their PIN again. */
export function markProven(staffId: string): void {
  setProven(staffId);
}

interface Kept {
  locked?: LockReason | null;
  lastActive?: number;
  /** Staff ids that used this tablet, most recent first (quick switch on the lock screen). */
  recent?: string[];
}
const RECENT_MAX = 6;
const key = (officeId: string) => `linli.lock.${officeId}`;

function read(officeId: string): Kept {
  try {
    return JSON.parse(localStorage.getItem(key(officeId)) ?? '{}') ?? {};
  } catch {
    return {};
  }
}
function write(officeId: string, change: Partial<Kept>): void {
  localStorage.setItem(key(officeId), JSON.stringify({ ...read(officeId), ...change }));
}

export function lastActive(officeId: string): number {
  return read(officeId).lastActive ?? 0;
}

/** Someone touched the app: the idle time starts again. Writes at most every few seconds. */
let lastWrite = 0;
export function markActive(officeId: string, now = Date.now()): void {
  if (locked()) return;
  if (now - lastWrite < 5_000 && now >= lastWrite) return;
  lastWrite = now;
  write(officeId, { lastActive: now });
}

export function lockNow(officeId: string, reason: LockReason): void {
  write(officeId, { locked: reason });
  setLocked(reason);
}

/** At start: locked if it was, or if the app was last used longer ago than the idle time. */
export function restoreLock(officeId: string, idleMs: number, now = Date.now()): void {
  const kept = read(officeId);
  if (kept.locked) setLocked(kept.locked);
  else if (kept.lastActive !== undefined && now - kept.lastActive >= idleMs) lockNow(officeId, 'idle');
}

export function recentStaff(officeId: string): string[] {
  return read(officeId).recent ?? [];
}

/**
 * The PIN was right: this person now uses the tablet (unlocked, idle time from now, first in
 * the quick-switch list). The only way in, for the choose screen and the lock screen alike.
 */
export function enterAs(office: Office, staff: { id: string; name: string }, now = Date.now()): void {
  const officeId = office.config.officeId;
  const recent = [staff.id, ...recentStaff(officeId).filter((id) => id !== staff.id)].slice(0, RECENT_MAX);
  lastWrite = now;
  write(officeId, { locked: null, lastActive: now, recent });
  // Proven first: IdleLock must never see the new person without it (it would ask the PIN again).
  setProven(staff.id);
  if (office.config.staffId !== staff.id || office.config.staffName !== staff.name) chooseStaff(staff.id, staff.name);
  // Signed for the next reload; until it is written a reload simply asks the PIN again.
  void proveSession(officeId, staff.id).catch(() => undefined);
  setLocked(null);
}

/** Unlocks without choosing anyone (the lock screen's 其他员工: the choose screen asks a PIN). */
export function unlockToChooser(office: Office): void {
  forgetSession(office.config.officeId);
  setProven(null);
  write(office.config.officeId, { locked: null });
  setLocked(null);
}

/**
 * No command runs while the tablet is locked: `office.run` refuses, except inside
 * `whileUnlocking` (the lock screen's own PIN change). The overlay already makes the app
 * unreachable (inert); this also stops what a page would start by itself behind it (a
 * timer, a late event handler), so nothing is recorded in the name of someone who left.
 */
const guarded = new WeakSet<Office>();
let unlocking = 0;
export function guardCommands(office: Office): void {
  if (guarded.has(office)) return;
  guarded.add(office);
  const run = office.run.bind(office);
  office.run = (command) => (locked() && !unlocking ? Promise.resolve(fail({ code: 'lock.error.locked' })) : run(command));
}

export async function whileUnlocking<T>(task: () => Promise<T>): Promise<T> {
  unlocking++;
  try {
    return await task();
  } finally {
    unlocking--;
  }
}
