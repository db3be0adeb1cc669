import type { CommandContext } from '../actor';
import { isDay } from '../days';
import { historyEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { buildingOf, DEFAULT_SATISFIED_FROM, projectSurvey, surveyFromRecord, type SurveyRow } from './records';
import type { Question, QuestionType, Survey, SurveyTarget } from './types';

export { buildingOf, DEFAULT_SATISFIED_FROM, projectSurvey, surveyFromRecord, type SurveyRow };
export * from './types';

export const DEFAULT_LABELS: Record<5 | 7, string[]> = {
  5: ['很不满意', '不满意', '一般', '满意', '很满意'],
  7: ['极不满意', '很不满意', '不满意', '一般', '满意', '很满意', '非常满意'],
};
/** Whether a level of a scale question counts as satisfied in this survey. */
export const isSatisfied = (survey: Pick<Survey, 'satisfiedFrom'>, level: number) => level >= survey.satisfiedFrom;

export interface SurveyInput {
  title: string;
  intro: string;
  levels: 5 | 7;
  satisfiedFrom: number;
  questions: { id?: string; type: QuestionType; text: string; options: string[] }[];
  target: SurveyTarget;
  firstWave: { label: string; start: string };
}

/** `listName`: the saved list's name when the survey goes to one, null when this tablet holds no such list. */
export interface SurveyFacts {
  listName: string | null;
}

function check(input: SurveyInput, facts: SurveyFacts): Problem[] {
  const problems: Problem[] = [];
  if (input.target.kind === 'list' && (!input.target.listId || facts.listName === null)) problems.push({ code: 'survey.error.noList', field: 'listId' });
  if (!input.title.trim()) problems.push({ code: 'survey.error.titleRequired', field: 'title' });
  if (input.title.length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: 'title', params: { max: LIMITS.shortText } });
  if (input.levels !== 5 && input.levels !== 7) problems.push({ code: 'survey.error.levels', field: 'levels' });
  if (!Number.isInteger(input.satisfiedFrom) || input.satisfiedFrom < 2 || input.satisfiedFrom > input.levels)
    problems.push({ code: 'survey.error.satisfiedFrom', field: 'satisfiedFrom', params: { max: input.levels } });
  if (!input.questions.length) problems.push({ code: 'survey.error.noQuestions', field: 'questions' });
  input.questions.forEach((q, i) => {
    if (!q.text.trim()) problems.push({ code: 'survey.error.questionText', field: `q${i}`, params: { n: i + 1 } });
    if (q.type === 'scale' && q.options.length !== input.levels) problems.push({ code: 'survey.error.scaleLabels', field: `q${i}`, params: { n: i + 1, levels: input.levels } });
    if ((q.type === 'single' || q.type === 'multiple') && q.options.filter((o) => o.trim()).length < 2)
      problems.push({ code: 'survey.error.choices', field: `q${i}`, params: { n: i + 1 } });
  });
  if (!isDay(input.firstWave.start)) problems.push({ code: 'survey.error.waveStart', field: 'start' });
  return problems;
}

export function createSurvey(input: SurveyInput, ctx: CommandContext, id = newId(), facts: SurveyFacts = { listName: null }): Result<{ id: string; command: Command }> {
  const problems = check(input, facts);
  if (problems.length) return fail(...problems);
  const questions: Question[] = input.questions.map((q, i) => ({
    id: q.id || `q${i + 1}`,
    type: q.type,
    text: q.text.trim(),
    options: q.type === 'text' ? [] : q.options.map((o) => o.trim()).filter(Boolean),
  }));
  const fields = {
    title: input.title.trim(), intro: input.intro.trim(), levels: input.levels, satisfiedFrom: input.satisfiedFrom, questions,
    target: input.target.kind === 'list' ? { kind: 'list', listId: input.target.listId, listName: facts.listName ?? '' } : input.target, waves: [{ n: 1, label: input.firstWave.label.trim() || '1', start: input.firstWave.start }],
    createdAt: ctx.now, createdBy: ctx.actor.staffId,
  };
  return ok({
    id,
    command: {
      shard: 'office',
      ops: [
        { kind: 'create', collection: 'surveys', id, fields },
        { kind: 'log', collection: 'surveys', id, entry: historyEntry(ctx, 'history.created') },
      ],
    },
  });
}

/** The same questionnaire again: a new wave, numbered after the last. */
export function addWave(survey: Survey, label: string, start: string, ctx: CommandContext): Result<Command> {
  if (!isDay(start)) return fail({ code: 'survey.error.waveStart', field: 'start' });
  const n = Math.max(0, ...survey.waves.map((w) => w.n)) + 1;
  const waves = [...survey.waves, { n, label: label.trim() || String(n), start }];
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'surveys', id: survey.id, fields: { waves } },
      { kind: 'log', collection: 'surveys', id: survey.id, entry: historyEntry(ctx, 'survey.waveAdded', undefined, { wave: n, label: label.trim(), start }) },
    ],
  });
}

/** A customer as targeting needs it. */
export interface TargetCustomer {
  kind: string;
  tags: string[];
  unitCodes: string[];
}

/**
 * The households a survey goes to: unit codes. All: every unit that is not a parking space (or,
 * in an office without a unit register, every unit a customer lives in); by building; by
 * customer type or tag: the units of the customers who match; a saved list: the units of its
 * members, which the caller resolved with `membersOfList` (the resolver notices and plans use).
 */
export function targetUnits(
  target: SurveyTarget,
  units: readonly { code: string; building: string; use: string }[],
  customers: readonly TargetCustomer[],
  listMembers: readonly TargetCustomer[] = [],
): string[] {
  const household = units.filter((u) => u.use !== 'parking').map((u) => u.code);
  const base = household.length ? household : [...new Set(customers.flatMap((c) => c.unitCodes))];
  const pick = (pred: (c: TargetCustomer) => boolean) => {
    const codes = new Set(customers.filter(pred).flatMap((c) => c.unitCodes));
    return base.filter((code) => codes.has(code));
  };
  switch (target.kind) {
    case 'all':
      return base;
    case 'building':
      return base.filter((code) => target.buildings.includes(buildingOf(code)));
    case 'type':
      return pick((c) => target.customerKinds.includes(c.kind));
    case 'tag':
      return pick((c) => c.tags.some((t) => target.tags.includes(t)));
    case 'list': {
      const codes = new Set(listMembers.flatMap((c) => c.unitCodes));
      return base.filter((code) => codes.has(code));
    }
  }
}

