import type { BlobState } from '../blobs/types';
import type { ReadonlyDB } from '../readonly-db';

/** Each picture's state on this tablet ('missing' when the tablet has no row for it). */
export async function blobStates(db: ReadonlyDB, shas: string[]): Promise<Record<string, BlobState>> {
  const rows = await db.blobs.bulkGet(shas);
  return Object.fromEntries(shas.map((sha, i) => [sha, rows[i]?.state ?? 'missing']));
}

/** A picture's bytes for showing it (thumbnail or original), if this tablet has them. */
export async function blobBytes(db: ReadonlyDB, sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.data;
}
