import type { CommandContext } from './actor';
import { historyEntry, type HistoryEntry } from './history';
import type { Command } from './ops';
import { ledgerShardAt, type CollectionName, type ShardName } from './shards';

/**
 * A record raised now in the month ledger (a notice, an incident, a corrective action): created
 * in the shard of the month of `ctx.now`, stamped with who made it and when, with its first
 * history line. `fields` are already checked; the stamp comes after them.
 */
export function newLedgerRecord(
  collection: CollectionName, id: string, fields: Record<string, unknown>, ctx: CommandContext,
  log: { action: string; data?: HistoryEntry['data'] } = { action: 'history.created' },
): { id: string; command: Command } {
  return {
    id,
    command: {
      shard: ledgerShardAt(ctx.now),
      ops: [
        { kind: 'create', collection, id, fields: { ...fields, createdAt: ctx.now, createdBy: ctx.actor.staffId, createdByName: ctx.actor.name } },
        { kind: 'log', collection, id, entry: historyEntry(ctx, log.action, undefined, log.data) },
      ],
    },
  };
}

/**
 * One line of a record's register (a call linked to an incident, a household told of a notice):
 * created in its parent's shard, stamped with when and by whom, and never edited — so no history
 * of its own (the line is the history).
 */
export function registerLine(shard: ShardName, collection: CollectionName, id: string, fields: Record<string, unknown>, ctx: CommandContext): { id: string; command: Command } {
  return { id, command: { shard, ops: [{ kind: 'create', collection, id, fields: { ...fields, at: ctx.now, by: ctx.actor.staffId, byName: ctx.actor.name } }] } };
}
