import { namesOf, refsOfDocument } from '../../domain/blob-refs';
import { deviceTables } from '../device-tables';
import type { Office } from '../office-api';

/**
 * What a tablet's backup file carries of its pictures: every blob it holds (so that a relay
 * re-seeded from the file gets them back), and the names its documents refer to that it lacks
 * (a colleague's picture never fetched here) — the backup's check that every referenced blob
 * exists, reported to the person and written in the file.
 */
export async function blobsForBackup(office: Office, shards: Record<string, Uint8Array>): Promise<{ blobs: Record<string, { mime: string; data: Uint8Array }>; missing: string[] }> {
  // Yjs only here, on demand: the page reads the documents once, for this check.
  const Y = await import('yjs');
  const referenced = new Set<string>();
  for (const state of Object.values(shards)) {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const json: Record<string, unknown> = {};
      for (const key of doc.share.keys()) json[key] = doc.getMap(key).toJSON();
      for (const name of namesOf(refsOfDocument(json))) referenced.add(name);
    } finally {
      doc.destroy();
    }
  }
  const blobs: Record<string, { mime: string; data: Uint8Array }> = {};
  // One row at a time: a tablet's pictures need not all be read before the first is copied.
  await deviceTables(office).blobs.each((row) => {
    if (row.data) blobs[row.sha256] = { mime: row.mime, data: new Uint8Array() };
  });
  for (const sha of Object.keys(blobs)) {
    const row = await deviceTables(office).blobs.get(sha);
    if (row?.data) blobs[sha].data = new Uint8Array(await row.data.arrayBuffer());
  }
  const missing = [...referenced].filter((s) => !blobs[s]).sort();
  return { blobs, missing };
}
