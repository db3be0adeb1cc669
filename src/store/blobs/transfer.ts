import { liveQuery, type Subscription } from 'dexie';
import * as Y from 'yjs';
import { refsOfRecord, type BlobRef } from '../../domain/blob-refs';
import type { LinliDB } from '../db';
import type { DeviceConfig } from '../device';
import type { ShardDoc } from '../shard-doc';
import { changedRecords } from '../sync';
import { backoffMs, blobUrl, download, type TransferOutcome } from './fetch';
import type { StoredBlob } from './stored';

// The page opens originals without loading Yjs: `fetchOriginal` lives in fetch.ts.
export { backoffMs, fetchOriginal } from './fetch';

/** Originals whose picture is this recent are fetched without being opened (thumbnails always are). */
export const EAGER_DAYS = 30;

/**
 * A record's pictures as plain JSON — its `attachments` map and the entries beside its fields (a
 * record older than the map; domain/map-entries.ts) — or null when it has none. Only these are
 * converted, never the whole record with its history: this runs for every record of a shard as it
 * loads and for every record a transaction touches (each keystroke in a description).
 */
function picturesJson(record: Y.Map<unknown>): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  const map = record.get('attachments');
  if (map instanceof Y.Map && map.size) out = { attachments: map.toJSON() };
  for (const [key, value] of record.entries()) if (key.startsWith('attachments:')) (out ??= {})[key] = value;
  return out;
}
/** The outbox is swept this often even when nothing says so (a missed event, a relay back up). */
export const SWEEP_MS = 15_000;
/** A relay whose quota was full is asked again after this long (the office may have been given more). */
const QUOTA_RETRY_MS = 60 * 60_000;

/**
 * Moves this tablet's blobs to and from the relay, beside the documents' sync (in the sync
 * worker, where `OfficeStore` runs):
 *  - **Outbox.** Rows 'waiting' are sent one at a time (`PUT`, state 'sending' → 'relay'); a
 *    failure waits `backoffMs(tries)`; too large is final (the row keeps `refused`), quota full is
 *    asked again hourly. The outbox is the table itself, so it survives reloads and days offline;
 *    a row left 'sending' by a closed tab is 'waiting' again at the next start.
 *  - **References.** Every record's `attachments` map is read when its shard loads and whenever
 *    a transaction touches it (a colleague's picture arriving): a name not held here becomes a
 *    'missing' row. Thumbnails are fetched at once; originals of the last `EAGER_DAYS` too; older
 *    originals only when opened (`fetchOriginal`).
 * Sweeps run one at a time; anything that may have made work (a reference, a kept picture, the
 * relay coming back) asks for another.
 */
