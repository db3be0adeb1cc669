import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import * as Y from 'yjs';
import { base64ToBytes, type BackupFile } from '../src/domain/backup';
import { readBackupFile } from './backup';
import { Store } from './store';
// Attachments (issue 19): every blob still hashes to its name
import { createHash } from 'node:crypto';
import type { BlobStore } from './blob-store';

/**
 * `npm run relay -- check` and `repair`: is every room readable, does every backup file decode,
 * and does the live state hold everything each backup holds (Yjs only grows: a backup with
 * something the relay lacks means the relay lost it). `repair` rebuilds what a damaged table
 * file took: LevelDB's own repair, then the newest good backup copy of every room merged in;
 * the tablets send the rest (everything the relay lacks) when they reconnect.
 */
export interface CheckReport {
  ok: boolean;
  rooms: { room: string; ok: boolean; error?: string }[];
  backups: { file: string; ok: boolean; error?: string; lacking?: string[]; unreadableLive?: string[] }[];
  /** Blobs per office, and those whose bytes no longer hash to their name (a damaged disk). */
  blobs?: { office: string; count: number; damaged: string[] }[];
}

const BACKUP_FILE = /^linli-backup-.*\.json\.gz$/;

async function backupFiles(dir: string | null): Promise<string[]> {
  if (!dir) return [];
  try {
    return (await readdir(dir)).filter((n) => BACKUP_FILE.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function decoded(b64: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base64ToBytes(b64));
  return doc;
}

/** True when applying `backup` to the live state would add anything (structs or deletions). */
function lacks(live: Uint8Array | null, backup: Y.Doc): boolean {
  const doc = new Y.Doc({ gc: false });
  try {
    if (live) Y.applyUpdate(doc, live);
    const before = Y.snapshot(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(backup));
    return !Y.equalSnapshots(before, Y.snapshot(doc));
  } finally {
    doc.destroy();
  }
}

/** Hashes every blob of every office: a file whose bytes do not match its name is damaged. */
export async function checkBlobs(blobs: BlobStore): Promise<NonNullable<CheckReport['blobs']>> {
  const out: NonNullable<CheckReport['blobs']> = [];
  for (const office of await blobs.offices()) {
    const damaged: string[] = [];
    const all = await blobs.list(office);
    for (const b of all) {
      const hash = createHash('sha256');
      try {
        for await (const chunk of blobs.read(office, b.sha256)) hash.update(chunk as Buffer);
        if (hash.digest('hex') !== b.sha256) damaged.push(b.sha256);
      } catch {
        damaged.push(b.sha256);
      }
    }
    out.push({ office, count: all.length, damaged });
  }
  return out;
}

export async function checkStorage(store: Store, backupDir: string | null, blobs?: BlobStore): Promise<CheckReport> {
  const report = await checkRooms(store, backupDir);
  if (blobs) {
    report.blobs = await checkBlobs(blobs);
    if (report.blobs.some((b) => b.damaged.length)) report.ok = false;
  }
  return report;
}

async function checkRooms(store: Store, backupDir: string | null): Promise<CheckReport> {
  const report: CheckReport = { ok: true, rooms: [], backups: [] };
  const live = new Map<string, Uint8Array | null | Error>();
  let names: string[] = [];
  try {
    names = await store.rooms();
  } catch (err) {
    report.ok = false;
    report.rooms.push({ room: '*', ok: false, error: (err as Error).message });
  }
  for (const room of names) {
    try {
      live.set(room, await store.load(room));
      report.rooms.push({ room, ok: true });
    } catch (err) {
      live.set(room, err as Error);
      report.ok = false;
      report.rooms.push({ room, ok: false, error: (err as Error).message });
    }
  }
  for (const name of await backupFiles(backupDir)) {
    const entry: CheckReport['backups'][number] = { file: name, ok: true };
    report.backups.push(entry);
    let file: BackupFile;
    try {
      file = await readBackupFile(join(backupDir!, name));
    } catch (err) {
      Object.assign(entry, { ok: false, error: (err as Error).message });
      report.ok = false;
      continue;
    }
    for (const o of file.offices) {
      for (const [shard, b64] of Object.entries(o.shards)) {
        const room = `${o.id}/${shard}`;
        let doc: Y.Doc;
        try {
          doc = decoded(b64);
        } catch (err) {
          Object.assign(entry, { ok: false, error: `${room}: ${(err as Error).message}` });
          report.ok = false;
          continue;
        }
        const state = live.get(room);
        if (state instanceof Error) (entry.unreadableLive ??= []).push(room);
        else if (lacks(state ?? null, doc)) {
          (entry.lacking ??= []).push(room);
          entry.ok = false;
          report.ok = false;
        }
        doc.destroy();
      }
    }
  }
  return report;
}

export function printReport(report: CheckReport, print: (line: string) => void): void {
  for (const r of report.rooms) print(r.ok ? `  ok       room ${r.room}` : `  DAMAGED  room ${r.room}: ${r.error}`);
  for (const b of report.backups) {
    if (b.error) print(`  BAD      backup ${b.file}: ${b.error}`);
    else print(`  ${b.ok ? 'ok      ' : 'LACKING '} backup ${b.file}${b.lacking ? `: holds what the relay lacks in ${b.lacking.join(', ')}` : ''}${b.unreadableLive ? ` (has a copy of unreadable ${b.unreadableLive.join(', ')})` : ''}`);
  }
  for (const b of report.blobs ?? []) {
    print(`  ${b.damaged.length ? 'DAMAGED ' : 'ok      '} blobs ${b.office}: ${b.count}${b.damaged.length ? `, ${b.damaged.length} do not match their name (remove them; \`restore\` of a backup brings the copies back): ${b.damaged.slice(0, 5).join(', ')}` : ''}`);
  }
  print(report.ok
    ? 'Everything readable; the live state holds every backup. / 全部正常'
    : 'Problems found: stop the relay and run `npm run relay -- repair` (README § Storage faults). / 发现问题：请停止同步服务器后运行 repair');
}

/**
 * Rebuilds the relay's storage after damage (the relay must be stopped). Nothing is deleted
 * inside a damaged LevelDB (its iterators may fail there): LevelDB's own repair first (it drops
 * what it cannot read), then every room that still loads is copied into a fresh LevelDB, every
 * room's newest readable backup copy is merged in (merging an older copy into a room that has
 * it changes nothing, Yjs), and the fresh one takes the old one's place; the old one is kept
 * beside it as `leveldb.damaged-<time>`. Returns what was done, for printing.
 */
export async function repairStorage(dataDir: string, backupDir: string | null, nowMs = Date.now()): Promise<string[]> {
  const location = join(dataDir, 'leveldb');
  const fresh = join(dataDir, 'leveldb.rebuilding');
  const kept = join(dataDir, `leveldb.damaged-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`);
  const done: string[] = [];
  await ClassicLevel.repair(location);
  done.push('LevelDB repaired (entries it could not read are dropped)');
  await rm(fresh, { recursive: true, force: true });
  const old = new Store(location);
  const out = new Store(fresh);
  const rebuilt = new Set<string>();
  try {
    let names: string[] = [];
    try {
      names = await old.rooms();
    } catch (err) {
      done.push(`rooms could not be listed (${(err as Error).message}): every room comes from the backups`);
    }
    for (const room of names) {
      try {
        const state = await old.load(room);
        if (state) await out.append(room, state);
        rebuilt.add(room);
      } catch {
        done.push(`${room}: unreadable even after LevelDB's repair, rebuilt from the backups alone`);
      }
    }
    // The newest copy of each room that decodes, newest file first.
    const copies = new Map<string, { file: string; update: Uint8Array }>();
    for (const name of (await backupFiles(backupDir)).reverse()) {
      let file: BackupFile;
      try {
        file = await readBackupFile(join(backupDir!, name));
      } catch {
        continue;
      }
      for (const o of file.offices) {
        for (const [shard, b64] of Object.entries(o.shards)) {
          const room = `${o.id}/${shard}`;
          const prev = copies.get(room);
          if (prev && prev.file >= file.createdAt) continue;
          try {
            decoded(b64).destroy();
            copies.set(room, { file: file.createdAt, update: base64ToBytes(b64) });
          } catch {
            /* a damaged copy: an older file may have a good one */
          }
        }
      }
    }
    for (const [room, copy] of copies) {
      await out.append(room, copy.update);
      done.push(`${room}: merged the backup of ${copy.file}`);
    }
    await out.flush();
    for (const room of new Set([...rebuilt, ...copies.keys()])) await out.compact(room);
  } finally {
    await old.close();
    await out.close();
  }
  await rename(location, kept);
  await rename(fresh, location);
  done.push(`the damaged LevelDB is kept as ${kept}`);
  return done;
}
