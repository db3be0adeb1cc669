import type { Table } from 'dexie';
import { customerFromRecord, projectCustomer } from '../domain/customer';
import { staffFromRecord } from '../domain/staff';
import { projectUnit } from '../domain/unit';
import { projectContact } from '../domain/contact';
import { projectRequest, requestFromRecord } from '../domain/requests/record';
import { projectFollowUp } from '../domain/requests/followup';
import { loadPinyin, pinyinOf } from './pinyin';
import type { CollectionName } from '../domain/shards';
import type { LinliDB } from './db';

/**
 * How each collection's records become projection rows. Bump PROJECTION_VERSION whenever a
 * projector changes: every device then rebuilds its tables from the documents on next open.
 */
export const PROJECTION_VERSION = 3;

export interface Projector {
  table: (db: LinliDB) => Table<any, string>;
  row: (id: string, record: Record<string, unknown>) => object;
  /** Loads what `row` needs before a write (never inside an IndexedDB transaction). */
  prepare?: () => Promise<unknown>;
}

export const PROJECTORS: Partial<Record<CollectionName, Projector>> = {
  customers: { table: (db) => db.customers, row: (id, r) => projectCustomer(customerFromRecord(id, r), pinyinOf() ?? undefined), prepare: loadPinyin },
  units: { table: (db) => db.units, row: projectUnit },
  contacts: { table: (db) => db.contacts, row: projectContact },
  staff: { table: (db) => db.staff, row: staffFromRecord },
  settings: {
    table: (db) => db.settings,
    row: (id, r) => {
      const { history: _history, ...data } = r;
      return { id, name: String(r.name ?? ''), data };
    },
  },
  requests: { table: (db) => db.requests, row: (id, r) => projectRequest(requestFromRecord(id, r)) },
  followups: { table: (db) => db.followups, row: projectFollowUp },
};
