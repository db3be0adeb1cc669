import type { LinliDB } from '../db';
import type { ReadonlyDB } from '../readonly-db';
import type { StoredBlob } from './stored';

export type { StoredBlob } from './stored';

/** SHA-256 of the bytes, lowercase hex: the blob's name here, on the relay and in the record's reference. */
export async function sha256Of(data: Blob | Uint8Array): Promise<string> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keeps a picture's bytes on this tablet, once: the same bytes kept twice are one row. A new row
 * is 'waiting' — the outbox the transfer sweep (transfer.ts) sends to the relay. The caller puts
 * the returned name into the record's reference (the document holds the name, never the bytes).
 */
export async function keepBlob(db: LinliDB, data: Blob, mime: string, thumb: boolean): Promise<{ sha256: string; bytes: number }> {
  const sha256 = await sha256Of(data);
  const bytes = data.size;
  const typed = data.type === mime ? data : new Blob([data], { type: mime });
  await db.transaction('rw', db.blobs, async () => {
    const known = await db.blobs.get(sha256);
    if (known?.data) return;
    // Known only by reference (a colleague's), or new: now we hold it, and the relay may not.
    await db.blobs.put({ sha256, mime, bytes, data: typed, state: known?.state === 'relay' ? 'relay' : 'waiting', addedAt: known?.addedAt ?? new Date().toISOString(), thumb });
  });
  return { sha256, bytes };
}

/** The bytes of a blob if this tablet holds them. */
export async function blobData(db: ReadonlyDB | LinliDB, sha256: string): Promise<Blob | undefined> {
  return (await (db as ReadonlyDB).blobs.get(sha256))?.data;
}
