import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { backupOf, base64ToBytes, parseBackup, type BackupFile } from '../src/domain/backup';
import { deviceCodeIndex } from './devices';
import type { OfficeEntry, OfficeRegistry } from './offices';
import type { Store } from './store';
// Attachments (issue 19): blobs ride beside the backup files, each copied once
import { backupBlobs, collectGarbage, refsOfState, restoreBlobsFrom } from './blob-backup';
import type { BlobStore } from './blob-store';
import { namesOf, type BlobRef } from '../src/domain/blob-refs';

const FILE = /^linli-backup-(\d{4}-\d{2}-\d{2})\.json\.gz$/;
export const backupFileName = (day: string) => `linli-backup-${day}.json.gz`;

/**
 * Which backup files to keep: the newest of each of the last `daily` days that have one, and
 * the newest of each of the last `monthly` months. Everything else matching the name is old.
 */
export function backupsToKeep(names: string[], daily = 14, monthly = 12): Set<string> {
  const dated = names.map((n) => [n, n.match(FILE)?.[1]] as const).filter((x): x is [string, string] => !!x[1]).sort((a, b) => b[1].localeCompare(a[1]));
  const keep = new Set<string>(dated.slice(0, daily).map(([n]) => n));
  const months = new Set<string>();
  for (const [name, day] of dated) {
    const month = day.slice(0, 7);
    if (months.has(month)) continue;
    if (months.size >= monthly) break;
    months.add(month);
    keep.add(name);
  }
  return keep;
}

/**
 * Every office the relay holds: the full state of each shard (as stored) and its registry entry.
 * A shard LevelDB cannot read is left out (and named in `unreadable`), never the whole file:
 * one damaged table must not stop every other office's backup.
 */
export async function relayBackup(offices: OfficeRegistry, store: Store, nowMs: number, blobs?: BlobStore): Promise<BackupFile & { unreadable: { room: string; error: Error }[]; refs: Map<string, BlobRef[]> }> {
  // Updates still on their way to LevelDB are in the file too.
  await store.flush();
  const rooms = await store.rooms();
  const list = [];
  const unreadable: { room: string; error: Error }[] = [];
  const refs = new Map<string, BlobRef[]>();
  for (const entry of offices.entries()) {
    const shards: Record<string, Uint8Array> = {};
    const mine: BlobRef[] = [];
    for (const room of rooms.filter((r) => r.startsWith(`${entry.id}/`))) {
      try {
        const state = await store.load(room);
        if (state) {
          shards[room.slice(entry.id.length + 1)] = state;
          if (blobs) mine.push(...refsOfState(state));
        }
      } catch (error) {
        unreadable.push({ room, error: error as Error });
      }
    }
    refs.set(entry.id, mine);
    // The backup checks that every referenced blob exists: those the relay lacks are named in the file.
    let missingBlobs: string[] | undefined;
    if (blobs) {
      const have = new Set((await blobs.list(entry.id)).map((b) => b.sha256));
      missingBlobs = [...namesOf(mine)].filter((s) => !have.has(s)).sort();
    }
    list.push({ id: entry.id, name: entry.name, shards, registry: entry as unknown as Record<string, unknown>, ...(missingBlobs ? { missingBlobs } : {}) });
  }
  return Object.assign(backupOf('relay', new Date(nowMs).toISOString(), list), { unreadable, refs });
}

export const encodeBackupFile = (file: BackupFile): Buffer => gzipSync(Buffer.from(JSON.stringify(file), 'utf8'));

export async function readBackupFile(path: string): Promise<BackupFile> {
  let raw = await readFile(path);
  // A file a browser saved may already have been unpacked; both are accepted.
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new Error('not a Linli backup file (not JSON) / 不是邻里备份文件');
  }
  const checked = parseBackup(parsed);
  if (!checked.ok) throw new Error(`not a usable Linli backup file (${checked.problems[0].code}) / 备份文件无法使用`);
  return checked.value;
}

export interface Backups {
  /** Writes today's file now (if not yet written today unless forced); resolves to its path. */
  run(force?: boolean): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * One backup file per day in `dir`, written while the relay keeps serving (LevelDB is read,
 * not locked), then old files beyond 14 daily and 12 monthly are removed. Checked at start
 * and every hour.
 */
export function startBackups(opts: { dir: string; offices: OfficeRegistry; store: Store; log: (line: string) => void; now?: () => number; everyMs?: number; onUnreadable?: (room: string, error: Error) => void; blobs?: BlobStore; blobGraceDays?: number }): Backups {
  const now = opts.now ?? Date.now;
  let running: Promise<string | null> = Promise.resolve(null);
  let stopped = false;
  const run = (force = false): Promise<string | null> => {
    running = running.then(async () => {
      if (stopped) return null;
      const day = new Date(now()).toISOString().slice(0, 10);
      const path = join(opts.dir, backupFileName(day));
      await mkdir(opts.dir, { recursive: true, mode: 0o700 });
      const names = await readdir(opts.dir);
      if (!force && names.includes(backupFileName(day))) return null;
      const { unreadable, refs, ...file } = await relayBackup(opts.offices, opts.store, now(), opts.blobs);
      // Today's file must not replace the day's earlier good copy of a shard that is now unreadable.
      const target = unreadable.length && names.includes(backupFileName(day)) ? join(opts.dir, backupFileName(`${day}-partial`)) : path;
      const tmp = `${target}.tmp`;
      await writeFile(tmp, encodeBackupFile(file), { mode: 0o600 });
      await rename(tmp, target);
      for (const { room, error } of unreadable) opts.onUnreadable?.(room, error);
      // While a shard cannot be read, no old file is removed: they hold its last good copies.
      if (!unreadable.length) {
        const keep = backupsToKeep([...new Set([...names, backupFileName(day)])]);
        for (const name of names) if (FILE.test(name) && !keep.has(name)) await rm(join(opts.dir, name), { force: true });
      }
      const left = unreadable.length ? `; left out, cannot be read: ${unreadable.map((u) => u.room).join(', ')} — older files keep them, none is removed` : '';
      opts.log(`backup written: ${target} (${file.offices.length} offices${left})`);
      if (opts.blobs) await backupAndCollect(opts.blobs, opts.dir, file, refs, unreadable, opts.blobGraceDays ?? 30, now(), opts.log);
      return target;
    }).catch((err: Error) => {
      opts.log(`backup failed: ${err.message}`);
      return null;
    });
    return running;
  };
  void run();
  const timer = setInterval(() => void run(), opts.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running;
      stopped = true;
    },
  };
}

