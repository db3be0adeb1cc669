import type { HistoryEntry } from '../history';
import type { ComplaintOrigin, Finding } from './origin-types';

export type { ComplaintOrigin, Finding } from './origin-types';

/**
 * 报修 repair, 投诉 complaint, 咨询 inquiry, 建议 suggestion, 表扬 praise, 纠纷 dispute,
 * 举报 report (of a breach: illegal building work, a car on the fire lane) and 服务申请 service
 * (a paid service asked of the office: moving help, cleaning a flat) — the last two with their
 * own categories and time limits (`settings.ts`).
 */
export type RequestKind = 'repair' | 'complaint' | 'inquiry' | 'suggestion' | 'praise' | 'dispute' | 'report' | 'service';
export const REQUEST_KINDS: RequestKind[] = ['repair', 'complaint', 'inquiry', 'suggestion', 'praise', 'dispute', 'report', 'service'];

/** 受理 → 派工 → 处理中 → 完工 → 回访 → 关闭 */
export type RequestStatus = 'accepted' | 'dispatched' | 'inProgress' | 'done' | 'followUp' | 'closed';
export const REQUEST_STATUSES: RequestStatus[] = ['accepted', 'dispatched', 'inProgress', 'done', 'followUp', 'closed'];

export type Urgency = 'normal' | 'urgent';
/** `written`: 书面/来信 — a letter or a written note handed in. */
export type Channel = 'phone' | 'walkIn' | 'visit' | 'email' | 'web' | 'wechat' | 'seminar' | 'survey' | 'written';
export const REQUEST_CHANNELS: Channel[] = ['phone', 'walkIn', 'visit', 'email', 'web', 'wechat', 'written', 'seminar', 'survey'];

/** Kinds that follow the stricter complaint path (investigation, settlement, approval…). */
export const isComplaintKind = (kind: RequestKind) => kind === 'complaint' || kind === 'dispute';
/** Kinds that may close only after a satisfied follow-up (or a manager's written reason). */
export const needsSatisfiedFollowUp = (kind: RequestKind) => kind === 'repair' || kind === 'service' || isComplaintKind(kind);

export type Responsibility = 'company' | 'customer' | 'thirdParty' | 'unfounded';
export const RESPONSIBILITIES: Responsibility[] = ['company', 'customer', 'thirdParty', 'unfounded'];
export type Severity = 'minor' | 'general' | 'serious';
export const SEVERITIES: Severity[] = ['minor', 'general', 'serious'];
export type Remedy = 'apology' | 'repair' | 'discount' | 'gift' | 'compensation';
export const REMEDIES: Remedy[] = ['apology', 'repair', 'discount', 'gift', 'compensation'];

export interface Investigation {
  facts: string;
  cause: string;
  responsibility: Responsibility;
  severity: Severity;
}

/** Deadlines fixed at intake from the office's time limits; moved on while waiting on the resident. */
export interface Deadlines {
  respond: string;
  finish: string;
  reportBack: string;
}

/** A service request as screens see it: plain fields plus the history that is also its timeline. */
export interface ServiceRequest {
  id: string;
  number: string;
  kind: RequestKind;
  category: string;
  urgency: Urgency;
  channel: Channel;
  location: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  phone: string;
  description: string;
  status: RequestStatus;
  teamId: string;
  assigneeId: string;
  /** 首问责任人: owns the request until it is handed over on record. */
  ownerId: string;
  createdAt: string;
  createdBy: string;
  respondedAt: string;
  doneAt: string;
  signed: boolean | null;
  signedDate: string;
  reportedBackAt: string;
  closedAt: string;
  closeReason: string;
  reopenCount: number;
  waitingSince: string;
  due: Deadlines;
  investigation: Investigation | null;
  lastSatisfaction: number;
  // Origin and validity (issue 21)
  /** Where a complaint came from; '' for other kinds and complaints taken before it was asked. */
  origin: ComplaintOrigin | '';
  /** 客户要求: what the customer asks for, as they said it at intake. */
  demand: string;
  /** The manager's finding 有效/无效 once investigated; null until then. */
  finding: Finding | null;
  /** 表扬: the staff praised. */
  praisedIds: string[];
  history: HistoryEntry[];
  /** 保修: a defect found at the move-in handover (issue 20). */
  warranty?: boolean;
  /** The renovation this request is about (a rectification, a neighbour's noise complaint). */
  renovationId?: string;
}

/** The row the queues read. */
export interface RequestRow {
  id: string;
  number: string;
  kind: RequestKind;
  category: string;
  urgency: Urgency;
  status: RequestStatus;
  open: 0 | 1;
  teamId: string;
  assigneeId: string;
  ownerId: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  createdAt: string;
  dueFinish: string;
  dueReportBack: string;
  reportedBackAt: string;
  dueRespond: string;
  respondedAt: string;
  doneAt: string;
  /** The first completion, kept through reopenings (rework is counted in its month). */
  firstDoneAt: string;
  closedAt: string;
  waiting: 0 | 1;
  reopenCount: number;
  /** A complaint with a settlement waiting for the manager. */
  awaitingApproval: 0 | 1;
  /** Done (reported back or not) and no satisfied follow-up yet. */
  followUpDue: 0 | 1;
  summary: string;
  // Origin and validity (issue 21): read by the indicators and each person's figures, not indexed.
  origin: ComplaintOrigin | '';
  /** '' until a manager found the complaint valid or not. */
  validity: '' | 'valid' | 'invalid';
  /** Staff whose work a valid complaint was about. */
  concernedIds: string[];
  praisedIds: string[];
}
