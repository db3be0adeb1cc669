import { customerFromRecord, projectCustomer } from '../domain/customers/customer';
import { staffFromRecord } from '../domain/staff/staff';
import { projectUnit } from '../domain/units/unit';
import { projectContact } from '../domain/customers/contact';
import { projectRequest, requestFromRecord } from '../domain/requests/record';
import { projectFollowUp } from '../domain/requests/followup';
import { eventFromRecord, projectAttendance, projectEvent, projectItem, projectRemark } from '../domain/events/record';
import { projectPaper } from '../domain/papers/paper';
import { projectAction } from '../domain/actions/action';
import { projectReview } from '../domain/reviews/review';
import { projectResponse, projectSurvey } from '../domain/surveys/records';
import { projectReport } from '../domain/indicators/report-row';
import { COLLECTION_NAMES, type CollectionName } from '../domain/shards';
import { projectTemplate } from '../domain/templates/template';
import { projectPlan } from '../domain/plans/plan';
import { answerFromRecord, projectAnswer } from '../domain/answers/answer';
import { projectTask, projectTaskResult } from '../domain/tasks/task';
import { projectTenure } from '../domain/moves/tenure';
import { projectHandover } from '../domain/moves/handover';
import { projectCheck, projectRenovation } from '../domain/moves/renovation';
// Notices, incidents and lists of the people who live here (issue 20)
import { projectResidentList } from '../domain/residents/saved-list';
import { projectNotice, projectTelling } from '../domain/notices/notice';
import { incidentCallFromRecord, projectIncident } from '../domain/incidents/incident';
import { loadPinyin, loadTextPinyin, pinyinOf, textPinyinOf } from './pinyin';

export interface SettingsRow {
  id: string;
  name: string;
  /** The whole settings record (service settings: teams, categories, calendar). */
  data?: Record<string, unknown>;
}

/**
 * How one collection's records become rows of its projection table (a Dexie table of the same
 * name), which indexes that table has, and the version of that projection.
 */
export interface CollectionSpec<Row extends { id: string } = { id: string }> {
  /** Dexie index spec of the projection table, primary key `id` first. */
  indexes: string;
  /**
   * Bump whenever `row` changes what it produces: every device then rebuilds this collection's
   * rows from the documents on its next open. `test/unit/collections.test.ts` fails when a
   * projection's output changes and its version did not.
   */
  version: number;
  row: (id: string, record: Record<string, unknown>) => Row;
  /** Loads what `row` needs before a write (never inside an IndexedDB transaction). */
  prepare?: () => Promise<unknown>;
}

function spec<Row extends { id: string }>(s: CollectionSpec<Row>): CollectionSpec<Row> {
  return s;
}

/**
 * THE registry: every collection of `domain/shards.ts` declared once. A full record, so a
 * collection without its projection does not compile; the Dexie schema (`db.ts`) and the
 * projection (`shard-doc.ts`) are derived from it. Adding a record type: README § Adding a
 * record type.
 */
