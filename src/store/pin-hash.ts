import { PIN_MIN_ITERATIONS, type PinHash } from '../domain/staff/pin';

/**
 * PBKDF2-SHA-256 from WebCrypto (browsers, and Node 20's globalThis.crypto). The iterations
 * cost a tablet ~0.1–0.3 s per check, which is what a person waits for anyway; they do not make
 * a 4–6 digit PIN safe against someone who copies a tablet's data (10^6 candidates), which the
 * README says plainly. Each profile has its own random salt, so equal PINs look different.
 */
export const PIN_ITERATIONS = 150_000;

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** A new hash of `pin` (already checked as 4–6 ASCII digits) with a fresh 16-byte salt. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algo: 'PBKDF2-SHA-256', iterations: Math.max(iterations, PIN_MIN_ITERATIONS), salt: toB64(salt), hash: toB64(await derive(pin, salt, iterations)) };
}

/** Whether `pin` is the one hashed in `stored` (compared in full, not stopping at the first difference). */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const want = fromB64(stored.hash);
  const got = await derive(pin, fromB64(stored.salt), stored.iterations);
  let diff = want.length ^ got.length;
  for (let i = 0; i < want.length; i++) diff |= want[i] ^ (got[i] ?? 0);
  return diff === 0;
}
