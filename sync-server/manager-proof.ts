import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as Y from 'yjs';

/*
 * What a tablet must show before the relay mints an invitation or revokes a device: that a
 * manager (管理处经理) is at it, by the manager's PIN. The relay holds the office document (it
 * merges every shard), so it reads the staff profile there — role and the PBKDF2-SHA-256 hash
 * the tablets made when the PIN was set (src/store/pin-hash.ts) — and checks the typed PIN
 * against it, as a tablet does when someone takes a profile. A device token alone (what is in a
 * tablet's localStorage) is no longer enough to change the office's devices.
 *
 * Wrong PINs are counted per office and profile on the relay, so the API is not a faster way to
 * guess than the lock screen: five in a row lock that profile's device administration for five
 * minutes. The PIN is only in the request body (never in a URL), is never logged, and is
 * dropped once compared.
 */

const pbkdf2Async = promisify(pbkdf2);

export type ManagerCheck =
  | { ok: true; name: string }
  | { ok: false; reason: 'manager-required' | 'pin-wrong' | 'pin-locked'; until?: string; left?: number };

/** The same limits as the tablet's lock screen (src/domain/pin.ts). */
export const PROOF_TRIES = 5;
export const PROOF_LOCK_MS = 5 * 60_000;

interface StoredPin {
  algo: string;
  iterations: number;
  salt: string;
  hash: string;
}

const isStoredPin = (v: unknown): v is StoredPin => {
  const p = v as StoredPin | null;
  return !!p && p.algo === 'PBKDF2-SHA-256' && Number.isInteger(p.iterations) && p.iterations >= 100_000 && p.iterations <= 10_000_000 && typeof p.salt === 'string' && typeof p.hash === 'string';
};

async function pinMatches(pin: string, stored: StoredPin): Promise<boolean> {
  const want = Buffer.from(stored.hash, 'base64');
  const got = await pbkdf2Async(pin, Buffer.from(stored.salt, 'base64'), stored.iterations, 32, 'sha256');
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Wrong-PIN counts per `<officeId>/<staffId>`, in memory (a restart gives five more tries, as clearing a tablet's does). */
export class ManagerProofs {
  private tries = new Map<string, { wrong: number; lockedUntil?: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Checks that `staffId` is a manager in the office document `office` and that `pin` is their
   * PIN. `office` is the office shard as the relay holds it now.
   */
  async check(officeId: string, office: Y.Doc, staffId: unknown, pin: unknown): Promise<ManagerCheck> {
    if (typeof staffId !== 'string' || typeof pin !== 'string' || !staffId || !/^[0-9]{4,6}$/.test(pin)) return { ok: false, reason: 'manager-required' };
    const record = office.getMap<Y.Map<unknown>>('staff').get(staffId);
    const role = record instanceof Y.Map ? record.get('role') : undefined;
    const stored = record instanceof Y.Map ? record.get('pin') : undefined;
    if (role !== 'manager' || !isStoredPin(stored)) return { ok: false, reason: 'manager-required' };
    const key = `${officeId}/${staffId}`;
    const now = this.now();
    const kept = this.tries.get(key);
    if (kept?.lockedUntil && kept.lockedUntil > now) return { ok: false, reason: 'pin-locked', until: new Date(kept.lockedUntil).toISOString() };
    if (await pinMatches(pin, stored)) {
      this.tries.delete(key);
      return { ok: true, name: String(record!.get('name') ?? '') };
    }
    const wrong = (kept?.lockedUntil ? 0 : kept?.wrong ?? 0) + 1;
    if (wrong >= PROOF_TRIES) {
      const lockedUntil = this.now() + PROOF_LOCK_MS;
      this.tries.set(key, { wrong: 0, lockedUntil });
      return { ok: false, reason: 'pin-locked', until: new Date(lockedUntil).toISOString() };
    }
    this.tries.set(key, { wrong });
    return { ok: false, reason: 'pin-wrong', left: PROOF_TRIES - wrong };
  }
}
