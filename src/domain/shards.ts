/**
 * The office's records live in a few Yjs documents ("shards"), each one websocket room:
 * `office` (settings, staff — small), `directory` (units, customers), `ledger-YYYY` (what
 * happens in a year). A shard holds one top-level map per collection.
 */
export type ShardName = 'office' | 'directory' | `ledger-${number}`;
export type ShardKind = 'office' | 'directory' | 'ledger';

/**
 * Every collection of the office, and the kind of shard that holds it: the one list of
 * collection names. The store's registry (`src/store/collections.ts`) must declare each of
 * them completely, so adding a name here without its projection does not compile.
 */
export const SHARD_OF = {
  settings: 'office',
  staff: 'office',
  customers: 'directory',
  units: 'directory',
  requests: 'ledger',
  contacts: 'ledger',
  followups: 'ledger',
  // The front desk's day (今日): templates, plans, standard answers; generated tasks and their outcomes.
  templates: 'office',
  plans: 'office',
  answers: 'office',
  tasks: 'ledger',
  taskResults: 'ledger',
  // Seminars, club and activities (issue 10)
  events: 'ledger',
  eventItems: 'ledger',
  attendance: 'ledger',
  remarks: 'ledger',
  papers: 'ledger',
  // Surveys and the indicator dashboard
  surveys: 'office',
  responses: 'ledger',
  reports: 'ledger',
} as const satisfies Record<string, ShardKind>;

export type CollectionName = keyof typeof SHARD_OF;

export const COLLECTION_NAMES = Object.keys(SHARD_OF) as CollectionName[];

export function ledgerShard(year: number): ShardName {
  return `ledger-${year}`;
}

export function shardKind(shard: ShardName): ShardKind {
  return shard === 'office' || shard === 'directory' ? shard : 'ledger';
}

export function collectionsOf(shard: ShardName): readonly CollectionName[] {
  const kind = shardKind(shard);
  return COLLECTION_NAMES.filter((c) => SHARD_OF[c] === kind);
}
