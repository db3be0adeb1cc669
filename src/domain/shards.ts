/**
 * The office's records live in a few Yjs documents ("shards"), each one websocket room:
 * `office` (settings, staff — small), `directory` (units, customers), `ledger-YYYY-MM` (what
 * happens in a month). A shard holds one top-level map per collection.
 *
 * `ledger-YYYY` is the year shard of builds before months (issue 23). It is still a valid name:
 * the relay keeps serving it to tablets on the old build and forwards what they write into the
 * month rooms, and a tablet splits its stored year shards into months once (README § Design,
 * "Month shards").
 */
export type LedgerMonthShard = `ledger-${number}-${string}`;
export type LegacyYearShard = `ledger-${number}`;
export type ShardName = 'office' | 'directory' | LedgerMonthShard | LegacyYearShard;
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
  // Moves (issue 20): a person's relations to units with their dates; move-in handovers;
  // renovations and their inspections.
  tenures: 'directory',
  handovers: 'ledger',
  renovations: 'ledger',
  renovationChecks: 'ledger',
  // Notices, incidents and lists of the people who live here (issue 20, points 4–6)
  residentLists: 'office',
  notices: 'ledger',
  noticeTellings: 'ledger',
  incidents: 'ledger',
  incidentCalls: 'ledger',
  // Corrective and preventive actions and the monthly major-case review (issue 21)
  actions: 'ledger',
  reviews: 'ledger',
} as const satisfies Record<string, ShardKind>;

export type CollectionName = keyof typeof SHARD_OF;
export type LedgerCollection = { [C in CollectionName]: (typeof SHARD_OF)[C] extends 'ledger' ? C : never }[CollectionName];

export const COLLECTION_NAMES = Object.keys(SHARD_OF) as CollectionName[];

const MONTH = /^(\d{4})-(\d{2})$/;
const LEGACY = /^ledger-(\d{4})$/;
const MONTH_SHARD = /^ledger-(\d{4}-\d{2})$/;

/** Every shard name the app and the relay accept (legacy year ledgers included). */
export const SHARD_NAME = /^(office|directory|ledger-\d{4}(-(0[1-9]|1[0-2]))?)$/;

/** A month (`YYYY-MM`) → its ledger shard. */
export function ledgerShard(month: string): LedgerMonthShard {
  if (!MONTH.test(month)) throw new Error(`not a month: ${month}`);
  return `ledger-${month}` as LedgerMonthShard;
}

/**
 * The month (`YYYY-MM`) a date falls in: an ISO instant by its UTC calendar (as stored:
 * `ctx.now` is always `…Z`), a day (`YYYY-MM-DD`, already the office's) or a month as given.
 * Not the office's utcOffset: that is a setting that can change and that a new tablet may not
 * have yet, and a record's shard must come out the same on every device for ever, or an edit
 * would go to a document that does not hold the record (README § Design, "Month shards").
 * An unreadable date maps to a fixed month, the same everywhere.
 */
export function monthOf(when: string): string {
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(when)) return when.slice(0, 7);
  const t = Date.parse(when);
  return Number.isNaN(t) ? UNDATED_MONTH : new Date(t).toISOString().slice(0, 7);
}

/** Where a record with no readable date lives (on every device alike). */
export const UNDATED_MONTH = '1970-01';

/** A plain record as stored (what the store reads from a document, or a domain value). */
type Fields = object;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const field = (r: Fields | undefined, key: string): unknown => (r as Record<string, unknown> | undefined)?.[key];

/**
 * What the month of a record of each ledger collection is read from: the date it was created,
 * or for a record that belongs to another (an event's items, a request's follow-ups, a task's
 * outcome) that record's — a command writes ONE shard, so they must share it. Each field read
 * here is written once at creation and never changed, so a record's shard never moves.
 * `parent` finds the record it belongs to in the same document (only the migration needs it:
 * the domain passes the parent itself).
 */
export interface ShardInput {
  /** The record's fields (for children: the parent's, when the caller has the parent). */
  record: Fields;
  id?: string;
  /** The legacy year shard a record is being moved out of (records dated by year only). */
  legacyYear?: number;
  parent?: (collection: LedgerCollection, id: string) => Fields | undefined;
}

