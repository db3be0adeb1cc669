import type { CommandContext } from './actor';
import { historyEntry, type HistoryEntry } from './history';
import type { Command } from './ops';
import { ledgerShardAt, type CollectionName } from './shards';

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
