import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { namesOf, refsOfDocument, type BlobRef } from '../src/domain/blob-refs';
import { SHA256, type BlobStore } from './blob-store';

/** The picture references in one shard's stored state (the `attachments` maps of its records). */
export function refsOfState(state: Uint8Array): BlobRef[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const json: Record<string, unknown> = {};
    for (const key of doc.share.keys()) json[key] = doc.getMap(key).toJSON();
    return refsOfDocument(json);
  } finally {
    doc.destroy();
  }
}

/**
 * Copies the office's blobs into `<backupDir>/blobs/<office>/<2 hex>/<sha256>`, each once: a
 * blob is write-once, so one already in the backup folder is the same bytes and is skipped
 * (incremental for free, no manifest). Returns how many were copied and which referenced blobs
 * the relay lacks (reported by the backup: a tablet still holds them, or they are lost).
 */
export async function backupBlobs(blobs: BlobStore, backupDir: string, officeId: string, referenced: Set<string>): Promise<{ copied: number; total: number; missing: string[] }> {
  const have = await blobs.list(officeId);
  let copied = 0;
  for (const b of have) {
    const dir = join(backupDir, 'blobs', officeId, b.sha256.slice(0, 2));
    const target = join(dir, b.sha256);
    if (await stat(target).then(() => true, () => false)) continue;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await copyFile(blobs.pathOf(officeId, b.sha256), `${target}.tmp`);
    await rename(`${target}.tmp`, target);
    copied++;
  }
  const names = new Set(have.map((b) => b.sha256));
  return { copied, total: have.length, missing: [...referenced].filter((s) => !names.has(s)).sort() };
}

/** Brings back every blob of a backup folder (`<dir>/blobs/<office>/…`) the relay lacks; checked against its name. */
export async function restoreBlobsFrom(blobs: BlobStore, backupDir: string, officeId: string): Promise<number> {
  const root = join(backupDir, 'blobs', officeId);
  let added = 0;
  for (const prefix of await readdir(root).catch(() => [] as string[])) {
    for (const name of await readdir(join(root, prefix)).catch(() => [] as string[])) {
      if (!SHA256.test(name)) continue;
      if ((await blobs.adopt(officeId, name, createReadStream(join(root, prefix, name)))) === 'added') added++;
    }
  }
  return added;
}

/**
 * Removes blobs no record has referred to for `graceDays`. How the relay learns references: it
 * reads the `attachments` maps of every record in the office's stored documents (at the daily
 * backup, which loads them all anyway). A blob seen unreferenced is noted with the time in
 * `blobs/<office>/unreferenced.json`; referenced again, it is forgotten there; still unreferenced
 * after the grace period, it is removed. The grace covers a picture uploaded before its record's
 * update reached the relay (the blob outbox and the document sync are independent), a month
 * document this relay has not yet received, and an undo.
 */
export async function collectGarbage(blobs: BlobStore, officeId: string, referenced: Set<string>, graceDays: number, nowMs: number): Promise<string[]> {
  const file = join(blobs.officeDir(officeId), 'unreferenced.json');
  let since: Record<string, string> = {};
  try {
    since = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch {
    /* none yet */
  }
  const next: Record<string, string> = {};
  const removed: string[] = [];
  for (const b of await blobs.list(officeId)) {
    if (referenced.has(b.sha256)) continue;
    const first = since[b.sha256] ?? new Date(nowMs).toISOString();
    if (nowMs - Date.parse(first) >= graceDays * 86_400_000) {
      await blobs.remove(officeId, b.sha256);
      removed.push(b.sha256);
    } else next[b.sha256] = first;
  }
  await mkdir(blobs.officeDir(officeId), { recursive: true, mode: 0o700 });
  await writeFile(`${file}.tmp`, JSON.stringify(next), { mode: 0o600 });
  await rename(`${file}.tmp`, file);
  return removed;
}

export { namesOf };