const byCreation = ({ record }: ShardInput) => str(field(record, 'createdAt'));
const byEvent = ({ record, parent }: ShardInput) => str(field(parent?.('events', str(field(record, 'eventId'))), 'createdAt')) || str(field(record, 'createdAt'));
/** Task ids end with their due day (`taskId` in domain/tasks); a result shares its task's id. */
const byDue = ({ record, id }: ShardInput) => str(field(record, 'due')) || (id ?? '').slice(-10);
/**
 * Papers and survey responses were dated by year only (a paper's first print year, a wave's
 * start year), so they live in January of that year: the same month on every device, worked out
 * from the record alone — the migration cannot always see the survey a response belongs to.
 */
const byYear = (year: unknown) => (typeof year === 'number' && year > 0 ? `${year}-01` : '');

const ANCHOR: Record<LedgerCollection, (input: ShardInput) => string> = {
  requests: byCreation,
  contacts: byCreation,
  followups: ({ record, parent }) => str(field(parent?.('requests', str(field(record, 'requestId'))), 'createdAt')) || str(field(record, 'at')),
  tasks: byDue,
  taskResults: byDue,
  events: byCreation,
  eventItems: byEvent,
  attendance: byEvent,
  remarks: byEvent,
  papers: ({ record, legacyYear }) => byYear(field(record, 'year')) || byYear(legacyYear),
  responses: ({ record, legacyYear }) => byYear(Number(str(field(record, 'waveStart')).slice(0, 4))) || byYear(legacyYear),
  reports: ({ record }) => str(field(record, 'period')),
  // Moves (issue 20): an inspection carries its renovation's createdAt, so it shares its month.
  handovers: byCreation,
  renovations: byCreation,
  renovationChecks: ({ record, parent }) => str(field(record, 'renovationAt')) || str(field(parent?.('renovations', str(field(record, 'renovationId'))), 'createdAt')),
  // Notices, incidents (issue 20): a telling or a call lives with its notice or incident.
  notices: byCreation,
  noticeTellings: ({ record, parent }) => str(field(parent?.('notices', str(field(record, 'noticeId'))), 'createdAt')) || str(field(record, 'noticeCreatedAt')),
  incidents: byCreation,
  incidentCalls: ({ record, parent }) => str(field(parent?.('incidents', str(field(record, 'incidentId'))), 'createdAt')) || str(field(record, 'incidentCreatedAt')),
  // Corrective and preventive actions (issue 21): raised in a month; the month's review in its month.
  actions: byCreation,
  reviews: ({ record }) => str(field(record, 'month')),
};

/**
 * THE place that decides which shard a record lives in: every command, read and the migration
 * ask here. `office`/`directory` collections have one shard; a ledger record lives in the month
 * of the date its collection is anchored to (see ANCHOR).
 */
export function shardOfRecord(collection: CollectionName, input: ShardInput): ShardName {
  const kind = SHARD_OF[collection];
  if (kind !== 'ledger') return kind;
  return ledgerShard(monthOf(ANCHOR[collection as LedgerCollection](input)));
}

/** The ledger shard of a moment (e.g. the month a new record is created in). */
export function ledgerShardAt(when: string): LedgerMonthShard {
  return ledgerShard(monthOf(when));
}

export function shardKind(shard: ShardName): ShardKind {
  return shard === 'office' || shard === 'directory' ? shard : 'ledger';
}

export function collectionsOf(shard: ShardName): readonly CollectionName[] {
  const kind = shardKind(shard);
  return COLLECTION_NAMES.filter((c) => SHARD_OF[c] === kind);
}

/** `ledger-YYYY` of the builds before month shards → its year; otherwise null. */
export function legacyYearOf(shard: string): number | null {
  const m = LEGACY.exec(shard);
  return m ? Number(m[1]) : null;
}

/** `ledger-YYYY-MM` → `YYYY-MM`; otherwise null. */
export function monthOfShard(shard: string): string | null {
  return MONTH_SHARD.exec(shard)?.[1] ?? null;
}

/** The month before `month` (`YYYY-MM`). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The shards a tablet keeps loaded and syncing: this month's and last month's ledgers. */
export function hotLedgers(now: string): LedgerMonthShard[] {
  const month = monthOf(now);
  return [ledgerShard(month), ledgerShard(previousMonth(month))];
}
