import type { LinliDB } from '../db';
import type { DeviceConfig } from '../device';
import { deviceTables } from '../device-tables';
import type { Office } from '../office-api';
import { httpBase } from '../relay-api';

/** Longest wait between two tries of one blob. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** What the relay said to one upload or download. */
export type TransferOutcome = 'done' | 'refused' | 'retry' | 'unauthorized';

export const blobUrl = (config: DeviceConfig, sha256: string, thumb = false) =>
  `${httpBase(config.relayUrl)}/api/offices/${encodeURIComponent(config.officeId)}/blob/${sha256}${thumb ? '?thumb=1' : ''}`;

/**
 * When to try a blob again after `tries` failures in a row: 0.25 s, 0.5 s, 1 s … up to 5 min. The
 * first steps are short because the usual failure is benign: a colleague's reference arrived
 * through the document a moment before its thumbnail reached the relay (404).
 */
export function backoffMs(tries: number): number {
  return Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(Math.max(tries - 1, 0), 20));
}

/**
 * Fetches one blob from the relay into this tablet's table. Resolves to the bytes, or undefined
 * when the relay does not have them (yet) or cannot be reached; the row's backoff is noted.
 */
export async function download(db: LinliDB, config: DeviceConfig, sha256: string, now = Date.now()): Promise<{ outcome: TransferOutcome; data?: Blob }> {
  const row = await db.blobs.get(sha256);
  if (row?.data) return { outcome: 'done', data: row.data };
  let res: Response;
  try {
    res = await fetch(blobUrl(config, sha256), { headers: { authorization: `Bearer ${config.token}` } });
  } catch {
    await noteFailure(db, sha256, now);
    return { outcome: 'retry' };
  }
  if (res.status === 401) return { outcome: 'unauthorized' };
  if (res.status !== 200) {
    // 404: the tablet that took it has not sent it yet; it will be asked again.
    await noteFailure(db, sha256, now);
    return { outcome: 'retry' };
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const mime = row?.mime && row.mime !== 'application/octet-stream' ? row.mime : res.headers.get('content-type') ?? 'application/octet-stream';
  const data = new Blob([bytes], { type: mime });
  await db.transaction('rw', db.blobs, async () => {
    const current = await db.blobs.get(sha256);
    if (current?.data) return;
    await db.blobs.put({ sha256, mime, bytes: bytes.length, data, state: 'relay', addedAt: current?.addedAt ?? new Date(now).toISOString(), thumb: current?.thumb ?? false });
  });
  return { outcome: 'done', data };
}

async function noteFailure(db: LinliDB, sha256: string, now: number): Promise<void> {
  await db.blobs
    .where('sha256')
    .equals(sha256)
    .modify((row) => {
      row.tries = (row.tries ?? 0) + 1;
      row.nextTryAt = new Date(now + backoffMs(row.tries)).toISOString();
    });
}

/**
 * A picture's original when it is opened: from this tablet if held, else from the relay (the
 * page calls it; the bytes are kept for next time). Undefined when neither has it now.
 */
export async function fetchOriginal(office: Office, sha256: string): Promise<Blob | undefined> {
  return (await download(deviceTables(office), office.config, sha256)).data;
}