export const COLLECTIONS = {
  settings: spec<SettingsRow>({
    indexes: 'id',
    version: 1,
    row: (id, r) => {
      const { history: _history, ...data } = r;
      return { id, name: String(r.name ?? ''), data };
    },
  }),
  staff: spec({ indexes: 'id, name', version: 1, row: staffFromRecord }),
  customers: spec({
    indexes: 'id, name, *terms, *phones, idNumber, unitCode, *unitCodes, householdOf, *tags, grade, kind, updatedAt, *dateKeys',
    // 7: unitFrom/unitTo on the row (lists filter on relation dates, issue 20).
    version: 7,
    row: (id, r) => projectCustomer(customerFromRecord(id, r), pinyinOf() ?? undefined),
    prepare: loadPinyin,
  }),
  units: spec({ indexes: 'id, code, building, status, use', version: 2, row: projectUnit }),
  contacts: spec({ indexes: 'id, customerId, unitCode, at, requestId', version: 1, row: projectContact }),
  requests: spec({
    indexes:
      'id, number, kind, status, createdAt, dueFinish, customerId, unitCode, teamId, assigneeId, ownerId, [open+teamId], [open+assigneeId], [open+createdAt], [open+dueFinish], [open+teamId+dueFinish], [open+assigneeId+dueFinish], [open+ownerId+dueFinish], awaitingApproval, followUpDue, reopenCount, doneAt, closedAt, ' +
      // The queues' counts are index counts (store/queries/requests.ts: queueTotal).
      '[open+assigneeId+ownerId], [open+waiting+status+dueFinish], [open+followUpDue], [open+awaitingApproval], [open+reopenCount]',
    // 5: origin, validity, staff concerned and praised (issue 21).
    version: 5,
    row: (id, r) => projectRequest(requestFromRecord(id, r)),
  }),
  followups: spec({ indexes: 'id, requestId, customerId, at', version: 1, row: projectFollowUp }),
  // The front desk's day (今日)
  templates: spec({ indexes: 'id, kind, name', version: 1, row: projectTemplate }),
  // version 2: a group may name a saved list (`listId`, `listName`; issue 20)
  plans: spec({ indexes: 'id, name', version: 2, row: projectPlan }),
  answers: spec({
    indexes: 'id, category, *terms, review, keeperId',
    version: 1,
    row: (id, r) => projectAnswer(answerFromRecord(id, r), textPinyinOf() ?? undefined),
    prepare: loadTextPinyin,
  }),
  // 2: survey follow-ups keep their source (a device of before projected them as care tasks).
  tasks: spec({ indexes: 'id, due, customerId, ref, [source+due]', version: 2, row: projectTask }),
  taskResults: spec({ indexes: 'id, at', version: 1, row: projectTaskResult }),
  // Seminars, club and activities (issue 10)
  events: spec({ indexes: 'id, kind, status, startsAt, createdAt, topic, [open+startsAt]', version: 1, row: (id, r) => projectEvent(eventFromRecord(id, r)) }),
  eventItems: spec({ indexes: 'id, eventId', version: 1, row: projectItem }),
  attendance: spec({ indexes: 'id, eventId, customerId', version: 1, row: projectAttendance }),
  remarks: spec({ indexes: 'id, eventId, customerId, requestId, topic', version: 1, row: projectRemark }),
  // version 2: `scans` (issue 19, pictures); `number`, `period` (issue 21, every paper filed) — 3 for both
  papers: spec({ indexes: 'id, form, ref, state, box, [form+state], number, period', version: 3, row: projectPaper }),
  // Surveys and the indicator dashboard
  surveys: spec({ indexes: 'id, createdAt', version: 1, row: projectSurvey }),
  responses: spec({ indexes: 'id, [surveyId+wave], unitCode, at', version: 1, row: projectResponse }),
  reports: spec({ indexes: 'id, period, printedAt', version: 1, row: projectReport }),
  // Moves (issue 20): relations to units with dates, handovers, renovations and their inspections
  tenures: spec({ indexes: 'id, customerId, unitCode, current, leaseEnd', version: 1, row: projectTenure }),
  handovers: spec({ indexes: 'id, number, unitCode, customerId, createdAt', version: 1, row: projectHandover }),
  // version 2: the contractor on the row (装修一览, issue 20)
  renovations: spec({ indexes: 'id, number, unitCode, status, inspectionDue, end, createdAt', version: 2, row: projectRenovation }),
  renovationChecks: spec({ indexes: 'id, renovationId, day', version: 1, row: projectCheck }),
  // Notices, incidents and lists of the people who live here (issue 20)
  residentLists: spec({ indexes: 'id, name', version: 1, row: projectResidentList }),
  notices: spec({ indexes: 'id, from, to, createdAt', version: 1, row: projectNotice }),
  noticeTellings: spec({ indexes: 'id, noticeId, customerId, at', version: 1, row: projectTelling }),
  incidents: spec({ indexes: 'id, status, open, createdAt, *buildings', version: 1, row: projectIncident }),
  incidentCalls: spec({ indexes: 'id, incidentId, customerId, at', version: 1, row: incidentCallFromRecord }),
  // Corrective and preventive actions and the monthly major-case review (issue 21)
  actions: spec({ indexes: 'id, status, due, sourceRef, month, teamId', version: 1, row: projectAction }),
  reviews: spec({ indexes: 'id, month', version: 1, row: projectReview }),
} satisfies Record<CollectionName, CollectionSpec<any>>;

export type RowOf<C extends CollectionName> = ReturnType<(typeof COLLECTIONS)[C]['row']>;

export function collectionSpec(name: CollectionName): CollectionSpec {
  return COLLECTIONS[name] as CollectionSpec;
}

/** The projection tables' Dexie schema, for the newest database version. */
export function projectionSchema(): Record<CollectionName, string> {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, COLLECTIONS[c].indexes])) as Record<CollectionName, string>;
}

/** What a shard's stored projection was built with: rebuilt when this differs. */
export function projectionStamp(collections: readonly CollectionName[]): string {
  return collections.map((c) => `${c}:${COLLECTIONS[c].version}`).join(',');
}
