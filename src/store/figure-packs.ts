import type { Table } from 'dexie';
import type { IndicatorFollowUp, IndicatorRequest } from '../domain/indicators/compute';
import type { ResponseRow } from '../domain/surveys/response';
import type { CollectionName, ShardName } from '../domain/shards';

/**
 * 统计's rows packed by month: the fields the indicators read of every request, follow-up and
 * survey answer, ~30 months of a ledger in a few dozen IndexedDB records instead of ~20,000.
 * Reading one record of 800 small objects costs IndexedDB a fraction of reading 800 records (its
 * cost is per record), so the dashboard's first visit reads these instead of the rows.
 *
 * They are NOT figures and not a cache that can go stale: the ledger's `ShardDoc` keeps them in
 * the same IndexedDB transaction that writes the projection rows they are cut from (and rebuilds
 * them with the projection), so a pack always holds exactly its rows. A pack belongs to one
 * shard, one collection and one UTC month of the row's own date (`createdAt` of a request, `at` of
 * a follow-up or an answer).
 */
export const PACKED = ['requests', 'followups', 'responses'] as const satisfies readonly CollectionName[];
export type PackedCollection = (typeof PACKED)[number];

/** Part of every ledger shard's projection stamp: a change here rebuilds the packs on every device. */
export const PACK_VERSION = 2;

export interface PackRow {
  /** `<collection>|<YYYY-MM>|<shard>`: packs of a collection from a month on are one key range. */
  key: string;
  shard: string;
  rows: PackedRow[];
}

type PackedRow = { id: string } & Record<string, unknown>;

export const isPacked = (c: CollectionName): c is PackedCollection => (PACKED as readonly string[]).includes(c);

const REQUEST_FIELDS = ['id', 'kind', 'category', 'teamId', 'unitCode', 'customerId', 'urgency', 'createdAt', 'respondedAt', 'dueRespond', 'doneAt', 'firstDoneAt', 'dueFinish', 'closedAt', 'reopenCount', 'origin', 'validity'] as const satisfies readonly (keyof IndicatorRequest)[];
const FOLLOWUP_FIELDS = ['id', 'requestId', 'satisfaction', 'at'] as const satisfies readonly (keyof IndicatorFollowUp)[];

function pick(row: Record<string, unknown>, fields: readonly string[]): PackedRow {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = row[f];
  return out as PackedRow;
}

/** What a pack keeps of a projection row (an answer whole: it is small and the survey results read all of it). */
export function packedRow(collection: PackedCollection, row: Record<string, unknown>): PackedRow {
  if (collection === 'requests') return pick(row, REQUEST_FIELDS);
  if (collection === 'followups') return pick(row, FOLLOWUP_FIELDS);
  return { ...(row as unknown as ResponseRow) } as unknown as PackedRow;
}

function samePacked(collection: PackedCollection, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const pa = packedRow(collection, a);
  const pb = packedRow(collection, b);
  const keys = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  for (const k of keys) if (JSON.stringify(pa[k]) !== JSON.stringify(pb[k])) return false;
  return true;
}

const dateOf = (collection: PackedCollection, row: Record<string, unknown>) => String((collection === 'requests' ? row.createdAt : row.at) ?? '');

export const packKey = (collection: PackedCollection, month: string, shard: string) => `${collection}|${month}|${shard}`;

/** The pack a row belongs in ('' month for a row without its date). */
export const packOf = (collection: PackedCollection, shard: string, row: Record<string, unknown>) => packKey(collection, dateOf(collection, row).slice(0, 7), shard);

/**
 * Inside the projection's transaction: moves the rows `ids` of `collection` into their packs —
 * `before` are their rows as they were (undefined: new), `after` as they are now (undefined: gone).
 */
export async function updatePacks(
  table: Table<PackRow, string>,
  shard: ShardName,
  collection: PackedCollection,
  before: readonly (Record<string, unknown> | undefined)[],
  after: readonly (Record<string, unknown> | undefined)[],
  ids: readonly string[],
): Promise<void> {
  const keys = new Set<string>();
  const moved: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    // Most writes (a note typed, an assignee changed) touch no packed field: nothing to rewrite.
    if (before[i] && after[i] && samePacked(collection, before[i]!, after[i]!)) continue;
    moved.push(i);
    if (before[i]) keys.add(packOf(collection, shard, before[i]!));
    if (after[i]) keys.add(packOf(collection, shard, after[i]!));
  }
  if (!keys.size) return;
  const list = [...keys];
  const packs = await table.bulkGet(list);
  const byKey = new Map<string, Map<string, PackedRow>>();
  list.forEach((k, i) => byKey.set(k, new Map((packs[i]?.rows ?? []).map((r) => [r.id, r]))));
  for (const i of moved) {
    if (before[i]) byKey.get(packOf(collection, shard, before[i]!))!.delete(ids[i]);
    if (after[i]) byKey.get(packOf(collection, shard, after[i]!))!.set(ids[i], packedRow(collection, after[i]!));
  }
  const puts: PackRow[] = [];
  const deletes: string[] = [];
  for (const [key, rows] of byKey) {
    if (rows.size) puts.push({ key, shard, rows: [...rows.values()] });
    else deletes.push(key);
  }
  if (puts.length) await table.bulkPut(puts);
  if (deletes.length) await table.bulkDelete(deletes);
}

/** Inside the projection's rebuild: the shard's packs of `collection` afresh from all its rows. */
export async function rebuildPacks(table: Table<PackRow, string>, shard: ShardName, collection: PackedCollection, rows: readonly Record<string, unknown>[]): Promise<void> {
  await table.where('key').between(`${collection}|`, `${collection}|\uffff`).filter((p) => p.shard === shard).delete();
  const byKey = new Map<string, PackedRow[]>();
  for (const r of rows) {
    const k = packOf(collection, shard, r);
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(packedRow(collection, r));
  }
  if (byKey.size) await table.bulkPut([...byKey].map(([key, list]) => ({ key, shard, rows: list })));
}

/** The packed rows of a collection from a UTC month on, of every shard (read in the caller's transaction or alone). */
/** What reading packs needs of their table: a key range (the read-only view ui and print hold will do). */
type PackRange = { where(index: 'key'): { between(lower: string, upper: string): { toArray(): Promise<PackRow[]> } } };

export async function readPacks<T>(table: PackRange, collection: PackedCollection, fromMonth: string): Promise<T[]> {
  const packs = await table.where('key').between(`${collection}|${fromMonth}`, `${collection}|\uffff`).toArray();
  return packs.flatMap((p) => p.rows) as unknown as T[];
}
