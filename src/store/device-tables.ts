import type { LinliDB } from './db';

/**
 * This device's own writable tables behind an open office, for the few store modules that keep
 * device-local facts outside the documents (the paper-number sequence in `meta`). `Office.db` is
 * read-only by type; the writable handle is registered here by the two `Office` implementations
 * and is not reachable from the `Office` interface, so ui and print cannot get at it by accident.
 */
const tables = new WeakMap<object, LinliDB>();

export function holdDeviceTables(office: object, db: LinliDB): void {
  tables.set(office, db);
}

export function deviceTables(office: object): LinliDB {
  const db = tables.get(office);
  if (!db) throw new Error('deviceTables: not an office opened by the store');
  return db;
}
