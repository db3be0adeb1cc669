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

/** One picture's bytes to keep: the file, its type, whether it is a thumbnail. */
export interface BlobToKeep {
  data: Blob;
  mime: string;
  thumb: boolean;
}

/**
 * Keeps pictures' bytes on this tablet, once: the same bytes kept twice are one row. A new row
 * is 'waiting' — the outbox the transfer sweep (transfer.ts) sends to the relay. The caller puts
 * the returned names into the record's reference (the document holds the name, never the bytes).
 * A picture and its thumbnail are kept in one transaction: the outbox then sees both at once and
 * sends the thumbnail first (what colleagues' pages show), not the original that happened to be
 * written a moment earlier.
 */
export async function keepBlobs(db: LinliDB, items: readonly BlobToKeep[]): Promise<{ sha256: string; bytes: number }[]> {
  const named = await Promise.all(items.map(async (it) => ({ ...it, sha256: await sha256Of(it.data), typed: it.data.type === it.mime ? it.data : new Blob([it.data], { type: it.mime }) })));
  await db.transaction('rw', db.blobs, async () => {
    const known = await db.blobs.bulkGet(named.map((n) => n.sha256));
    const at = new Date().toISOString();
    const seen = new Set<string>();
    const rows = named.flatMap((n, i) => {
      const k = known[i];
      // A signature is its own thumbnail: the same bytes twice are one row, as the first says.
      if (k?.data || seen.has(n.sha256)) return [];
      seen.add(n.sha256);
      // Known only by reference (a colleague's), or new: now we hold it, and the relay may not.
      return [{ sha256: n.sha256, mime: n.mime, bytes: n.data.size, data: n.typed, state: k?.state === 'relay' ? ('relay' as const) : ('waiting' as const), addedAt: k?.addedAt ?? at, thumb: n.thumb }];
    });
    if (rows.length) await db.blobs.bulkPut(rows);
  });
  return named.map((n) => ({ sha256: n.sha256, bytes: n.data.size }));
}

/** Keeps one picture's bytes (keepBlobs for a single file). */
export async function keepBlob(db: LinliDB, data: Blob, mime: string, thumb: boolean): Promise<{ sha256: string; bytes: number }> {
  return (await keepBlobs(db, [{ data, mime, thumb }]))[0];
}

/** The bytes of a blob if this tablet holds them. */
export async function blobData(db: ReadonlyDB | LinliDB, sha256: string): Promise<Blob | undefined> {
  return (await (db as ReadonlyDB).blobs.get(sha256))?.data;
}
