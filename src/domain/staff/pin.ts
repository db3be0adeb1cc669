import { fail, ok, type Result } from '../result';

/**
 * A staff PIN as the office document keeps it: never the digits, only a salted PBKDF2-SHA-256
 * hash, with what is needed to check a typed PIN again (salt, iterations). The hashing itself
 * is WebCrypto (async), done by the store; the domain only checks shapes, so it stays pure.
 */
export interface PinHash {
  algo: 'PBKDF2-SHA-256';
  iterations: number;
  /** 16 random bytes, base64. */
  salt: string;
  /** 32 bytes, base64. */
  hash: string;
}

/** Fewer would make a stolen tablet's copy even cheaper to search; the store uses more. */
export const PIN_MIN_ITERATIONS = 100_000;

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const b64Bytes = (s: string) => (B64.test(s) && s.length % 4 === 0 ? (s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0) : -1);

/** A hash the store made, not (for instance) the plain PIN passed by mistake. */
export function isPinHash(value: unknown): value is PinHash {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.algo === 'PBKDF2-SHA-256' &&
    Number.isInteger(v.iterations) &&
    (v.iterations as number) >= PIN_MIN_ITERATIONS &&
    typeof v.salt === 'string' &&
    b64Bytes(v.salt) === 16 &&
    typeof v.hash === 'string' &&
    b64Bytes(v.hash) === 32
  );
}

/**
 * A PIN is 4 to 6 digits. Full-width digits (what a Chinese input method may type) count as
 * the same digits, so a PIN set with one keyboard works with the other. Returns the PIN in
 * ASCII digits.
 */
export function checkPinFormat(raw: string, field = 'pin'): Result<string> {
  const pin = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!pin) return fail({ code: 'pin.error.required', field });
  if (!/^[0-9]{4,6}$/.test(pin)) return fail({ code: 'pin.error.format', field });
  return ok(pin);
}

/** A new PIN is typed twice; both must be a valid PIN and the same. */
export function checkNewPin(pin: string, again: string): Result<string> {
  const first = checkPinFormat(pin);
  if (!first.ok) return first;
  const second = checkPinFormat(again, 'pinAgain');
  if (!second.ok || second.value !== first.value) return fail({ code: 'pin.error.mismatch', field: 'pinAgain' });
  return first;
}

/** Wrong PINs in a row before the profile is locked on this device, and for how long. */
export const PIN_TRIES = 5;
export const PIN_LOCK_MS = 5 * 60_000;

/** What one device remembers of wrong PINs for one profile. */
export interface PinTries {
  wrong: number;
  /** Epoch ms until which the profile is locked on this device. */
  lockedUntil?: number;
}

/** The time (epoch ms) until which the profile is locked, or null if a PIN may be tried now. */
export function pinLockedUntil(tries: PinTries | undefined, now: number): number | null {
  return tries?.lockedUntil && tries.lockedUntil > now ? tries.lockedUntil : null;
}

/**
 * One more wrong PIN. The fifth in a row locks the profile for PIN_LOCK_MS and starts the
 * count again, so after the lock there are five tries again (not one).
 */
export function afterWrongPin(tries: PinTries | undefined, now: number): PinTries {
  const wrong = (pinLockedUntil(tries, now) ? 0 : tries?.wrong ?? 0) + 1;
  return wrong >= PIN_TRIES ? { wrong: 0, lockedUntil: now + PIN_LOCK_MS } : { wrong };
}