/**
 * After the day's file: every office's new blobs copied beside it (once each), the referenced
 * blobs the relay lacks logged, and blobs unreferenced past the grace period removed — never for
 * an office with a shard that could not be read (its references are not all known).
 */
async function backupAndCollect(blobs: BlobStore, dir: string, file: BackupFile, refs: Map<string, BlobRef[]>, unreadable: { room: string }[], graceDays: number, nowMs: number, log: (line: string) => void): Promise<void> {
  for (const office of file.offices) {
    const referenced = namesOf(refs.get(office.id) ?? []);
    const copied = await backupBlobs(blobs, dir, office.id, referenced);
    if (copied.copied) log(`blobs backed up: office ${office.id} ${copied.copied} new of ${copied.total}`);
    if (copied.missing.length) log(`BLOBS MISSING: office ${office.id} has ${copied.missing.length} referenced pictures the relay lacks (the tablets that took them send them when they reconnect): ${copied.missing.slice(0, 10).join(', ')}`);
    if (unreadable.some((u) => u.room.startsWith(`${office.id}/`))) continue;
    const removed = await collectGarbage(blobs, office.id, referenced, graceDays, nowMs);
    if (removed.length) log(`blobs removed: office ${office.id} ${removed.length} referenced by no record for ${graceDays} days`);
  }
}

/** The highest device code named anywhere in a document (history entries carry the device). */
function highestDeviceIndex(value: unknown, best = -1): number {
  if (Array.isArray(value)) return value.reduce((b: number, v) => highestDeviceIndex(v, b), best);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'device' || k === 'deviceCode') && typeof v === 'string') best = Math.max(best, deviceCodeIndex(v));
      else best = highestDeviceIndex(v, best);
    }
  }
  return best;
}

export interface Restored {
  id: string;
  name: string;
  shards: string[];
  /** The file was a tablet's: the relay had no devices for it and tablets must rejoin. */
  fromTablet: boolean;
  /** Blobs brought back (from the file, or the backup folder beside a relay's file). */
  blobs: number;
}

/**
 * Applies a backup to a relay's data (the relay must be stopped: LevelDB is single-writer).
 * Shard states are appended as updates, so an existing DATA_DIR merges with the file. An office
 * re-seeded from a tablet's file gets a registry entry without devices; its device-code counter
 * starts past every code the documents mention, so new tablets never reuse a printed code.
 */
export async function restoreBackup(file: BackupFile, offices: OfficeRegistry, store: Store, attachments?: { blobs: BlobStore; backupDir?: string }): Promise<Restored[]> {
  const out: Restored[] = [];
  for (const o of file.offices) {
    let highest = o.deviceCode ? deviceCodeIndex(o.deviceCode) : -1;
    for (const [shard, b64] of Object.entries(o.shards)) {
      const update = base64ToBytes(b64);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      for (const key of doc.share.keys()) highest = highestDeviceIndex(doc.getMap(key).toJSON(), highest);
      doc.destroy();
      await store.append(`${o.id}/${shard}`, update);
    }
    const registry = o.registry as unknown as OfficeEntry | undefined;
    const entry: OfficeEntry = registry && file.source === 'relay'
      ? { ...registry, id: o.id, devices: Math.max(registry.devices ?? 0, highest + 1) }
      : { id: o.id, name: o.name || o.id, createdAt: file.createdAt, devices: highest + 1, deviceList: [], invitations: [] };
    await offices.restore(entry);
    let blobCount = 0;
    if (attachments) {
      // A tablet's file carries its blobs inline; a relay's file has them in the folder beside it.
      for (const [sha, blob] of Object.entries(o.blobs ?? {})) if ((await attachments.blobs.adopt(o.id, sha, base64ToBytes(blob.data))) === 'added') blobCount++;
      if (attachments.backupDir) blobCount += await restoreBlobsFrom(attachments.blobs, attachments.backupDir, o.id);
    }
    out.push({ id: o.id, name: entry.name, shards: Object.keys(o.shards), fromTablet: file.source !== 'relay', blobs: blobCount });
  }
  await store.flush();
  for (const r of out) for (const shard of r.shards) await store.compact(`${r.id}/${shard}`);
  return out;
}
