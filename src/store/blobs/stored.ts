/**
 * One blob as this tablet keeps it (Dexie table `blobs`, primary key `sha256`). `data` absent: the
 * office refers to it (a colleague's picture) but its bytes are not here yet — state 'missing'.
 * The outbox is the 'waiting' rows: kept here, not yet at the relay.
 */
export interface StoredBlob {
  sha256: string;
  mime: string;
  bytes: number;
  data?: Blob;
  state: 'waiting' | 'sending' | 'relay' | 'missing';
  /** When this tablet first kept or learnt of it (ISO). */
  addedAt: string;
  /** A thumbnail (320 px, ≤ 64 KB), which the relay bounds apart from originals. */
  thumb: boolean;
  /** The relay refused it for good (too large, quota full): the i18n key of why, `blobs.error.<reason>`. */
  refused?: string;
  /** Failed uploads or downloads in a row, and when the next try is due (backoff). */
  tries?: number;
  nextTryAt?: string;
}

/** Its Dexie index spec: by name, by state (the outbox), by age. */
export const BLOBS_INDEXES = '&sha256, state, addedAt';
