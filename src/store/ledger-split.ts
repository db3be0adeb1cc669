import * as Y from 'yjs';
import { SHARD_OF, shardOfRecord, monthOf, type LedgerCollection } from '../domain/shards';

/**
 * Moving a year ledger (`ledger-YYYY`, builds before issue 23) into month ledgers without
 * losing an edit. Shared by the tablets (store/ledger-migration.ts) and the relay
 * (sync-server/legacy-ledgers.ts), so both split by the same rule.
 *
 * A month document is the WHOLE year document with the records of the other months deleted.
 * Copying records into fresh documents would give them new Yjs identities: two tablets
 * migrating the same year would write two copies of each record at one key and one copy would
 * win whole — with it, an offline tablet's unsent edits could lose. Keeping the year's items
 * (same ids) means a month split on a tablet with pending edits and the same month split on
 * the relay are two states of ONE document: they merge like any two replicas, and the pending
 * edits arrive. The deletions merge too, because every replica deletes by the same rule
 * (`shardOfRecord`, which reads only fields written once at creation). Deleted records are
 * garbage-collected, so a month keeps only a skeleton of the rest of the year.
 */

const LEDGER_COLLECTIONS = (Object.keys(SHARD_OF) as (keyof typeof SHARD_OF)[]).filter((c): c is LedgerCollection => SHARD_OF[c] === 'ledger');

/** A record's fields read lazily from its Y.Map (the rule reads two or three of them). */
function fieldsOf(value: unknown): object | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  return new Proxy({}, { get: (_, key) => (typeof key === 'string' ? value.get(key) : undefined) });
}

/** The month (`YYYY-MM`) a record of a legacy year document belongs to. */
export function monthOfLegacyRecord(doc: Y.Doc, year: number, collection: LedgerCollection, id: string): string {
  const record = fieldsOf(doc.getMap(collection).get(id)) ?? {};
  const parent = (c: LedgerCollection, pid: string) => fieldsOf(doc.getMap(c).get(pid));
  const shard = shardOfRecord(collection, { record, id, legacyYear: year, parent });
  return monthOf(shard.slice('ledger-'.length));
}

/** Every month of the year document that holds at least one record. */
export function monthsOfYear(doc: Y.Doc, year: number): Set<string> {
  const months = new Set<string>();
  for (const c of LEDGER_COLLECTIONS) doc.getMap(c).forEach((_, id) => months.add(monthOfLegacyRecord(doc, year, c, id)));
  return months;
}

/**
 * In `target` (a month document holding year items), deletes the records that belong to
 * another month. `only`: check just these keys (the ones an update touched); `source` is the
 * year document the rule reads the records from (the target may already have deleted them).
 */
export function dropOtherMonths(target: Y.Doc, source: Y.Doc, year: number, month: string, only?: Map<LedgerCollection, Set<string>>): void {
  target.transact(() => {
    for (const c of LEDGER_COLLECTIONS) {
      const map = target.getMap(c);
      const keys = only ? [...(only.get(c) ?? [])] : [...map.keys()];
      for (const id of keys) if (map.has(id) && monthOfLegacyRecord(source, year, c, id) !== month) map.delete(id);
    }
  }, 'split');
}

/** One month of a year document, as an update of its whole state. */
export function monthOfYear(yearState: Uint8Array, yearDoc: Y.Doc, year: number, month: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, yearState);
  dropOtherMonths(doc, yearDoc, year, month);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * Applies an update written by a tablet on the old build (to `ledger-YYYY`) to one month
 * document: new records of other months that it brings are deleted again at once.
 */
export function forwardToMonth(target: Y.Doc, yearDoc: Y.Doc, year: number, month: string, update: Uint8Array, origin: unknown): void {
  const touched = new Map<LedgerCollection, Set<string>>();
  const observers = LEDGER_COLLECTIONS.map((c) => {
    const map = target.getMap(c);
    const observer = (event: Y.YMapEvent<unknown>) => {
      const set = touched.get(c) ?? new Set<string>();
      for (const key of event.keysChanged) set.add(key);
      touched.set(c, set);
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  });
  Y.applyUpdate(target, update, origin);
  for (const stop of observers) stop();
  if (touched.size) dropOtherMonths(target, yearDoc, year, month, touched);
}

export const allMonths = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
