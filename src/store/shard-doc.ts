import * as Y from 'yjs';
import type { Table } from 'dexie';
import { collectionsOf, type CollectionName, type ShardName } from '../domain/shards';
import type { LinliDB } from './db';
import { collectionSpec, projectionStamp } from './collections';
import { isPacked, PACK_VERSION, rebuildPacks, updatePacks } from './figure-packs';

/** Origin of updates replayed from IndexedDB: already stored, already projected. */
export const LOAD_ORIGIN = Symbol('load');
/** Origin of this device's own commands. */
export const LOCAL_ORIGIN = Symbol('local');

/** Records touched by one update above which the projection waits for the page to paint first. */
const LARGE_WRITE = 1000;

/** A batch above which the rows as they were are looked up by their keys first (one request) instead of one get per row. */
const LOOKUP_KEYS_FIRST = 200;

/**
 * The stored rows of `ids` (undefined where none). IndexedDB answers one get per key, ~0.15 ms
 * each on a tablet: a year's ledger arriving on a new tablet (10,000 new rows) would spend
 * seconds asking for rows that are not there, so a large batch first reads the table's keys
 * (one request) and asks only for the rows that exist.
 */
async function rowsBefore(table: Table<{ id: string }, string>, ids: readonly string[]): Promise<({ id: string } | undefined)[]> {
  if (ids.length <= LOOKUP_KEYS_FIRST) return table.bulkGet(ids as string[]);
  const stored = new Set(await table.toCollection().primaryKeys());
  const known = ids.filter((id) => stored.has(id));
  const rows = known.length ? await table.bulkGet(known) : [];
  const byId = new Map(known.map((id, i) => [id, rows[i]]));
  return ids.map((id) => byId.get(id));
}

/**
 * Records projected per IndexedDB transaction when one update touches more (see `writeInChunks`):
 * large enough that a year arrives in ~10 transactions, small enough that another shard's write
 * waits a fraction of a second behind one.
 */
export const PROJECT_CHUNK = 2000;

/** The projection stamp while a chunked write is under way: matches no code's stamp, so a load rebuilds. */
const PARTIAL = 'partial';

/** Fold the update log into one row once it grows past this many rows. */
const COMPACT_AFTER = 400;

/**
 * One shard's Y.Doc bound to IndexedDB.
 *
 * Every update of the document — a local command or a colleague's edit arriving from the relay —
 * is written in ONE IndexedDB transaction together with the projection rows of the records it
 * touched. The log and the projection can therefore never disagree after a crash, and a command's
 * promise resolves only once that transaction has committed: "saved" means on disk.
 * (We keep this small log ourselves instead of y-dexie so that writes are awaitable per command,
 * projection shares the transaction, and no background timer keeps test processes alive.)
 */
export class ShardDoc {
  readonly doc = new Y.Doc();
  private dirty = new Map<CollectionName, Set<string>>();
  private chain: Promise<void> = Promise.resolve();
  private rowsSinceCompact = 0;
  private failed: unknown = null;
  /** Log rows whose updates this document holds (loaded or written by it). */
  private seen = new Set<number>();

  /** Ledger shards share their tables with every other ledger (one per month, plus old years). */
  private readonly isLedger: boolean;

