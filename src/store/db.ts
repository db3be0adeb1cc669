import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { CustomerRow } from '../domain/customer';
import type { StaffRow } from '../domain/staff';
import type { UnitRow } from '../domain/unit';
import type { ContactRow } from '../domain/contact';
import type { RequestRow } from '../domain/requests/types';
import type { FollowUpRow } from '../domain/requests/followup';

/** One Yjs update as stored: the shard's document is the merge of all its rows. */
export interface UpdateRow {
  seq?: number;
  shard: string;
  update: Uint8Array;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SettingsRow {
  id: string;
  name: string;
  /** The whole settings record (service settings: teams, categories, calendar). */
  data?: Record<string, unknown>;
}

/**
 * One IndexedDB database per office on this device. The whole schema, every version, lives
 * here. `updates` is the durable truth (Yjs update log per shard); every other table except
 * `meta` is a projection derived from the documents and can be rebuilt from them at any time.
 */
export class LinliDB extends Dexie {
  updates!: Table<UpdateRow, number>;
  meta!: Table<MetaRow, string>;
  customers!: Table<CustomerRow, string>;
  staff!: Table<StaffRow, string>;
  settings!: Table<SettingsRow, string>;
  units!: Table<UnitRow, string>;
  contacts!: Table<ContactRow, string>;
  requests!: Table<RequestRow, string>;
  followups!: Table<FollowUpRow, string>;

  /** `dexieOptions` lets tests hand each simulated device its own IndexedDB (fake-indexeddb). */
  constructor(officeId: string, dexieOptions?: DexieOptions) {
    super(`linli-${officeId}`, dexieOptions);
    this.version(1).stores({
      updates: '++seq, shard',
      meta: 'key',
      customers: 'id, name, *terms, *phones, unitCode, updatedAt',
      staff: 'id, name',
      settings: 'id',
    });
    // v2: the full customer record; units (code not unique: two tablets may register one unit
    // offline, and a unique index would make the merge fail to save). Projections are rebuilt
    // from the documents (PROJECTION_VERSION), so no data migration is needed here.
    this.version(2).stores({
      customers: 'id, name, *terms, *phones, idNumber, unitCode, *unitCodes, householdOf, *tags, grade, kind, updatedAt',
      units: 'id, code, building, status, use',
      contacts: 'id, customerId, unitCode, at, requestId',
    });
    // v3: service requests and follow-ups (queues read compound indexes: open work per team/person).
    this.version(3).stores({
      requests: 'id, number, kind, status, createdAt, dueFinish, customerId, unitCode, teamId, assigneeId, ownerId, [open+teamId], [open+assigneeId], [open+createdAt], awaitingApproval, followUpDue, reopenCount',
      followups: 'id, requestId, customerId, at',
    });
    // v4: queues read in deadline order and stop at the page size instead of sorting everything.
    this.version(4).stores({
      requests: 'id, number, kind, status, createdAt, dueFinish, customerId, unitCode, teamId, assigneeId, ownerId, [open+teamId], [open+assigneeId], [open+createdAt], [open+dueFinish], [open+teamId+dueFinish], [open+assigneeId+dueFinish], awaitingApproval, followUpDue, reopenCount',
    });
    // v5: 我的工单 also lists what one owns as first contact: only the open ones, by index (a
    // receptionist owns thousands of closed requests after a year).
    this.version(5).stores({
      requests: 'id, number, kind, status, createdAt, dueFinish, customerId, unitCode, teamId, assigneeId, ownerId, [open+teamId], [open+assigneeId], [open+createdAt], [open+dueFinish], [open+teamId+dueFinish], [open+assigneeId+dueFinish], [open+ownerId+dueFinish], awaitingApproval, followUpDue, reopenCount',
    });
  }
}
