import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import type { PinyinOf } from '../customers/types';
import { isDay, type Day } from '../days';
import { historyEntry, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { saveOfficeRecord, type OfficeRecordKind } from '../office-record';
import { fail, ok, type Problem, type Result } from '../result';

/**
 * A standard answer (标准答复): the office's one wording for a question staff hear again and
 * again, kept by a named colleague, reviewed by a date. Every use is a history entry
 * (`answer.used`), so two tablets counting uses offline both count (a number field would
 * keep only one of them).
 */
export interface StandardAnswer {
  id: string;
  category: string;
  title: string;
  wording: string;
  /** Bumped when the wording changes; a reply names the version it used. */
  version: number;
  effective: Day | '';
  review: Day | '';
  keeperId: string;
  keeperName: string;
  /** The office's other words for it (漏水 → 渗水, 滴水), found by the search too. */
  synonyms: string[];
  history: HistoryEntry[];
}

export type AnswerInput = Pick<StandardAnswer, 'category' | 'title' | 'wording' | 'effective' | 'review' | 'keeperId' | 'keeperName' | 'synonyms'>;

export interface AnswerRow extends Omit<StandardAnswer, 'history'> {
  uses: number;
  terms: string[];
}

function clean(input: AnswerInput): Result<AnswerInput> {
  const problems: Problem[] = [];
  const title = input.title.trim();
  const wording = input.wording.trim();
  const category = input.category.trim();
  if (!title) problems.push({ code: 'answer.error.titleRequired', field: 'title' });
  if (!wording) problems.push({ code: 'answer.error.wordingRequired', field: 'wording' });
  if (title.length > 200) problems.push({ code: 'error.tooLong', field: 'title', params: { max: 200 } });
  if (wording.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'wording', params: { max: LIMITS.note } });
  for (const f of ['effective', 'review'] as const) if (input[f] && !isDay(input[f])) problems.push({ code: 'answer.error.badDate', field: f });
  if (input.effective && input.review && input.review < input.effective) problems.push({ code: 'answer.error.reviewBeforeEffective', field: 'review' });
  const synonyms = [...new Set(input.synonyms.map((s) => s.trim()).filter(Boolean))];
  return problems.length ? fail(...problems) : ok({ ...input, title, wording, category, synonyms });
}

/** Standard answers: a new wording is a new version (the requests that used the old one keep its number). */
const ANSWERS: OfficeRecordKind<AnswerInput> = {
  collection: 'answers',
  fields: ['category', 'title', 'wording', 'effective', 'review', 'keeperId', 'keeperName', 'synonyms'],
  label: (field) => `answer.${field}`,
  versionOn: ['wording'],
};

export function saveAnswer(current: StandardAnswer | null, input: AnswerInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command | null }> {
  const cleaned = clean(input);
  return cleaned.ok ? saveOfficeRecord(ANSWERS, current, cleaned.value, ctx, id) : cleaned;
}

/** One use of the answer, from a request (counted on the answer). */
export function useAnswer(answer: Pick<StandardAnswer, 'id' | 'version'>, requestNumber: string, ctx: CommandContext): Command {
  return { shard: 'office', ops: [{ kind: 'log', collection: 'answers', id: answer.id, entry: historyEntry(ctx, 'answer.used', undefined, { request: requestNumber, version: answer.version }) }] };
}

/** Past its review date: flagged to its keeper. */
export const needsReview = (a: Pick<StandardAnswer, 'review'>, today: Day) => !!a.review && a.review <= today;

/**
 * Search terms, matched by prefix as the customer search does: every suffix of the title, the
 * category and each synonym (so any fragment is found), and the title's pinyin from each
 * syllable on plus its initials (louShui, ls).
 */
export function answerTerms(a: Pick<StandardAnswer, 'title' | 'category' | 'synonyms'>, pinyinOf?: PinyinOf): string[] {
  const terms = new Set<string>();
  for (const text of [a.title, a.category, ...a.synonyms]) {
    const s = text.toLowerCase().replace(/\s+/g, '');
    for (let i = 0; i < s.length; i++) terms.add(s.slice(i));
    const syllables = pinyinOf?.(text);
    if (syllables?.length) {
      for (let i = 0; i < syllables.length; i++) terms.add(syllables.slice(i).join(''));
      terms.add(syllables.map((x) => x[0]).join(''));
    }
  }
  return [...terms].filter(Boolean);
}

export function answerFromRecord(id: string, r: Record<string, unknown>): StandardAnswer {
  const s = (k: string) => String(r[k] ?? '');
  return {
    id, category: s('category'), title: s('title'), wording: s('wording'), version: Number(r.version ?? 1) || 1, effective: s('effective'), review: s('review'),
    keeperId: s('keeperId'), keeperName: s('keeperName'), synonyms: Array.isArray(r.synonyms) ? r.synonyms.map(String) : [],
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectAnswer(a: StandardAnswer, pinyinOf?: PinyinOf): AnswerRow {
  const { history, ...rest } = a;
  return { ...rest, uses: history.filter((h) => h.action === 'answer.used').length, terms: answerTerms(a, pinyinOf) };
}
