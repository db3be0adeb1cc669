import type { ActionRow } from '../domain/actions/action';
import { monthBounds } from '../domain/indicators/period';
import { reviewCases, reviewComplaints, reviewId, type CaseReview, type ReviewCase } from '../domain/reviews/review';
import type { ServiceRequest } from '../domain/requests/types';
import type { StaffRow } from '../domain/staff/staff';
import { readReview } from './actions';
import type { Office } from './office-api';
import { actionsFrom, actionsFromAny, requestsOfMonth, reviewOf } from './queries/actions';
import { serviceSettings } from './queries/settings';
import { allStaff } from './queries/staff';
import { readRequest } from './requests';

export interface CaseReviewData {
  month: string;
  review: CaseReview | null;
  cases: ReviewCase[];
  /** Actions decided at the meeting itself (not from one complaint). */
  reviewActions: ActionRow[];
  staff: StaffRow[];
}

/**
 * What the monthly major-case review shows and prints: the month's complaints (the domain's
 * `reviewComplaints` chooses them), each with its cause from the investigation and the actions
 * raised from it, the actions decided at the meeting, and who attended.
 */
export async function loadCaseReview(office: Office, month: string): Promise<CaseReviewData> {
  // The review's projection row first: the page re-reads when the review changes (attendance, facts).
  await reviewOf(office.db, month);
  const settings = await serviceSettings(office.db);
  const bounds = monthBounds(month, settings.calendar.utcOffset);
  const rows = reviewComplaints(await requestsOfMonth(office.db, bounds), (iso) => iso >= bounds.start && iso < bounds.end);
  const full = (await Promise.all(rows.map((r) => readRequest(office, r.id)))).filter((r): r is ServiceRequest => !!r);
  const actions = await actionsFromAny(office.db, full.map((r) => `requests/${r.id}`));
  return {
    month,
    review: await readReview(office, month),
    cases: reviewCases(full, actions),
    reviewActions: await actionsFrom(office.db, `reviews/${reviewId(month)}`),
    staff: await allStaff(office.db),
  };
}
