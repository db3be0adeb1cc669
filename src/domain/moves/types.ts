import type { HistoryEntry } from '../history';
import type { Day } from '../days';

/**
 * Moving in, renovating and moving out (issue 20, points 1–3): a person's relation to a unit
 * (tenure) with its dates, the move-in handover (入伙/交房), and the renovation (装修).
 */

/** 业主 / 租户 / 住户 (household member or other occupant). */
export type TenureRole = 'owner' | 'tenant' | 'resident';
export const TENURE_ROLES: TenureRole[] = ['owner', 'tenant', 'resident'];
/** Why a relation ended: moved out, the unit changed owner (过户), the lease ended. */
export type EndReason = '' | 'moveOut' | 'ownerChange' | 'leaseEnd';
export const END_REASONS: Exclude<EndReason, ''>[] = ['moveOut', 'ownerChange', 'leaseEnd'];

export type Meter = 'water' | 'electricity' | 'gas';
export const METERS: Meter[] = ['water', 'electricity', 'gas'];

/** Meter readings as written on the form (the office's units; free digits, kept as typed). */
export interface Readings {
  water: string;
  electricity: string;
  gas: string;
}

/** The move-out checklist (退房清单): keys back, readings, the requests still open that day. */
export interface MoveOutChecklist {
  keysReturned: number;
  readings: Readings;
  /** Numbers of the unit's requests open on the day (listed, not closed by the move-out). */
  openRequests: string[];
}

/**
 * A person's relation to a unit from a day, ended by a day — never deleted, so the unit's
 * history keeps former owners and tenants with their periods.
 */
export interface Tenure {
  id: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  role: TenureRole;
  from: Day | '';
  /** The day the relation ended; '' while current. */
  to: Day | '';
  /** A tenant's lease end as agreed (today shows it ahead of time); '' none. */
  leaseEnd: Day | '';
  endReason: EndReason;
  moveOut: MoveOutChecklist | null;
  /** Made from a customer's own unit link (a relation older than this record type): not stored yet. */
  implied: boolean;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

export interface TenureRow {
  id: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  role: TenureRole;
  from: string;
  to: string;
  leaseEnd: string;
  endReason: EndReason;
  /** 1 while the relation holds (no end day), 0 after: an index cannot hold ''. */
  current: 0 | 1;
}

/** 入伙交接单: what was handed over and found, signed on paper. */
export interface Handover {
  id: string;
  number: string;
  unitCode: string;
  customerId: string;
  customerName: string;
  role: TenureRole;
  day: Day;
  leaseEnd: Day | '';
  /** The office's documents, and whether each was signed. */
  documents: { name: string; signed: boolean }[];
  keys: number;
  /** The meters the office's checklist read at this handover (older handovers: all three). */
  meters: Meter[];
  readings: Readings;
  /** Each defect found and the warranty repair request it became. */
  defects: { text: string; requestId: string; requestNumber: string }[];
  createdAt: string;
  createdBy: string;
  createdByName: string;
  history: HistoryEntry[];
}

export interface HandoverRow {
  id: string;
  number: string;
  unitCode: string;
  customerId: string;
  customerName: string;
  day: string;
  defects: number;
  createdAt: string;
}

/** 申请 → 提交审批 → 已批准 (施工中) → 已验收; rejected goes back to be revised. */
export type RenovationStatus = 'plan' | 'submitted' | 'approved' | 'rejected' | 'accepted';
export const RENOVATION_STATUSES: RenovationStatus[] = ['plan', 'submitted', 'approved', 'rejected', 'accepted'];

export interface Renovation {
  id: string;
  number: string;
  unitCode: string;
  customerId: string;
  customerName: string;
  contractor: string;
  contractorPhone: string;
  workers: number;
  start: Day;
  end: Day;
  scope: string;
  /** 装修押金 as recorded (yuan); no payment passes through here. */
  deposit: number;
  /** Days between inspections while the works run. */
  inspectEvery: number;
  status: RenovationStatus;
  /** The unit's status before the works, given back at acceptance. */
  unitStatusBefore: string;
  lastInspection: Day | '';
  acceptedOn: Day | '';
  acceptanceNote: string;
  refundedOn: Day | '';
  refundNote: string;
  approvalComment: string;
  decidedByName: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  history: HistoryEntry[];
}

export interface RenovationRow {
  id: string;
  number: string;
  unitCode: string;
  customerName: string;
  /** 装修单位 (装修一览 lists it; projection version 2). */
  contractor: string;
  status: RenovationStatus;
  start: string;
  end: string;
  /** The day the next inspection is due while the works run ('' otherwise). */
  inspectionDue: string;
  deposit: number;
  refunded: 0 | 1;
  createdAt: string;
}

/** One inspection during the works (巡查), its own record: two inspectors never overwrite each other. */
export interface RenovationCheck {
  id: string;
  renovationId: string;
  /** The renovation's createdAt: the check lives in its renovation's month. */
  renovationAt: string;
  day: Day;
  findings: string;
  /** Something to put right; a rectification request (整改) when raised. */
  problem: boolean;
  requestId: string;
  requestNumber: string;
  byName: string;
  createdAt: string;
}
