import { fail, ok, type Result } from './result';
import { SHARD_NAME } from './shards';

/**
 * The backup file, one format for the relay's daily files and a tablet's download:
 * gzip'd UTF-8 JSON
 *   { format: 'linli-backup', version: 1, createdAt, source: 'relay' | 'tablet',
 *     offices: [{ id, name, shards: { <shard>: <base64 Yjs update> }, registry?, deviceCode? }] }
 * Each shard is the document's full state (`Y.encodeStateAsUpdate`), so restoring is applying
 * updates: merging into a relay that already holds the office loses nothing and doubles nothing.
 * `registry` (relay files only) is the office's entry of offices.json — device tokens and
 * invitations as hashes only. A tablet's file carries no token at all; `deviceCode` says which
 * tablet made it.
 */
export const BACKUP_FORMAT = 'linli-backup';
export const BACKUP_VERSION = 1;

export interface BackupOffice {
  id: string;
  name: string;
  shards: Record<string, string>;
  registry?: Record<string, unknown>;
  deviceCode?: string;
  /**
   * Attachments (issue 19). A tablet's file: the blobs it holds, base64, by SHA-256. A relay's
   * file keeps them in the `blobs/` folder beside it instead (copied once each).
   */
  blobs?: Record<string, { mime: string; data: string }>;
  /** Blobs the documents refer to that the maker of the file lacks (checked when it was written). */
  missingBlobs?: string[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'relay' | 'tablet';
  offices: BackupOffice[];
}

const SHARD = SHARD_NAME;
const OFFICE_ID = /^[a-z0-9]{6,32}$/;

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function backupOf(source: BackupFile['source'], createdAt: string, offices: { id: string; name: string; shards: Record<string, Uint8Array>; registry?: Record<string, unknown>; deviceCode?: string; blobs?: Record<string, { mime: string; data: Uint8Array }>; missingBlobs?: string[] }[]): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    source,
    offices: offices.map((o) => ({
      id: o.id,
      name: o.name,
      shards: Object.fromEntries(Object.entries(o.shards).map(([k, v]) => [k, bytesToBase64(v)])),
      ...(o.registry ? { registry: o.registry } : {}),
      ...(o.deviceCode ? { deviceCode: o.deviceCode } : {}),
      ...(o.blobs ? { blobs: Object.fromEntries(Object.entries(o.blobs).map(([k, v]) => [k, { mime: v.mime, data: bytesToBase64(v.data) }])) } : {}),
      ...(o.missingBlobs ? { missingBlobs: o.missingBlobs } : {}),
    })),
  };
}

/** Checks a parsed file before anything of it is applied: all of it is good, or none is used. */
export function parseBackup(value: unknown): Result<BackupFile> {
  const v = value as Partial<BackupFile> | null;
  if (!v || typeof v !== 'object' || v.format !== BACKUP_FORMAT) return fail({ code: 'backup.error.notBackup' });
  if (typeof v.version !== 'number' || v.version > BACKUP_VERSION) return fail({ code: 'backup.error.newerVersion', params: { version: String(v.version) } });
  if (!Array.isArray(v.offices)) return fail({ code: 'backup.error.notBackup' });
  for (const o of v.offices) {
    if (!o || !OFFICE_ID.test(String(o.id)) || typeof o.shards !== 'object' || !o.shards) return fail({ code: 'backup.error.badOffice' });
    for (const [shard, b64] of Object.entries(o.shards)) {
      if (!SHARD.test(shard) || typeof b64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return fail({ code: 'backup.error.badShard', params: { shard } });
    }
    for (const [sha, blob] of Object.entries((o as BackupOffice).blobs ?? {})) {
      if (!/^[0-9a-f]{64}$/.test(sha) || !blob || typeof blob.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(blob.data)) return fail({ code: 'backup.error.badShard', params: { shard: sha } });
    }
  }
  return ok(v as BackupFile);
}
