import { COLLECTION_NAMES, type CollectionName } from '../domain/shards';

/**
 * The Dexie index spec of every collection's projection table (primary key `id` first): the
 * other half of the registry in `collections.ts`, which says how a record becomes its row. It is
 * a file of its own because the page opens the database on the first screen and needs only
 * these strings; the projections import every record type of the domain and run in the sync
 * worker. A collection without its entry here does not compile.
 */
export const PROJECTION_INDEXES = {
  settings: 'id',
  staff: 'id, name',
  customers: 'id, name, *terms, *phones, idNumber, unitCode, *unitCodes, householdOf, *tags, grade, kind, updatedAt, *dateKeys',
  units: 'id, code, building, status, use',
  contacts: 'id, customerId, unitCode, at, requestId',
  requests: 'id, number, kind, status, createdAt, dueFinish, customerId, unitCode, teamId, assigneeId, ownerId, [open+teamId], [open+assigneeId], [open+createdAt], [open+dueFinish], [open+teamId+dueFinish], [open+assigneeId+dueFinish], [open+ownerId+dueFinish], awaitingApproval, followUpDue, reopenCount, doneAt, closedAt, ' +
    // The queues' counts are index counts (store/queries/requests.ts: queueTotal).
    '[open+assigneeId+ownerId], [open+waiting+status+dueFinish], [open+followUpDue], [open+awaitingApproval], [open+reopenCount]',
  followups: 'id, requestId, customerId, at',
  // The front desk's day (今日)
  templates: 'id, kind, name',
  plans: 'id, name',
  answers: 'id, category, *terms, review, keeperId',
  tasks: 'id, due, customerId, ref, [source+due]',
  taskResults: 'id, at',
  // Seminars, club and activities (issue 10)
  events: 'id, kind, status, startsAt, createdAt, topic, [open+startsAt]',
  eventItems: 'id, eventId',
  attendance: 'id, eventId, customerId',
  remarks: 'id, eventId, customerId, requestId, topic',
  papers: 'id, form, ref, state, box, [form+state], number, period',
  // Surveys and the indicator dashboard
  surveys: 'id, createdAt',
  responses: 'id, [surveyId+wave], unitCode, at',
  reports: 'id, period, printedAt',
  // Moves (issue 20): relations to units with dates, handovers, renovations and their inspections
  tenures: 'id, customerId, unitCode, current, leaseEnd',
  handovers: 'id, number, unitCode, customerId, createdAt',
  renovations: 'id, number, unitCode, status, inspectionDue, end, createdAt',
  renovationChecks: 'id, renovationId, day',
  // Notices, incidents and lists of the people who live here (issue 20)
  residentLists: 'id, name',
  notices: 'id, from, to, createdAt',
  noticeTellings: 'id, noticeId, customerId, at',
  incidents: 'id, status, open, createdAt, *buildings',
  incidentCalls: 'id, incidentId, customerId, at',
  // Corrective and preventive actions and the monthly major-case review (issue 21)
  actions: 'id, status, due, sourceRef, month, teamId',
  reviews: 'id, month',
} satisfies Record<CollectionName, string>;

/** The projection tables' Dexie schema, for the newest database version. */
export function projectionSchema(): Record<CollectionName, string> {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, PROJECTION_INDEXES[c]])) as Record<CollectionName, string>;
}