  constructor(readonly db: LinliDB, readonly name: ShardName) {
    this.isLedger = name.startsWith('ledger-');
    for (const collection of collectionsOf(name)) {
      const map = this.doc.getMap<Y.Map<unknown>>(collection);
      map.observeDeep((events, tr) => {
        if (tr.origin === LOAD_ORIGIN) return;
        const ids = this.dirtySet(collection);
        for (const event of events) {
          if (event.target === map) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key);
          else ids.add(String(event.path[0]));
        }
      });
    }
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      const dirty = this.dirty;
      this.dirty = new Map();
      this.enqueue(() => this.write(update, dirty));
    });
  }

  private dirtySet(collection: CollectionName): Set<string> {
    let set = this.dirty.get(collection);
    if (!set) this.dirty.set(collection, (set = new Set()));
    return set;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(task).catch((err) => {
      this.failed = err;
      console.error('Linli: could not save to IndexedDB', err);
    });
    return this.chain;
  }

  /** Whether this shard holds rows 统计 reads packed (the ledgers). */
  private get packs(): boolean {
    return collectionsOf(this.name).some(isPacked);
  }

  private tables() {
    return [this.db.updates, ...(this.packs ? [this.db.figurePacks] : []), ...collectionsOf(this.name).map((c) => this.table(c))];
  }

  private table(collection: CollectionName): Table<{ id: string }, string> {
    return this.db.table(collection);
  }

  private async prepare(): Promise<void> {
    for (const collection of collectionsOf(this.name)) await collectionSpec(collection).prepare?.();
  }

  /** This shard's projection stamp: the projection versions of its collections (and of the packs, for a ledger). */
  private stamp(): string {
    return projectionStamp(collectionsOf(this.name)) + (this.packs ? `,figurePacks:${PACK_VERSION}` : '');
  }

  private async write(update: Uint8Array, dirty: Map<CollectionName, Set<string>>): Promise<void> {
    await this.prepare();
    const work = [...dirty].flatMap(([collection, ids]) => [...ids].map((id) => [collection, id] as const));
    // A huge update (an import of thousands of customers) has just held the main thread while Yjs
    // integrated it; let the page paint before projecting its rows, which holds it again. The
    // projection still reads the document as it is when the transaction runs, as always.
    if (work.length >= LARGE_WRITE) await new Promise((resolve) => setTimeout(resolve, 0));
    if (work.length <= PROJECT_CHUNK) {
      await this.db.transaction('rw', this.tables(), async () => {
        this.seen.add(await this.db.updates.add({ shard: this.name, update }));
        await this.project(work);
      });
    } else {
      await this.writeInChunks(update, work);
    }
    if (++this.rowsSinceCompact >= COMPACT_AFTER) await this.compact();
  }

  /**
   * A batch larger than PROJECT_CHUNK records (a new tablet's first sync of a year: 10,000
   * requests, their follow-ups and answers) is projected in several transactions instead of one.
   * One transaction of 20,000 rows holds the `updates` store for seconds (7–12 s measured on a
   * busy machine), and IndexedDB runs transactions over a shared store in the order they were
   * opened: the office shard's first write — the staff list the new tablet's 选择身份 screen
   * waits for — queued behind it whenever the relay's answer for the ledger came first, and the
   * join looked stalled (issue 23). In chunks, another shard's write waits for one chunk at most.
   *
   * Durability is unchanged: the update row is in the first transaction, so "saved" still means
   * on disk. The projection is then partial until the last chunk; the first transaction marks
   * the shard's projection stamp as partial and the last puts it back, so a tab closed half-way
   * rebuilds this shard's projection (and packs) on its next load, and 统计 reads the rows, not
   * the packs, meanwhile (it trusts packs only under a current stamp). Each chunk moves its rows
   * and their packs together, so packs equal rows at every commit.
   */
  private async writeInChunks(update: Uint8Array, work: (readonly [CollectionName, string])[]): Promise<void> {
    const key = `projection:${this.name}`;
    const chunks: (typeof work)[] = [];
    for (let i = 0; i < work.length; i += PROJECT_CHUNK) chunks.push(work.slice(i, i + PROJECT_CHUNK));
    const tables = [...this.tables(), this.db.meta];
    for (let i = 0; i < chunks.length; i++) {
      await this.db.transaction('rw', tables, async () => {
        if (i === 0) {
          this.seen.add(await this.db.updates.add({ shard: this.name, update }));
          await this.db.meta.put({ key, value: PARTIAL });
        }
        await this.project(chunks[i]);
        if (i === chunks.length - 1) await this.db.meta.put({ key, value: this.stamp() });
      });
    }
  }

  /** Inside a write transaction: the projection rows (and packs) of these records as the document holds them now. */
  private async project(work: readonly (readonly [CollectionName, string])[]): Promise<void> {
    const byCollection = new Map<CollectionName, string[]>();
    for (const [collection, id] of work) (byCollection.get(collection) ?? byCollection.set(collection, []).get(collection)!).push(id);
    for (const [collection, ids] of byCollection) {
      const projector = collectionSpec(collection);
      const map = this.doc.getMap<Y.Map<unknown>>(collection);
      const puts: { id: string }[] = [];
      const deletes: string[] = [];
      for (const id of ids) {
        const record = map.get(id);
        if (record instanceof Y.Map) puts.push(projector.row(id, record.toJSON()));
        // Records are never deleted (they are voided); a ledger month drops a key only when the
        // split of a year ledger takes out a record that lives in another month, whose row (and
        // its place in the packs) must stay (ledger-split.ts). Only office and directory shards
        // own their tables.
        else if (!this.isLedger) deletes.push(id);
      }
      const table = this.table(collection);
      if (isPacked(collection)) {
        // The packs move with the rows, in this transaction (the rows as they were say which pack to leave).
        const ids = [...puts.map((r) => r.id), ...deletes];
        const before = (await rowsBefore(table, ids)) as (Record<string, unknown> | undefined)[];
        const after: (Record<string, unknown> | undefined)[] = [...puts, ...deletes.map(() => undefined)];
        await updatePacks(this.db.figurePacks, this.name, collection, before, after, ids);
      }
      if (puts.length) await table.bulkPut(puts);
      if (deletes.length) await table.bulkDelete(deletes);
    }
  }

  /** Resolves when everything applied so far is in IndexedDB; rejects if a write failed. */
  async flushed(): Promise<void> {
    await this.chain;
    if (this.failed) throw this.failed;
  }

  /**
   * Replays the stored log into the document; rebuilds the projection if it is stale.
   * The rows are applied one by one inside ONE transaction: Yjs then integrates each update as
   * it comes, which costs what the structs cost. `Y.mergeUpdates` first (what this did before)
   * re-encodes every struct once more and took three times as long for a year's ledger.
   */
  async load(): Promise<void> {
    const rows = await this.db.updates.where('shard').equals(this.name).toArray();
    if (rows.length) {
      this.doc.transact(() => {
        for (const row of rows) Y.applyUpdate(this.doc, row.update, LOAD_ORIGIN);
      }, LOAD_ORIGIN);
    }
    this.rowsSinceCompact = rows.length;
    this.seen = new Set(rows.map((r) => r.seq!));
    const versionKey = `projection:${this.name}`;
    const stamp = this.stamp();
    const stored = await this.db.meta.get(versionKey);
    if (stored?.value !== stamp) {
      await this.rebuildProjection();
      await this.db.meta.put({ key: versionKey, value: stamp });
    }
    if (rows.length >= COMPACT_AFTER) await this.enqueue(() => this.compact());
  }

  /**
   * Derives every projection row of this shard afresh from the document. The tables of the
   * yearly ledgers (requests, contacts, follow-ups) are shared by every ledger-YYYY shard, so a
   * ledger only overwrites its own rows (records are never deleted from a document); clearing
   * the table would drop the other years' rows until each of their records changed again.
   */
  async rebuildProjection(): Promise<void> {
    await this.prepare();
    const ownsTables = !this.isLedger;
    await this.db.transaction('rw', this.tables(), async () => {
      for (const collection of collectionsOf(this.name)) {
        const projector = collectionSpec(collection);
        const table = this.table(collection);
        if (ownsTables) await table.clear();
        const rows: { id: string }[] = [];
        this.doc.getMap<Y.Map<unknown>>(collection).forEach((record, id) => {
          if (record instanceof Y.Map) rows.push(projector.row(id, record.toJSON()));
        });
        await table.bulkPut(rows);
        if (isPacked(collection)) await rebuildPacks(this.db.figurePacks, this.name, collection, rows as unknown as Record<string, unknown>[]);
      }
    });
  }

  /**
   * Replaces the log by one row holding the whole state, encoded from the loaded document
   * (cheap) instead of merging the stored rows (as costly as loading them all again). Done in one
   * transaction over the rows read in it. A row this document never saw — written meanwhile by
   * another tab of this device — is applied to the document first, inside that transaction, so
   * the new row holds it too and nothing is ever dropped.
   */
  private async compact(): Promise<void> {
    await this.db.transaction('rw', this.db.updates, async () => {
      const rows = await this.db.updates.where('shard').equals(this.name).toArray();
      if (rows.length < 2) return;
      const unseen = rows.filter((r) => !this.seen.has(r.seq!));
      if (unseen.length) {
        this.doc.transact(() => {
          for (const row of unseen) Y.applyUpdate(this.doc, row.update, LOAD_ORIGIN);
        }, LOAD_ORIGIN);
      }
      await this.db.updates.bulkDelete(rows.map((r) => r.seq!));
      const seq = await this.db.updates.add({ shard: this.name, update: Y.encodeStateAsUpdate(this.doc) });
      this.seen = new Set([seq]);
    });
    this.rowsSinceCompact = 1;
  }

  destroy(): void {
    this.doc.destroy();
  }
}

