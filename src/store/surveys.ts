import { ok, fail, type Result } from '../domain/result';
import { addWave as addWaveCommand, createSurvey as createCommand, surveyFromRecord, type Survey, type SurveyInput } from '../domain/surveys/survey';
import { isUnsatisfiedWithComment, linkRequest, projectResponse, recordResponse, type Answer, type ResponseChannel, type ResponseRow } from '../domain/surveys/response';
import type { Office } from './office-api';
import { residentList } from './queries/residents';
import { requestFromAnswer } from '../domain/surveys/to-request';
import { officeDay } from '../domain/requests/work-time';
import { makeSurveyTasks } from '../domain/tasks/survey-tasks';
import { myRole, takeRequest } from './requests';
import { serviceSettings } from './queries/settings';
import { followUpsToMake } from './queries/surveys';

export async function createSurvey(office: Office, input: SurveyInput): Promise<Result<string>> {
  // A saved list must be on this tablet; its name is kept with the survey (issue 20).
  const list = input.target.kind === 'list' && input.target.listId ? await residentList(office.db, input.target.listId) : undefined;
  const made = createCommand(input, office.context(), undefined, { listName: list ? list.name : null });
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function readSurvey(office: Office, id: string): Promise<Survey | null> {
  const r = await office.read('office', 'surveys', id);
  return r ? surveyFromRecord(id, r) : null;
}

export async function addWave(office: Office, surveyId: string, label: string, start: string): Promise<Result<void>> {
  const survey = await readSurvey(office, surveyId);
  if (!survey) return fail({ code: 'error.notFound' });
  const made = addWaveCommand(survey, label, start, office.context());
  return made.ok ? office.run(made.value) : made;
}

/** Saves one household's answers of one wave (its own record: see `responseId`). */
export async function saveResponse(office: Office, survey: Survey, wave: number, unitCode: string, channel: ResponseChannel, answers: Record<string, Answer>): Promise<Result<string>> {
  const exists = !!(await office.db.responses.get(`${survey.id}~${wave}~${unitCode}`));
  const made = recordResponse(survey, wave, unitCode, channel, answers, office.context(), exists);
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  if (!saved.ok) return saved;
  // An unhappy answer with a comment becomes a request as it is saved, not only if someone clicks.
  const record = await office.read(made.value.command.shard, 'responses', made.value.id);
  const row = record ? projectResponse(made.value.id, record) : null;
  if (row && !row.requestId && isUnsatisfiedWithComment(survey, row)) {
    const request = await requestFromResponse(office, survey, row);
    if (!request.ok) return request;
  }
  return ok(made.value.id);
}

/**
 * An unhappy answer with a comment becomes a service request (`requestFromAnswer`: a complaint
 * in the category it is about); the response keeps the request's id, so it is not made twice,
 * and the request keeps the answer's.
 */
export async function requestFromResponse(office: Office, survey: Survey, row: ResponseRow): Promise<Result<{ id: string; number: string }>> {
  if (row.requestId) return fail({ code: 'survey.error.alreadyRequest' });
  const wave = survey.waves.find((w) => w.n === row.wave);
  if (!wave) return fail({ code: 'survey.error.noWave' });
  const customer = (await office.db.customers.where('unitCodes').equals(row.unitCode).first()) ?? null;
  const made = await takeRequest(office, requestFromAnswer(survey, wave, row, await serviceSettings(office.db), customer));
  if (!made.ok) return made;
  const linked = await office.run(linkRequest(row, wave, made.value.id, made.value.number, office.context()));
  return linked.ok ? made : linked;
}

const TASKS_PER_COMMAND = 250;

/**
 * 未回复住户转为回访任务: the wave's households without an answer become tasks on 今日, due
 * today (the office's day). Written in commands of a few hundred (as `generateTasks`); pressing
 * again, here or on a tablet that has synced, makes nothing new. Resolves with how many were made.
 */
export async function makeSurveyFollowUps(office: Office, survey: Survey, wave: number, now = new Date()): Promise<Result<number>> {
  const today = officeDay(now, (await serviceSettings(office.db)).calendar);
  const [tasks, role] = await Promise.all([followUpsToMake(office.db, survey, wave, today), myRole(office)]);
  for (let i = 0; i < tasks.length || i === 0; i += TASKS_PER_COMMAND) {
    const made = makeSurveyTasks(tasks.slice(i, i + TASKS_PER_COMMAND), role, office.context());
    if (!made.ok) return made;
    for (const command of made.value) {
      const saved = await office.run(command);
      if (!saved.ok) return saved;
    }
  }
  return ok(tasks.length);
}
