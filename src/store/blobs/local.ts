import type { LinliDB } from '../db';

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Keeps a picture's bytes on this tablet under their SHA-256 (lowercase hex), once: a blob with
 * that hash already kept is left as it is (same bytes by definition). New blobs wait in the outbox.
 */
export async function keepBlob(db: LinliDB, data: Blob, mime: string, thumb: boolean): Promise<{ sha256: string; bytes: number }> {
  const sha256 = hex(await crypto.subtle.digest('SHA-256', await data.arrayBuffer()));
  await db.transaction('rw', db.blobs, async () => {
    if (await db.blobs.get(sha256)) return;
    await db.blobs.add({ sha256, mime, bytes: data.size, data, state: 'waiting', addedAt: new Date().toISOString(), thumb });
  });
  return { sha256, bytes: data.size };
}

/** A blob's bytes if this tablet has them. */
export async function blobData(db: LinliDB, sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.data;
}
