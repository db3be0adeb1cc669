/** A picture's way to the relay: waiting in the outbox, being sent, on the relay, or known only by reference. */
export type BlobState = 'waiting' | 'sending' | 'relay' | 'missing';

/** One picture's bytes on this tablet (originals and thumbnails alike), keyed by their SHA-256. */
export interface BlobRow {
  sha256: string;
  mime: string;
  bytes: number;
  data?: Blob;
  state: BlobState;
  addedAt: string;
  thumb: boolean;
}
