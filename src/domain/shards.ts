/**
 * The office's records live in a few Yjs documents ("shards"), each one websocket room:
 * `office` (settings, staff — small), `directory` (units, customers), `ledger-YYYY` (what
 * happens in a year). A shard holds one top-level map per collection.
 */
export type ShardName = 'office' | 'directory' | `ledger-${number}`;

export const COLLECTIONS = {
  office: ['settings', 'staff'],
  directory: ['customers', 'units'],
  ledger: ['requests', 'contacts', 'followups'],
} as const;

export type CollectionName =
  | (typeof COLLECTIONS.office)[number]
  | (typeof COLLECTIONS.directory)[number]
  | (typeof COLLECTIONS.ledger)[number];

export function ledgerShard(year: number): ShardName {
  return `ledger-${year}`;
}

export function collectionsOf(shard: ShardName): readonly CollectionName[] {
  if (shard === 'office') return COLLECTIONS.office;
  if (shard === 'directory') return COLLECTIONS.directory;
  return COLLECTIONS.ledger;
}

