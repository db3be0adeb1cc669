import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { CollectionName } from '../domain/shards';
import type { RowOf } from './collections';
// Only the index specs: the projections (every record type of the domain) stay out of the page's first load.
import { projectionSchema } from './collection-indexes';
import type { PackRow } from './figure-packs';
// Attachments (issue 19): pictures' bytes beside the documents
import { BLOBS_INDEXES, type StoredBlob } from './blobs/stored';

export type { SettingsRow } from './collections';

/** One Yjs update as stored: the shard's document is the merge of all its rows. */
export interface UpdateRow {
  seq?: number;
  shard: string;
  update: Uint8Array;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The database's version. Bump it whenever a collection's `indexes` change (or a collection is
 * added): `test/unit/schema/v<N>.json` is the schema each version was built with, readable, and
 * `test/unit/collections.test.ts` fails when the schema changed under the same number or a
 * committed snapshot was edited (a device that ran version N never upgrades to another N).
 */
export const DB_VERSION = 11;

/** Every table of the database and its Dexie index spec, as `version(DB_VERSION)` declares it. */
export const databaseSchema = (): Record<string, string> => ({ updates: '++seq, shard', meta: 'key', figurePacks: 'key, shard', blobs: BLOBS_INDEXES, ...projectionSchema() });

type ProjectionTables = { [C in CollectionName]: Table<RowOf<C>, string> };

/**
 * One IndexedDB database per office on this device. `updates` is the durable truth (the Yjs
 * update log per shard) and `meta` this device's own small facts; every other table is the
 * projection of one collection of `collections.ts`, derived from the documents and rebuilt from
 * them whenever its projection version changes — so no data migration is ever needed here, and
 * only the newest schema is declared (Dexie diffs it against what the device has).
 */
export interface LinliDB extends ProjectionTables {}
export class LinliDB extends Dexie {
  updates!: Table<UpdateRow, number>;
  meta!: Table<MetaRow, string>;
  /** 统计's rows packed by month, kept by the ledger's projection (`figure-packs.ts`). */
  figurePacks!: Table<PackRow, string>;
  /** Pictures' bytes and their outbox (store/blobs/): device-local, never in a document. */
  blobs!: Table<StoredBlob, string>;

  /** `dexieOptions` lets tests hand each simulated device its own IndexedDB (fake-indexeddb). */
  constructor(officeId: string, dexieOptions?: DexieOptions) {
    super(`linli-${officeId}`, dexieOptions);
    this.version(DB_VERSION).stores(databaseSchema());
  }
}
