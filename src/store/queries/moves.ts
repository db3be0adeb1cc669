import type { CustomerRow } from '../../domain/customers/types';
import { addDays, type Day } from '../../domain/days';
import { handoverChecklistFrom, type HandoverChecklist } from '../../domain/moves/handover';
import { renovationsToday } from '../../domain/moves/renovation';
import { LEASE_NOTICE_DAYS, leasesEnding } from '../../domain/moves/tenure';
import type { HandoverRow, RenovationCheck, RenovationRow, TenureRole, TenureRow } from '../../domain/moves/types';
import type { RequestRow } from '../../domain/requests/types';
import { officeDay } from '../../domain/requests/work-time';
import { readTogether, type ReadonlyDB } from '../readonly-db';
import { serviceSettings } from './settings';

/**
 * Reads for moves (issue 20): a unit's relations now and before, its handovers and renovations,
 * what 今日 shows (leases ending, inspections due, works ending), and who no longer lives here.
 */

/** A relation as the unit page lists it; `implied` from a customer's own unit link with no record yet. */
export interface RelationView {
  id: string;
  customerId: string;
  customerName: string;
  role: TenureRole;
  from: string;
  to: string;
  leaseEnd: string;
  endReason: TenureRow['endReason'];
  implied: boolean;
}

const roleOfKind = (kind: CustomerRow['kind']): TenureRole => (kind === 'owner' ? 'owner' : kind === 'tenant' ? 'tenant' : 'resident');

/** The unit's people now (records, and linked customers with no record yet) and before, newest end first. */
export function relationsOfUnit(db: ReadonlyDB, unitCode: string): Promise<{ current: RelationView[]; former: RelationView[] }> {
  return readTogether(db, ['tenures', 'customers'], async () => {
    const [rows, linked] = await Promise.all([db.tenures.where('unitCode').equals(unitCode).toArray(), db.customers.where('unitCodes').equals(unitCode).toArray()]);
    const view = (t: TenureRow): RelationView => ({ ...t, implied: false });
    const current = rows.filter((t) => !t.to).map(view);
    for (const c of linked) {
      if (current.some((t) => t.customerId === c.id)) continue;
      current.push({ id: `~${c.id}`, customerId: c.id, customerName: c.name, role: roleOfKind(c.kind), from: '', to: '', leaseEnd: '', endReason: '', implied: true });
    }
    const order: TenureRole[] = ['owner', 'tenant', 'resident'];
    current.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.from.localeCompare(b.from));
    const former = rows.filter((t) => t.to).map(view).sort((a, b) => b.to.localeCompare(a.to));
    return { current, former };
  });
}

/** The relation records of one person (their units now and before). */
export function relationsOfCustomer(db: ReadonlyDB, customerId: string): Promise<TenureRow[]> {
  return db.tenures.where('customerId').equals(customerId).toArray();
}

export function tenureRow(db: ReadonlyDB, id: string): Promise<TenureRow | undefined> {
  return db.tenures.get(id);
}

/**
 * Customers who lived here and no longer do: every relation on record has ended and no unit is
 * linked now. Surveys and plans leave them out (a former owner kept as a customer for history is
 * not a household any more).
 */
export async function formerResidentIds(db: ReadonlyDB): Promise<Set<string>> {
  const ended = await db.tenures.where('current').equals(0).toArray();
  if (!ended.length) return new Set();
  const ids = [...new Set(ended.map((t) => t.customerId))];
  const [stillCurrent, rows] = await Promise.all([db.tenures.where('customerId').anyOf(ids).filter((t) => !t.to).toArray(), db.customers.bulkGet(ids)]);
  const current = new Set(stillCurrent.map((t) => t.customerId));
  return new Set(ids.filter((id, i) => !current.has(id) && !(rows[i]?.unitCodes.length)));
}

/** The unit's requests still open (listed on the move-out checklist). */
export async function openRequestsOfUnit(db: ReadonlyDB, unitCode: string): Promise<RequestRow[]> {
  return (await db.requests.where('unitCode').equals(unitCode).toArray()).filter((r) => r.open === 1).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function handoversOfUnit(db: ReadonlyDB, unitCode: string): Promise<HandoverRow[]> {
  return db.handovers.where('unitCode').equals(unitCode).reverse().sortBy('createdAt');
}

export function handoverRow(db: ReadonlyDB, id: string): Promise<HandoverRow | undefined> {
  return db.handovers.get(id);
}

/** The office's handover checklist: its documents and meters (设置 → 入伙交接清单; the defaults until set). */
export async function handoverChecklist(db: ReadonlyDB): Promise<HandoverChecklist> {
  return handoverChecklistFrom((await db.settings.get('handover'))?.data);
}

export function renovationsOfUnit(db: ReadonlyDB, unitCode: string): Promise<RenovationRow[]> {
  return db.renovations.where('unitCode').equals(unitCode).reverse().sortBy('createdAt');
}

export function renovationRow(db: ReadonlyDB, id: string): Promise<RenovationRow | undefined> {
  return db.renovations.get(id);
}

/** Renovations not accepted yet (one per unit at a time), for the application's check. */
export function openRenovations(db: ReadonlyDB, unitCode: string): Promise<RenovationRow[]> {
  return db.renovations.where('unitCode').equals(unitCode).filter((r) => r.status !== 'accepted' && r.status !== 'rejected').toArray();
}

export async function checksOf(db: ReadonlyDB, renovationId: string): Promise<RenovationCheck[]> {
  return (await db.renovationChecks.where('renovationId').equals(renovationId).toArray()).sort((a, b) => a.day.localeCompare(b.day) || a.createdAt.localeCompare(b.createdAt));
}

export interface MovesToday {
  leases: TenureRow[];
  inspections: RenovationRow[];
  ending: RenovationRow[];
  awaitingApproval: RenovationRow[];
}

/** 今日: leases ending within the notice, inspections due, works ending soon, applications to approve. */
export function movesToday(db: ReadonlyDB, today: Day): Promise<MovesToday> {
  return readTogether(db, ['tenures', 'renovations'], async () => {
    const [leaseRows, running, submitted] = await Promise.all([
      db.tenures.where('leaseEnd').between('0', addDays(today, LEASE_NOTICE_DAYS), true, true).toArray(),
      db.renovations.where('status').equals('approved').toArray(),
      db.renovations.where('status').equals('submitted').toArray(),
    ]);
    return { leases: leasesEnding(leaseRows, today), ...renovationsToday(running, today), awaitingApproval: submitted };
  });
}

/** The office's day now (forms start on it: a tablet's own date can be the day before in UTC+8). */
export async function officeToday(db: ReadonlyDB, now = new Date()): Promise<Day> {
  return officeDay(now, (await serviceSettings(db)).calendar);
}
