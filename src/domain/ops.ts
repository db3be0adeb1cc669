import type { CollectionName, ShardName } from './shards';
import type { HistoryEntry } from './history';

/**
 * What a domain command asks the store to do, as plain data. The store applies all ops of a
 * command in one Yjs transaction, so a command is all-or-nothing on every replica.
 *
 * Everything here is `readonly`: once a domain function returns a command, nobody adds a field,
 * a history line or an op to it — what the domain decided is what reaches the document. A
 * command that needs more is made by the domain (`combine`, or a command that takes the extra
 * facts as input), never patched by the store.
 */
export type Op =
  /** A new record: plain fields, collaborative texts, and its first history entry. */
  | { readonly kind: 'create'; readonly collection: CollectionName; readonly id: string; readonly fields: Readonly<Record<string, unknown>>; readonly texts?: Readonly<Record<string, string>> }
  /**
   * Overwrite some plain fields; untouched fields keep concurrent edits by others. `upsert`
   * creates the record if missing (singletons such as the office's settings).
   */
  | { readonly kind: 'set'; readonly collection: CollectionName; readonly id: string; readonly fields: Readonly<Record<string, unknown>>; readonly upsert?: boolean }
  /**
   * Bring a collaborative text from `base` (what the person saw when they typed) to `value` by the
   * smallest splice, so colleagues' typing merges; the store moves that splice past whatever
   * others changed since `base`. Without `base`, from the text as it is now.
   */
  | { readonly kind: 'text'; readonly collection: CollectionName; readonly id: string; readonly field: string; readonly value: string; readonly base?: string }
  /** Append to the record's history. */
  | { readonly kind: 'log'; readonly collection: CollectionName; readonly id: string; readonly entry: Readonly<HistoryEntry> }
  // Pictures (issue 19): one entry of a map field (a record's `attachments`, keyed by sha256).
  /**
   * Set `key` of the map in `field` (its own Y.Map, so two tablets adding entries offline both keep
   * theirs); the map is made if the record has none yet (see store/apply.ts for that race).
   */
  | { readonly kind: 'entry'; readonly collection: CollectionName; readonly id: string; readonly field: string; readonly key: string; readonly value: unknown };

export interface Command {
  readonly shard: ShardName;
  readonly ops: readonly Op[];
}

/**
 * Commands that belong together, as the fewest commands that keep them so: one per shard, in the
 * order the shards first appear, each with the ops of every command of that shard in order.
 * Whatever shares a shard is then all-or-nothing (a request and its remark's link, usually in the
 * same year's ledger); commands of different shards run one after the other. `null` (a step with
 * nothing to do) is skipped.
 */
export function combine(...commands: readonly (Command | null | undefined)[]): Command[] {
  const byShard = new Map<ShardName, Op[]>();
  for (const c of commands) if (c) byShard.set(c.shard, [...(byShard.get(c.shard) ?? []), ...c.ops]);
  return [...byShard].map(([shard, ops]) => ({ shard, ops }));
}
