import type { Collection, Dexie, IndexableType, Table, WhereClause } from 'dexie';
import type { CollectionName } from '../domain/shards';
import type { RowOf } from './collections';
import type { PackRow } from './figure-packs';
import type { BlobRow } from './blobs/types';

/**
 * The projection as ui and print hold it: Dexie's read methods and nothing that writes.
 *
 * "Only the store writes the projection" used to be a comment beside a writable `LinliDB`. These
 * types make it the compiler's: a table without add/put/update/delete/clear/bulk*, without
 * `hook`, `core` or `db` (each a way back to a writable handle), and collections and where
 * clauses whose every chain step returns the read-only kind again, so `where(…).modify(…)`
 * does not type-check either. A `LinliDB` is assignable to a `ReadonlyDB` (the store hands its
 * own out), never the other way round. Reads still belong in `store/queries/<entity>.ts`; the
 * scan in test/unit/house-rules.test.ts keeps Dexie calls out of ui and print.
 */
export type ReadonlyDB = { readonly [C in CollectionName]: ReadonlyTable<RowOf<C>> } & {
  /** The database's name (one per office on this device). */
  readonly name: string;
  /** This device's small facts (projection stamps among them), read only. */
  readonly meta: ReadonlyTable<{ key: string; value: unknown }>;
  /** 统计's rows packed by month (figure-packs.ts), read only. */
  readonly figurePacks: ReadonlyTable<PackRow>;
  /** Pictures (issue 19): bytes and their way to the relay, read only (store/blobs/ writes). */
  readonly blobs: ReadonlyTable<BlobRow>;
};

/** The tables a read transaction may span: the projection's, and the two above. */
export type ReadableTable = CollectionName | 'meta' | 'figurePacks' | 'blobs';

/**
 * One read transaction over a few projection tables: one consistent snapshot, and cheaper than a
 * transaction per read. Every `ReadonlyDB` the store hands out is its own Dexie database, so the
 * store may open a read transaction on it; nothing outside the store needs to.
 */
export function readTogether<U>(db: ReadonlyDB, tables: ReadableTable[], scope: () => Promise<U>): Promise<U> {
  return (db as unknown as Dexie).transaction('r', tables, scope);
}

type Chain<F, R> = F extends (...args: infer A) => unknown ? (...args: A) => R : never;

type CollectionChainers = 'and' | 'clone' | 'distinct' | 'filter' | 'limit' | 'offset' | 'or' | 'raw' | 'reverse' | 'until';

export interface ReadonlyCollection<T> extends Omit<Collection<T, string>, CollectionChainers | 'db' | 'delete' | 'modify'> {
  and(filter: (x: T) => boolean): ReadonlyCollection<T>;
  clone(props?: object): ReadonlyCollection<T>;
  distinct(): ReadonlyCollection<T>;
  filter(filter: (x: T) => boolean): ReadonlyCollection<T>;
  limit(n: number): ReadonlyCollection<T>;
  offset(n: number): ReadonlyCollection<T>;
  or(indexOrPrimaryKey: string): ReadonlyWhereClause<T>;
  raw(): ReadonlyCollection<T>;
  reverse(): ReadonlyCollection<T>;
  until(filter: (value: T) => boolean, includeStopEntry?: boolean): ReadonlyCollection<T>;
}

type Overloaded = 'anyOf' | 'anyOfIgnoreCase' | 'startsWithAnyOf' | 'startsWithAnyOfIgnoreCase';

export type ReadonlyWhereClause<T> = { [M in Exclude<keyof WhereClause<T, string>, Overloaded>]: Chain<WhereClause<T, string>[M], ReadonlyCollection<T>> } & {
  anyOf(keys: ReadonlyArray<IndexableType>): ReadonlyCollection<T>;
  anyOf(...keys: IndexableType[]): ReadonlyCollection<T>;
  anyOfIgnoreCase(keys: string[]): ReadonlyCollection<T>;
  anyOfIgnoreCase(...keys: string[]): ReadonlyCollection<T>;
  startsWithAnyOf(prefixes: string[]): ReadonlyCollection<T>;
  startsWithAnyOf(...prefixes: string[]): ReadonlyCollection<T>;
  startsWithAnyOfIgnoreCase(prefixes: string[]): ReadonlyCollection<T>;
  startsWithAnyOfIgnoreCase(...prefixes: string[]): ReadonlyCollection<T>;
};

export interface ReadonlyTable<T> extends Pick<Table<T, string>, 'name' | 'get' | 'bulkGet' | 'count' | 'each' | 'toArray'> {
  where(index: string | string[]): ReadonlyWhereClause<T>;
  where(equalityCriterias: { [key: string]: IndexableType }): ReadonlyCollection<T>;
  filter(fn: (obj: T) => boolean): ReadonlyCollection<T>;
  limit(n: number): ReadonlyCollection<T>;
  offset(n: number): ReadonlyCollection<T>;
  orderBy(index: string | string[]): ReadonlyCollection<T>;
  reverse(): ReadonlyCollection<T>;
  toCollection(): ReadonlyCollection<T>;
}
