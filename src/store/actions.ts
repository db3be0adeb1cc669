import { actionFromRecord, actionShard, checkAction, createAction, markActionDone, type ActionInput, type ActionVerdict, type CorrectiveAction } from '../domain/actions/action';
import { ok, fail, type Result } from '../domain/result';
import { reviewFromRecord, reviewId, reviewShard, saveReview, setReviewAttendance, type CaseReview, type ReviewFields } from '../domain/reviews/review';
import type { Office } from './office-api';
import { myRole } from './requests';

// Corrective and preventive actions and the monthly major-case review (issue 21): read, ask the domain, run.

export async function readAction(office: Office, id: string): Promise<CorrectiveAction | null> {
  const row = await office.db.actions.get(id);
  if (!row) return null;
  const r = await office.read(actionShard(row), 'actions', id);
  return r ? actionFromRecord(id, r) : null;
}

export async function raiseAction(office: Office, input: ActionInput): Promise<Result<string>> {
  const made = createAction(input, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function finishAction(office: Office, id: string, note: string): Promise<Result<void>> {
  const a = await readAction(office, id);
  if (!a) return fail({ code: 'action.error.notFound' });
  const c = markActionDone(a, note, office.context());
  return c.ok ? office.run(c.value) : c;
}

export async function verifyAction(office: Office, id: string, verdict: ActionVerdict, note: string, newDue = ''): Promise<Result<void>> {
  const a = await readAction(office, id);
  if (!a) return fail({ code: 'action.error.notFound' });
  const c = checkAction(a, verdict, note, await myRole(office), office.context(), newDue);
  return c.ok ? office.run(c.value) : c;
}

export async function readReview(office: Office, month: string): Promise<CaseReview | null> {
  const r = await office.read(reviewShard(month), 'reviews', reviewId(month));
  return r ? reviewFromRecord(reviewId(month), r) : null;
}

export async function saveCaseReview(office: Office, month: string, fields: ReviewFields): Promise<Result<void>> {
  const c = saveReview(await readReview(office, month), month, fields, office.context());
  return c.ok ? office.run(c.value) : c;
}

export function markReviewAttendance(office: Office, month: string, staff: { id: string; name: string }, present: boolean): Promise<Result<void>> {
  return office.run(setReviewAttendance(month, staff, present, office.context()));
}
