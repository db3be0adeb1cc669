import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A blob's name: its SHA-256, lowercase hex (the client computes it with crypto.subtle). */
export const SHA256 = /^[0-9a-f]{64}$/;
const OFFICE_ID = /^[a-z0-9]{6,32}$/;

export interface BlobLimits {
  /** Largest original (LINLI_BLOB_MAX_BYTES, default 10 MB). */
  maxBytes: number;
  /** Largest thumbnail (LINLI_THUMB_MAX_BYTES, default 64 KB). */
  thumbMaxBytes: number;
  /** What one office may keep in all (LINLI_BLOB_QUOTA_MB, default 2048 MB). */
  quotaBytes: number;
}

export const DEFAULT_BLOB_LIMITS: BlobLimits = { maxBytes: 10 * 1024 * 1024, thumbMaxBytes: 64 * 1024, quotaBytes: 2048 * 1024 * 1024 };

/** Why a PUT was refused; each has its HTTP status (blob-api.ts) and an i18n key on the tablet. */
export type PutRefusal = 'too-large' | 'quota-full' | 'hash-mismatch' | 'incomplete';
export type PutResult = { ok: true; bytes: number; existed: boolean } | { ok: false; reason: PutRefusal; limit?: number };

/**
 * The relay's blobs: write-once files named by their SHA-256,
 * `DATA_DIR/blobs/<office>/<first 2 hex>/<sha256>`.
 *
 * Durability: the bytes go to a temp file in the office's `.tmp/` folder, hashed as they come;
 * only when the hash matches the name is the file fsync'd and renamed into place (a rename in one
 * file system is atomic), and the folder fsync'd so the rename itself survives a power cut. An
 * upload cut off half way (the tablet left the Wi-Fi, the relay was killed) leaves a temp file at
 * most, never a file under a blob's name: `.tmp/` is emptied when the store opens and the
 * request's own temp file is removed when it fails. A name once written is never written again
 * (a second PUT of the same bytes is drained and answered "already here"), so backups copy each
 * blob once.
 *
 * Quota: each office's total is counted once from disk (first use) and kept in memory after.
 */
export class BlobStore {
  private usage = new Map<string, Promise<number>>();
  /** Bytes of uploads in flight per office, counted against the quota before they land. */
  private reserved = new Map<string, number>();

  constructor(readonly dir: string, readonly limits: BlobLimits = DEFAULT_BLOB_LIMITS) {}

  officeDir(officeId: string): string {
    if (!OFFICE_ID.test(officeId)) throw new Error('bad office id');
    return join(this.dir, officeId);
  }

  pathOf(officeId: string, sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('bad blob name');
    return join(this.officeDir(officeId), sha256.slice(0, 2), sha256);
  }

  async has(officeId: string, sha256: string): Promise<boolean> {
    return (await this.size(officeId, sha256)) !== null;
  }

