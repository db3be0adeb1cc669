import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device tokens and invitation codes: random 256-bit strings, kept only as SHA-256 hashes.
 * A random secret of that size needs no salt or slow hash: a stolen offices.json cannot be
 * turned back into a token by guessing.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Constant time in the secret. */
export function secretMatches(secret: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
