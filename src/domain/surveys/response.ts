import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { shardOfRecord } from '../shards';
import { isSatisfied, type Survey, type Wave } from './survey';
import { buildingOf, projectResponse, RESPONSE_CHANNELS, type ResponseChannel, type ResponseRow } from './records';

export { projectResponse, RESPONSE_CHANNELS, type ResponseChannel, type ResponseRow };

/** An answer: a level (scale), a choice index (single), choice indexes (multiple), or text. */
export type Answer = number | number[] | string;

/**
 * ONE record per household per wave, its id made from the survey, the wave and the unit. Two
 * staff keying in paper forms offline each write their own households' records, so nothing is
 * overwritten; the answers are one field per question (`a.<questionId>`), so two people
 * correcting two questions of one household both keep theirs. Staff who key in the very same
 * household twice meet in one record, the later answer to a question winning.
 */
export const responseId = (surveyId: string, wave: number, unitCode: string) => `${surveyId}~${wave}~${unitCode}`;

/** Responses live in the ledger of January of the year their wave opened (why January: `shardOfRecord`). */
export const responseShard = (wave: Wave) => shardOfRecord('responses', { record: { waveStart: wave.start } });


/**
 * Records (or corrects) one household's answers in one wave. Only answered questions are
 * written, each to its own field; an unanswered question stays as it was.
 */
export function recordResponse(
  survey: Survey,
  waveN: number,
  unitCode: string,
  channel: ResponseChannel,
  answers: Record<string, Answer>,
  ctx: CommandContext,
  exists: boolean,
): Result<{ id: string; command: Command }> {
  const wave = survey.waves.find((w) => w.n === waveN);
  if (!wave) return fail({ code: 'survey.error.noWave' });
  if (!unitCode) return fail({ code: 'survey.error.noUnit' });
  const problems: Problem[] = [];
  const fields: Record<string, unknown> = {};
  for (const q of survey.questions) {
    const a = answers[q.id];
    if (a === undefined || a === '' || (Array.isArray(a) && !a.length)) continue;
    const n = survey.questions.indexOf(q) + 1;
    if (q.type === 'scale' && !(typeof a === 'number' && Number.isInteger(a) && a >= 1 && a <= survey.levels))
      problems.push({ code: 'survey.error.level', field: q.id, params: { n, levels: survey.levels } });
    else if (q.type === 'single' && !(typeof a === 'number' && a >= 0 && a < q.options.length)) problems.push({ code: 'survey.error.choice', field: q.id, params: { n } });
    else if (q.type === 'multiple' && !(Array.isArray(a) && a.every((i) => i >= 0 && i < q.options.length))) problems.push({ code: 'survey.error.choice', field: q.id, params: { n } });
    else if (q.type === 'text' && !(typeof a === 'string' && a.length <= LIMITS.shortText * 5)) problems.push({ code: 'error.tooLong', field: q.id, params: { max: LIMITS.shortText * 5 } });
    fields[`a.${q.id}`] = typeof a === 'string' ? a.trim() : a;
    fields[`t.${q.id}`] = q.type;
  }
  if (problems.length) return fail(...problems);
  if (!Object.keys(fields).length) return fail({ code: 'survey.error.empty' });
  if (!RESPONSE_CHANNELS.includes(channel)) return fail({ code: 'survey.error.channel' });
  const id = responseId(survey.id, waveN, unitCode);
  const changed = survey.questions.filter((q) => fields[`a.${q.id}`] !== undefined).map((q) => q.id);
  return ok({
    id,
    command: {
      shard: responseShard(wave),
      ops: [
        { kind: 'set', collection: 'responses', id, upsert: true, fields: { surveyId: survey.id, wave: waveN, unitCode, channel, at: ctx.now, by: ctx.actor.staffId, ...fields } },
        { kind: 'log', collection: 'responses', id, entry: historyEntry(ctx, exists ? 'history.updated' : 'history.created', undefined, { questions: changed, channel }) },
      ],
    },
  });
}

/** Marks a response as having become a service request (so it is not turned into two). */
export function linkRequest(row: ResponseRow, wave: Wave, requestId: string, requestNumber: string, ctx: CommandContext): Command {
  return {
    shard: responseShard(wave),
    ops: [
      { kind: 'set', collection: 'responses', id: row.id, fields: { requestId } },
      { kind: 'log', collection: 'responses', id: row.id, entry: historyEntry(ctx, 'survey.requestMade', undefined, { requestId, number: requestNumber }) },
    ],
  };
}

/** An answer below the cut-off with a comment: the office should act on it. */
export const isUnsatisfiedWithComment = (survey: Pick<Survey, 'satisfiedFrom'>, row: ResponseRow) =>
  row.lowest > 0 && !isSatisfied(survey, row.lowest) && row.comment.length > 0;

/** Response rate per building: targeted households, those who answered, the share. */
export function responseRates(targeted: readonly string[], rows: readonly ResponseRow[]): { building: string; targeted: number; answered: number; rate: number | null }[] {
  const answered = new Set(rows.map((r) => r.unitCode));
  const by = new Map<string, { targeted: number; answered: number }>();
  for (const code of targeted) {
    const b = buildingOf(code);
    const e = by.get(b) ?? { targeted: 0, answered: 0 };
    e.targeted++;
    if (answered.has(code)) e.answered++;
    by.set(b, e);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh', { numeric: true }))
    .map(([building, e]) => ({ building, ...e, rate: e.targeted ? (e.answered / e.targeted) * 100 : null }));
}

/** The targeted households with no answer yet: the follow-up list. */
export const nonRespondents = (targeted: readonly string[], rows: readonly ResponseRow[]) => {
  const answered = new Set(rows.map((r) => r.unitCode));
  return targeted.filter((c) => !answered.has(c));
};

/** One wave's figures, to compare waves: households answered, scale answers, satisfied among them. */
export function waveSummary(survey: Pick<Survey, 'satisfiedFrom'>, rows: readonly ResponseRow[]): { answered: number; answers: number; satisfied: number; rate: number | null } {
  const levels = rows.flatMap((r) => Object.values(r.levels));
  const satisfied = levels.filter((l) => isSatisfied(survey, l)).length;
  return { answered: rows.length, answers: levels.length, satisfied, rate: levels.length ? (satisfied / levels.length) * 100 : null };
}
