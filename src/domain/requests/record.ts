import type { HistoryEntry } from '../history';
import { complaintState } from './complaint';
import { COMPLAINT_ORIGINS, type Finding } from './origin-types';
import { REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_STATUSES, isComplaintKind, type Investigation, type RequestRow, type ServiceRequest } from './types';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function findingOf(v: unknown): Finding | null {
  if (!v || typeof v !== 'object') return null;
  const f = v as Record<string, unknown>;
  if (typeof f.valid !== 'boolean') return null;
  return { valid: f.valid, reason: str(f.reason), staffIds: strings(f.staffIds), by: str(f.by), byName: str(f.byName), at: str(f.at) };
}

/** Snapshot from the plain JSON of a record (fields missing on an old replica get defaults). */
export function requestFromRecord(id: string, r: Record<string, unknown>): ServiceRequest {
  const due = (r.due ?? {}) as Partial<ServiceRequest['due']>;
  return {
    id,
    number: str(r.number),
    kind: REQUEST_KINDS.includes(r.kind as never) ? (r.kind as ServiceRequest['kind']) : 'repair',
    category: str(r.category),
    urgency: r.urgency === 'urgent' ? 'urgent' : 'normal',
    channel: REQUEST_CHANNELS.includes(r.channel as never) ? (r.channel as ServiceRequest['channel']) : 'phone',
    location: str(r.location),
    customerId: str(r.customerId),
    customerName: str(r.customerName),
    unitCode: str(r.unitCode),
    phone: str(r.phone),
    description: str(r.description),
    status: REQUEST_STATUSES.includes(r.status as never) ? (r.status as ServiceRequest['status']) : 'accepted',
    teamId: str(r.teamId),
    assigneeId: str(r.assigneeId),
    ownerId: str(r.ownerId),
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
    respondedAt: str(r.respondedAt),
    doneAt: str(r.doneAt),
    signed: typeof r.signed === 'boolean' ? r.signed : null,
    signedDate: str(r.signedDate),
    reportedBackAt: str(r.reportedBackAt),
    closedAt: str(r.closedAt),
    closeReason: str(r.closeReason),
    reopenCount: typeof r.reopenCount === 'number' ? r.reopenCount : 0,
    waitingSince: str(r.waitingSince),
    due: { respond: str(due.respond), finish: str(due.finish), reportBack: str(due.reportBack) },
    investigation: (r.investigation as Investigation | undefined) ?? null,
    lastSatisfaction: typeof r.lastSatisfaction === 'number' ? r.lastSatisfaction : 0,
    origin: COMPLAINT_ORIGINS.includes(r.origin as never) ? (r.origin as ServiceRequest['origin']) : '',
    demand: str(r.demand),
    finding: findingOf(r.finding),
    praisedIds: strings(r.praisedIds),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
    // Moves (issue 20): a warranty repair from a handover; a request linked to a renovation.
    ...(r.warranty === true ? { warranty: true } : {}),
    ...(str(r.renovationId) ? { renovationId: str(r.renovationId) } : {}),
  };
}

export function projectRequest(req: ServiceRequest): RequestRow {
  const open = req.status !== 'closed';
  return {
    id: req.id,
    number: req.number,
    kind: req.kind,
    category: req.category,
    urgency: req.urgency,
    status: req.status,
    open: open ? 1 : 0,
    teamId: req.teamId,
    assigneeId: req.assigneeId,
    ownerId: req.ownerId,
    customerId: req.customerId,
    customerName: req.customerName,
    unitCode: req.unitCode,
    createdAt: req.createdAt,
    dueFinish: req.due.finish,
    dueReportBack: req.due.reportBack,
    reportedBackAt: req.reportedBackAt,
    // For the indicators (dashboard): when it was responded to, completed (first and last), closed.
    dueRespond: req.due.respond,
    respondedAt: req.respondedAt,
    doneAt: req.doneAt,
    firstDoneAt: req.history.find((h) => h.action === 'request.completed')?.at ?? req.doneAt,
    closedAt: req.closedAt,
    waiting: req.waitingSince ? 1 : 0,
    reopenCount: req.reopenCount,
    awaitingApproval: isComplaintKind(req.kind) && complaintState(req.history).stage === 'awaitingApproval' ? 1 : 0,
    followUpDue: req.status === 'done' || (req.status === 'followUp' && req.lastSatisfaction < 4) ? 1 : 0,
    summary: req.description.slice(0, 80),
    origin: req.origin,
    validity: req.finding ? (req.finding.valid ? 'valid' : 'invalid') : '',
    concernedIds: req.finding?.valid ? req.finding.staffIds : [],
    praisedIds: req.praisedIds,
  };
}
