import { ledgerShard, type ShardName } from '../shards';

/** A request lives in the ledger of the year it was taken (by the office's calendar). */
export function shardOf(req: { createdAt: string }): ShardName {
  return ledgerShard(Number(req.createdAt.slice(0, 4)) || new Date().getFullYear());
}
