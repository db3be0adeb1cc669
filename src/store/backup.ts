import { backupOf } from '../domain/backup';
import type { Office } from './office-api';
import { officeSettings } from './queries/settings';
// Attachments (issue 19): the tablet's pictures ride in its backup file
import { blobsForBackup } from './blobs/backup';

/** gzip through the platform's CompressionStream (browsers and Node alike). */
async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * This tablet's whole copy of the office as a backup file (format in domain/backup.ts): every
 * shard it holds, its own edits not yet sent included, and no token. A relay whose disk was
 * lost is re-seeded from it with `npm run relay -- restore <file>`.
 */
export async function tabletBackup(office: Office): Promise<{ bytes: Uint8Array; fileName: string; missingBlobs: string[] }> {
  const shards = await office.encodeShards();
  const settings = await officeSettings(office.db);
  const now = office.context().now;
  // Its pictures go in the file; referenced ones it lacks are named (and returned, for the page to say).
  const { blobs, missing } = await blobsForBackup(office, shards);
  const file = backupOf('tablet', now, [{ id: office.config.officeId, name: settings?.name ?? office.config.officeName, shards, deviceCode: office.config.deviceCode, blobs, missingBlobs: missing }]);
  const bytes = await gzip(new TextEncoder().encode(JSON.stringify(file)));
  return { bytes, fileName: `linli-backup-${office.config.officeId}-${office.config.deviceCode}-${now.slice(0, 10)}.json.gz`, missingBlobs: missing };
}
