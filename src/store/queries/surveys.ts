import type { ResponseRow } from '../../domain/surveys/response';
import { targetUnits, type SurveyRow } from '../../domain/surveys/survey';
import { unitSortKey } from '../../domain/unit';
import type { LinliDB } from '../db';

export function listSurveys(db: LinliDB): Promise<SurveyRow[]> {
  return db.surveys.orderBy('createdAt').reverse().toArray();
}

export function responsesOf(db: LinliDB, surveyId: string, wave: number): Promise<ResponseRow[]> {
  return db.responses.where('[surveyId+wave]').equals([surveyId, wave]).toArray();
}

/** The households a survey goes to, in building and unit order (the order of the entry grid and the printed forms). */
export async function surveyHouseholds(db: LinliDB, survey: SurveyRow): Promise<string[]> {
  const [units, customers] = await Promise.all([db.units.toArray(), db.customers.toArray()]);
  const codes = targetUnits(survey.target, units, customers.map((c) => ({ kind: c.kind, tags: c.tags, unitCodes: c.unitCodes })));
  return codes.sort((a, b) => unitSortKey(a).localeCompare(unitSortKey(b)));
}

/** The first customer of each unit (owner first), to name the household on the grid and the paper. */
export async function householdNames(db: LinliDB, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.customers.where('unitCodes').anyOf(codes as string[]).toArray();
  const out = new Map<string, string>();
  for (const c of rows.sort((a, b) => (a.kind === 'owner' ? -1 : 0) - (b.kind === 'owner' ? -1 : 0))) {
    if (!out.has(c.unitCode) && c.unitCode) out.set(c.unitCode, c.name);
  }
  return out;
}
