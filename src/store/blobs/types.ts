import type { StoredBlob } from './stored';

/** A picture's way to the relay: waiting in the outbox, being sent, on the relay, or known only by reference. */
export type BlobState = StoredBlob['state'];

/** One picture's bytes on this tablet (originals and thumbnails alike), keyed by their SHA-256 (`stored.ts`). */
export type BlobRow = StoredBlob;
