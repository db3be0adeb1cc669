import type { ResponseRow } from '../../domain/surveys/response';
import { targetUnits, type SurveyRow } from '../../domain/surveys/survey';
import { unitSortKey } from '../../domain/units/unit';
import type { CustomerRow } from '../../domain/customers/types';
import type { Day } from '../../domain/days';
import { surveyFollowUpTasks, surveyTaskRef, type SurveyHousehold } from '../../domain/tasks/survey-tasks';
import type { Task } from '../../domain/tasks/task';
import type { ReadonlyDB } from '../readonly-db';
import { membersOfList } from '../../domain/residents/saved-list';
import { listFilter } from './residents';

export function listSurveys(db: ReadonlyDB): Promise<SurveyRow[]> {
  return db.surveys.orderBy('createdAt').reverse().toArray();
}

export function responsesOf(db: ReadonlyDB, surveyId: string, wave: number): Promise<ResponseRow[]> {
  return db.responses.where('[surveyId+wave]').equals([surveyId, wave]).toArray();
}

/** The households a survey goes to, in building and unit order (the order of the entry grid and the printed forms). */
export async function surveyHouseholds(db: ReadonlyDB, survey: SurveyRow): Promise<string[]> {
  const t = survey.target;
  const [units, customers, list] = await Promise.all([db.units.toArray(), db.customers.toArray(), t.kind === 'list' ? listFilter(db, t.listId) : null]);
  const asTarget = (rows: CustomerRow[]) => rows.map((c) => ({ kind: c.kind, tags: c.tags, unitCodes: c.unitCodes }));
  // A saved list (issue 20) resolves as for notices and plans: its members in the directory now.
  const members = t.kind === 'list' ? asTarget(membersOfList(list, customers, new Date().getFullYear())) : [];
  const codes = targetUnits(t, units, asTarget(customers), members);
  return codes.sort((a, b) => unitSortKey(a).localeCompare(unitSortKey(b)));
}

/** The first customer of each unit (owner first), to name the household on the grid and the paper. */
export async function householdCustomers(db: ReadonlyDB, codes: readonly string[]): Promise<Map<string, Pick<CustomerRow, 'id' | 'name' | 'consent'>>> {
  const rows = await db.customers.where('unitCodes').anyOf(codes as string[]).toArray();
  const out = new Map<string, Pick<CustomerRow, 'id' | 'name' | 'consent'>>();
  for (const c of rows.sort((a, b) => (a.kind === 'owner' ? -1 : 0) - (b.kind === 'owner' ? -1 : 0))) {
    if (!out.has(c.unitCode) && c.unitCode) out.set(c.unitCode, { id: c.id, name: c.name, consent: c.consent !== false });
  }
  return out;
}

export async function householdNames(db: ReadonlyDB, codes: readonly string[]): Promise<Map<string, string>> {
  return new Map([...(await householdCustomers(db, codes))].map(([code, c]) => [code, c.name]));
}

/** The households of a survey as its follow-ups need them, in building and unit order. */
export async function followUpHouseholds(db: ReadonlyDB, survey: SurveyRow): Promise<SurveyHousehold[]> {
  const codes = await surveyHouseholds(db, survey);
  const customers = await householdCustomers(db, codes);
  return codes.map((unitCode) => {
    const c = customers.get(unitCode);
    return { unitCode, customerId: c?.id ?? '', name: c?.name ?? '', consent: c?.consent ?? true };
  });
}

/**
 * The follow-up tasks pressing 未回复住户转为回访任务 would write for one wave, due `today`:
 * targeted households without a response and without a follow-up task of the wave on this
 * device (see `surveyFollowUpTasks`). `households` when the caller holds them already (a live
 * count need not read every customer again on each answer keyed in).
 */
export async function followUpsToMake(db: ReadonlyDB, survey: SurveyRow, wave: number, today: Day, households?: SurveyHousehold[]): Promise<Task[]> {
  const [list, responses, held] = await Promise.all([
    households ?? followUpHouseholds(db, survey),
    responsesOf(db, survey.id, wave),
    db.tasks.where('ref').equals(surveyTaskRef(survey.id, wave)).toArray(),
  ]);
  return surveyFollowUpTasks(survey, wave, list, responses, new Set(held.filter((t) => t.source === 'survey').map((t) => t.unitCode)), today);
}
