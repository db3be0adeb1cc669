import type { ReadonlyDB } from '../readonly-db';
import type { StoredBlob } from '../blobs/stored';

/**
 * Each picture's state on this tablet, for a liveQuery: 'waiting' (kept here, not yet sent),
 * 'sending', 'relay' (on the relay: safe if this tablet is lost), 'missing' (a colleague's, bytes
 * not here yet). A name this tablet has never heard of is absent.
 */
export async function blobStates(db: ReadonlyDB, shas: string[]): Promise<Record<string, StoredBlob['state']>> {
  const rows = await db.blobs.bulkGet(shas);
  const out: Record<string, StoredBlob['state']> = {};
  rows.forEach((row, i) => {
    if (row) out[shas[i]] = row.state;
  });
  return out;
}

/**
 * Which of these pictures this tablet holds and has not yet got to the relay ('waiting' or
 * 'sending'): closing a request whose scan is among them warns that the scan lives only on this
 * tablet (`blobs.unsentScans`). A colleague's picture not fetched here ('missing') is not
 * counted: it is that tablet's outbox, not this one's.
 */
export async function unsentScans(db: ReadonlyDB, shas: string[]): Promise<string[]> {
  const states = await blobStates(db, shas);
  return shas.filter((s) => states[s] === 'waiting' || states[s] === 'sending');
}

/** A refused upload's reason (the relay said too large or quota full), keyed by name: i18n `blobs.error.<reason>`. */
export async function blobRefusals(db: ReadonlyDB, shas: string[]): Promise<Record<string, string>> {
  const rows = await db.blobs.bulkGet(shas);
  const out: Record<string, string> = {};
  rows.forEach((row, i) => {
    if (row?.refused) out[shas[i]] = row.refused;
  });
  return out;
}

/** How many pictures this tablet still has to send (the outbox), for the sync indicator. */
export function blobsToSend(db: ReadonlyDB): Promise<number> {
  return db.blobs.where('state').anyOf('waiting', 'sending').count();
}

/** A picture's bytes for showing it (thumbnail or original), if this tablet has them. */
export async function blobBytes(db: ReadonlyDB, sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.data;
}