  async size(officeId: string, sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(officeId, sha256))).size;
    } catch {
      return null;
    }
  }

  read(officeId: string, sha256: string): Readable {
    return createReadStream(this.pathOf(officeId, sha256));
  }

  /** Every blob of an office: name and size. */
  async list(officeId: string): Promise<{ sha256: string; bytes: number; mtimeMs: number }[]> {
    const out: { sha256: string; bytes: number; mtimeMs: number }[] = [];
    let prefixes: string[];
    try {
      prefixes = await readdir(this.officeDir(officeId));
    } catch {
      return out;
    }
    for (const prefix of prefixes) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await readdir(join(this.officeDir(officeId), prefix)).catch(() => [] as string[])) {
        if (!SHA256.test(name)) continue;
        const st = await stat(join(this.officeDir(officeId), prefix, name)).catch(() => null);
        if (st) out.push({ sha256: name, bytes: st.size, mtimeMs: st.mtimeMs });
      }
    }
    return out;
  }

  /** Offices that have a blob folder. */
  async offices(): Promise<string[]> {
    return (await readdir(this.dir).catch(() => [] as string[])).filter((n) => OFFICE_ID.test(n));
  }

  used(officeId: string): Promise<number> {
    let u = this.usage.get(officeId);
    if (!u) {
      u = this.list(officeId).then((all) => all.reduce((n, b) => n + b.bytes, 0));
      this.usage.set(officeId, u);
    }
    return u;
  }

  private addUsage(officeId: string, by: number): void {
    const u = this.usage.get(officeId);
    if (u) this.usage.set(officeId, u.then((n) => n + by));
  }

  /** Removes stale temp files of uploads that never finished (called at start). */
  async clearTemp(): Promise<void> {
    for (const office of await this.offices()) await rm(join(this.officeDir(office), '.tmp'), { recursive: true, force: true });
  }

  /**
   * Stores `body` under `sha256` if its bytes hash to that name and fit the limits. `declared`
   * is the request's content-length when it gave one (refused early, before any byte is read).
   */
  async put(officeId: string, sha256: string, body: AsyncIterable<Buffer>, opts: { thumb: boolean; declared?: number }): Promise<PutResult> {
    const target = this.pathOf(officeId, sha256);
    const max = opts.thumb ? this.limits.thumbMaxBytes : this.limits.maxBytes;
    if (opts.declared !== undefined && opts.declared > max) return { ok: false, reason: 'too-large', limit: max };
    const existing = await this.size(officeId, sha256);
    if (existing !== null) {
      // Write-once: the same name holds the same bytes, nothing to write.
      return { ok: true, bytes: existing, existed: true };
    }
    const quota = this.limits.quotaBytes;
    const reservedBefore = this.reserved.get(officeId) ?? 0;
    const used = (await this.used(officeId)) + reservedBefore;
    if (used + (opts.declared ?? 0) > quota) return { ok: false, reason: 'quota-full', limit: quota };
    const hold = opts.declared ?? 0;
    this.reserved.set(officeId, (this.reserved.get(officeId) ?? 0) + hold);

    const tmpDir = join(this.officeDir(officeId), '.tmp');
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    const file = await open(tmp, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let kept = false;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > max) return { ok: false, reason: 'too-large', limit: max };
        if (used + size > quota) return { ok: false, reason: 'quota-full', limit: quota };
        hash.update(chunk);
        await file.write(chunk);
      }
      if (opts.declared !== undefined && size !== opts.declared) return { ok: false, reason: 'incomplete' };
      if (hash.digest('hex') !== sha256) return { ok: false, reason: 'hash-mismatch' };
      await file.sync();
      await file.close();
      await mkdir(join(this.officeDir(officeId), sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      // Another upload of the same blob may have landed meanwhile: the same bytes, either wins.
      await rename(tmp, target);
      await syncDir(join(this.officeDir(officeId), sha256.slice(0, 2)));
      kept = true;
      this.addUsage(officeId, size);
      return { ok: true, bytes: size, existed: false };
    } finally {
      this.reserved.set(officeId, (this.reserved.get(officeId) ?? hold) - hold);
      if (!kept) {
        await file.close().catch(() => undefined);
        await rm(tmp, { force: true });
      }
    }
  }

  /**
   * Copies a blob file from elsewhere (a restore, a backup's folder) unless it is here already;
   * the bytes are checked against the name first. Quota and size limits do not apply: what a
   * backup held was accepted once.
   */
  async adopt(officeId: string, sha256: string, bytes: AsyncIterable<Buffer> | Uint8Array): Promise<'added' | 'present' | 'bad-hash'> {
    if (await this.has(officeId, sha256)) return 'present';
    const one = bytes instanceof Uint8Array ? Buffer.from(bytes) : null;
    const body: AsyncIterable<Buffer> = one ? (async function* () { yield one; })() : (bytes as AsyncIterable<Buffer>);
    const saved = new BlobStore(this.dir, { maxBytes: Infinity, thumbMaxBytes: Infinity, quotaBytes: Infinity });
    const put = await saved.put(officeId, sha256, body, { thumb: false });
    this.usage.delete(officeId);
    if (!put.ok) return 'bad-hash';
    return 'added';
  }

  async remove(officeId: string, sha256: string): Promise<void> {
    const bytes = await this.size(officeId, sha256);
    await rm(this.pathOf(officeId, sha256), { force: true });
    if (bytes !== null) this.addUsage(officeId, -bytes);
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    /* some file systems cannot fsync a folder; the rename is still atomic */
  } finally {
    await handle.close();
  }
}

/** The image type of a blob from its first bytes (the relay keeps no other metadata). */
export function sniffMime(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head[0] === 0x52 && head[1] === 0x49 && head[2] === 0x46 && head[3] === 0x46 && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp';
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'application/pdf';
  return 'application/octet-stream';
}
