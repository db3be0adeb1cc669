import type { CollectionName, ShardName } from './shards';
import type { HistoryEntry } from './history';

/**
 * What a domain command asks the store to do, as plain data. The store applies all ops of a
 * command in one Yjs transaction, so a command is all-or-nothing on every replica.
 */
export type Op =
  /** A new record: plain fields, collaborative texts, and its first history entry. */
  | { kind: 'create'; collection: CollectionName; id: string; fields: Record<string, unknown>; texts?: Record<string, string> }
  /**
   * Overwrite some plain fields; untouched fields keep concurrent edits by others. `upsert`
   * creates the record if missing (singletons such as the office's settings).
   */
  | { kind: 'set'; collection: CollectionName; id: string; fields: Record<string, unknown>; upsert?: boolean }
  /**
   * Bring a collaborative text from `base` (what the person saw when they typed) to `value` by the
   * smallest splice, so colleagues' typing merges; the store moves that splice past whatever
   * others changed since `base`. Without `base`, from the text as it is now.
   */
  | { kind: 'text'; collection: CollectionName; id: string; field: string; value: string; base?: string }
  /** Append to the record's history. */
  | { kind: 'log'; collection: CollectionName; id: string; entry: HistoryEntry };

export interface Command {
  shard: ShardName;
  ops: Op[];
}
