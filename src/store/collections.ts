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
import type { CollectionName } from '../domain/shards';
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
 * name, whose indexes are in `collection-indexes.ts`), and the version of that projection.
 */
export interface CollectionSpec<Row extends { id: string } = { id: string }> {
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
 * collection without its projection does not compile; the projection (`shard-doc.ts`) is
 * derived from it, and the Dexie schema (`db.ts`) from its twin `collection-indexes.ts` (the
 * index specs alone, which the page needs on its first screen without this file's imports).
 * Adding a record type: README § Adding a record type.
 */
export const COLLECTIONS = {
  settings: spec<SettingsRow>({
    version: 1,
    row: (id, r) => {
      const { history: _history, ...data } = r;
      return { id, name: String(r.name ?? ''), data };
    },
  }),
  staff: spec({ version: 1, row: staffFromRecord }),
  customers: spec({
    // 7: unitFrom/unitTo on the row (lists filter on relation dates, issue 20).
    version: 7,
    row: (id, r) => projectCustomer(customerFromRecord(id, r), pinyinOf() ?? undefined),
    prepare: loadPinyin,
  }),
  units: spec({ version: 2, row: projectUnit }),
  contacts: spec({ version: 1, row: projectContact }),
  requests: spec({
    // 5: origin, validity, staff concerned and praised (issue 21).
    version: 5,
    row: (id, r) => projectRequest(requestFromRecord(id, r)),
  }),
  followups: spec({ version: 1, row: projectFollowUp }),
  // The front desk's day (今日)
  templates: spec({ version: 1, row: projectTemplate }),
  // version 2: a group may name a saved list (`listId`, `listName`; issue 20)
  plans: spec({ version: 2, row: projectPlan }),
  answers: spec({
    version: 1,
    row: (id, r) => projectAnswer(answerFromRecord(id, r), textPinyinOf() ?? undefined),
    prepare: loadTextPinyin,
  }),
  // 2: survey follow-ups keep their source (a device of before projected them as care tasks).
  tasks: spec({ version: 2, row: projectTask }),
  taskResults: spec({ version: 1, row: projectTaskResult }),
  // Seminars, club and activities (issue 10)
  events: spec({ version: 1, row: (id, r) => projectEvent(eventFromRecord(id, r)) }),
  eventItems: spec({ version: 1, row: projectItem }),
  attendance: spec({ version: 1, row: projectAttendance }),
  remarks: spec({ version: 1, row: projectRemark }),
  // version 2: `scans` (issue 19, pictures); `number`, `period` (issue 21, every paper filed) — 3 for both
  papers: spec({ version: 3, row: projectPaper }),
  // Surveys and the indicator dashboard
  surveys: spec({ version: 1, row: projectSurvey }),
  responses: spec({ version: 1, row: projectResponse }),
  reports: spec({ version: 1, row: projectReport }),
  // Moves (issue 20): relations to units with dates, handovers, renovations and their inspections
  tenures: spec({ version: 1, row: projectTenure }),
  handovers: spec({ version: 1, row: projectHandover }),
  // version 2: the contractor on the row (装修一览, issue 20)
  renovations: spec({ version: 2, row: projectRenovation }),
  renovationChecks: spec({ version: 1, row: projectCheck }),
  // Notices, incidents and lists of the people who live here (issue 20)
  residentLists: spec({ version: 1, row: projectResidentList }),
  notices: spec({ version: 1, row: projectNotice }),
  noticeTellings: spec({ version: 1, row: projectTelling }),
  incidents: spec({ version: 1, row: projectIncident }),
  incidentCalls: spec({ version: 1, row: incidentCallFromRecord }),
  // Corrective and preventive actions and the monthly major-case review (issue 21)
  actions: spec({ version: 1, row: projectAction }),
  reviews: spec({ version: 1, row: projectReview }),
} satisfies Record<CollectionName, CollectionSpec<any>>;

export type RowOf<C extends CollectionName> = ReturnType<(typeof COLLECTIONS)[C]['row']>;

export function collectionSpec(name: CollectionName): CollectionSpec {
  return COLLECTIONS[name] as CollectionSpec;
}

/** What a shard's stored projection was built with: rebuilt when this differs. */
export function projectionStamp(collections: readonly CollectionName[]): string {
  return collections.map((c) => `${c}:${COLLECTIONS[c].version}`).join(',');
}
