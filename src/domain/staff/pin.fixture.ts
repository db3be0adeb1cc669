import type { PinHash } from './pin';

/** A well-formed PIN hash for the domain tests (all zero bytes; no PIN hashes to it). */
export const sampleHash: PinHash = { algo: 'PBKDF2-SHA-256', iterations: 150_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' };
