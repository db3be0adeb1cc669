import { shardOfRecord, type ShardName } from '../shards';

/** A request lives in the ledger of the month it was taken (the rule: `shardOfRecord`). */
export function shardOf(req: { createdAt: string }): ShardName {
  return shardOfRecord('requests', { record: req });
}