export class BlobTransfer {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** The token the relay refused (401): nothing is asked until the device holds another (a migration). */
  private refusedToken: string | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  /** The next retry that falls due before the periodic sweep. */
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly outbox: Subscription;
  private readonly stopReachable: () => void;
  private readonly watched = new Map<ShardDoc, () => void>();
  /** Resolves when the current sweep and any asked for meanwhile are done (tests). */
  idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: LinliDB,
    private readonly config: DeviceConfig,
    private readonly hub: { reachable: boolean; onReachable(listener: (reachable: boolean) => void): () => void },
    private readonly options: { sweepMs?: number; eagerDays?: number; now?: () => number } = {},
  ) {
    void this.db.blobs.where('state').equals('sending').modify({ state: 'waiting' }).catch(() => undefined);
    this.timer = setInterval(() => this.kick(), options.sweepMs ?? SWEEP_MS);
    (this.timer as { unref?: () => void }).unref?.();
    this.stopReachable = hub.onReachable((reachable) => reachable && this.kick());
    // A picture kept on the page (another Dexie connection) lands in the outbox: send it now.
    this.outbox = liveQuery(() => this.db.blobs.where('state').equals('waiting').count()).subscribe({ next: (n) => n && this.kick(), error: () => undefined });
    this.kick();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Reads the shard's references now and after every transaction; returns the stop. */
  watch(shard: ShardDoc): void {
    if (this.watched.has(shard)) return;
    const doc = shard.doc;
    const all: BlobRef[] = [];
    for (const [, type] of doc.share) {
      if (!(type instanceof Y.Map)) continue;
      type.forEach((record) => {
        const pictures = record instanceof Y.Map ? picturesJson(record) : null;
        if (pictures) all.push(...refsOfRecord(pictures));
      });
    }
    if (all.length) void this.learn(all);
    const onTransaction = (tr: Y.Transaction) => {
      const refs: BlobRef[] = [];
      for (const key of changedRecords(doc, tr)) {
        const slash = key.indexOf('/');
        const record = doc.getMap(key.slice(0, slash)).get(key.slice(slash + 1));
        const pictures = record instanceof Y.Map ? picturesJson(record) : null;
        if (pictures) refs.push(...refsOfRecord(pictures));
      }
      if (refs.length) void this.learn(refs);
    };
    doc.on('afterTransaction', onTransaction);
    this.watched.set(shard, () => doc.off('afterTransaction', onTransaction));
  }

  unwatch(shard: ShardDoc): void {
    this.watched.get(shard)?.();
    this.watched.delete(shard);
  }

  /** Notes every referenced name this tablet does not hold yet, then sweeps. */
  async learn(refs: BlobRef[]): Promise<void> {
    const wanted = new Map<string, Omit<StoredBlob, 'sha256'>>();
    const nowIso = new Date(this.now()).toISOString();
    for (const r of refs) {
      // addedAt of a row learnt from a reference is the picture's own date: it decides "eager".
      if (!wanted.has(r.sha256)) wanted.set(r.sha256, { mime: r.mime, bytes: r.bytes, state: 'missing', addedAt: r.at || nowIso, thumb: false });
      if (r.thumb && !wanted.has(r.thumb)) wanted.set(r.thumb, { mime: 'application/octet-stream', bytes: 0, state: 'missing', addedAt: r.at || nowIso, thumb: true });
    }
    const names = [...wanted.keys()];
    let added = 0;
    await this.db
      .transaction('rw', this.db.blobs, async () => {
        const known = await this.db.blobs.bulkGet(names);
        const fresh = names.filter((_, i) => !known[i]).map((sha256) => ({ sha256, ...wanted.get(sha256)! }));
        added = fresh.length;
        if (fresh.length) await this.db.blobs.bulkAdd(fresh);
      })
      .catch(() => undefined);
    if (added) this.kick();
  }

  /** Asks for a sweep (now if none runs, else right after the one running). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweep()
      // After destroy the database is closed under a sweep in flight: nothing to report then.
      .catch((err) => {
        if (!this.stopped) console.error('Linli: blob transfer failed', err);
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
    const mine = this.running;
    this.idle = (async () => {
      await mine;
      while (this.running) await this.running;
    })();
  }

  private due(row: StoredBlob, now: number): boolean {
    return !row.nextTryAt || Date.parse(row.nextTryAt) <= now;
  }

  private async sweep(): Promise<void> {
    if (this.stopped || this.refusedToken === this.config.token || !this.hub.reachable) return;
    const now = this.now();
    const sending = (await this.db.blobs.where('state').equals('waiting').toArray()).filter((r) => r.data && this.due(r, now) && r.refused !== 'too-large');
    // Thumbnails first (small, and what colleagues see at once), then oldest first.
    sending.sort((a, b) => Number(b.thumb) - Number(a.thumb) || a.addedAt.localeCompare(b.addedAt));
    for (const row of sending) {
      if (this.stopped || !this.hub.reachable) return;
      if ((await this.upload(row)) === 'unauthorized') return this.stopUnauthorized();
    }
    const eagerFrom = now - (this.options.eagerDays ?? EAGER_DAYS) * 86_400_000;
    const fetching = (await this.db.blobs.where('state').equals('missing').toArray()).filter((r) => this.due(r, now) && (r.thumb || Date.parse(r.addedAt) >= eagerFrom));
    fetching.sort((a, b) => Number(b.thumb) - Number(a.thumb) || b.addedAt.localeCompare(a.addedAt));
    for (const row of fetching) {
      if (this.stopped || !this.hub.reachable) return;
      if ((await download(this.db, this.config, row.sha256, this.now())).outcome === 'unauthorized') return this.stopUnauthorized();
    }
    await this.scheduleRetry(eagerFrom);
  }

  /** A sweep when the earliest backoff ends (the periodic sweep would make a 0.25 s retry wait 15 s). */
  private async scheduleRetry(eagerFrom: number): Promise<void> {
    const rows = [...(await this.db.blobs.where('state').equals('waiting').toArray()), ...(await this.db.blobs.where('state').equals('missing').toArray())];
    const due = rows
      .filter((r) => r.nextTryAt && r.refused !== 'too-large' && (r.state === 'waiting' || r.thumb || Date.parse(r.addedAt) >= eagerFrom))
      .map((r) => Date.parse(r.nextTryAt!));
    if (!due.length || this.stopped) return;
    const wait = Math.max(0, Math.min(...due) - this.now());
    if (wait >= (this.options.sweepMs ?? SWEEP_MS)) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.kick();
    }, wait + 5);
    (this.retry as { unref?: () => void }).unref?.();
  }

  private stopUnauthorized(): void {
    // A revoked tablet keeps its outbox (a manager may copy it off with a backup) and stops asking.
    this.refusedToken = this.config.token;
  }

  private async upload(row: StoredBlob): Promise<TransferOutcome> {
    await this.db.blobs.update(row.sha256, { state: 'sending' });
    let res: Response;
    try {
      res = await fetch(blobUrl(this.config, row.sha256, row.thumb), {
        method: 'PUT',
        headers: { authorization: `Bearer ${this.config.token}`, 'content-type': row.mime },
        body: new Uint8Array(await row.data!.arrayBuffer()) as BodyInit,
      });
    } catch {
      await this.db.blobs.update(row.sha256, { state: 'waiting', tries: (row.tries ?? 0) + 1, nextTryAt: new Date(this.now() + backoffMs((row.tries ?? 0) + 1)).toISOString() });
      return 'retry';
    }
    if (res.status === 200 || res.status === 201) {
      await this.db.blobs.update(row.sha256, { state: 'relay', tries: 0, nextTryAt: undefined, refused: undefined });
      return 'done';
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    if (res.status === 401) {
      await this.db.blobs.update(row.sha256, { state: 'waiting' });
      return 'unauthorized';
    }
    if (res.status === 413 || res.status === 507) {
      // The person sees why (blobs.error.too-large / quota-full); too large is never sent again.
      const reason = body.error === 'quota-full' ? 'quota-full' : 'too-large';
      await this.db.blobs.update(row.sha256, { state: 'waiting', refused: reason, nextTryAt: new Date(this.now() + QUOTA_RETRY_MS).toISOString() });
      return 'refused';
    }
    const tries = (row.tries ?? 0) + 1;
    await this.db.blobs.update(row.sha256, { state: 'waiting', tries, nextTryAt: new Date(this.now() + backoffMs(tries)).toISOString(), ...(body.error === 'hash-mismatch' ? { refused: 'hash-mismatch' } : {}) });
    return 'retry';
  }

  destroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    this.outbox.unsubscribe();
    this.stopReachable();
    for (const stop of this.watched.values()) stop();
    this.watched.clear();
  }
}
