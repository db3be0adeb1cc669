import type { AnswerRow } from '../../domain/answers/answer';
import type { ReadonlyDB } from '../readonly-db';

/**
 * The customer search's approach on the office's answers: prefix terms (fragments, pinyin,
 * initials, synonyms) from the projection, so it works offline. A query in Latin letters is
 * matched against the pinyin terms as typed; several words must all match.
 */
export async function searchAnswers(db: ReadonlyDB, query: string, limit = 20): Promise<AnswerRow[]> {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return db.answers.orderBy('category').limit(100).toArray();
  const found = await db.answers.where('terms').startsWith(words[0]).distinct().toArray();
  const rows = found.filter((a) => words.every((w) => a.terms.some((t) => t.startsWith(w))));
  const rank = (a: AnswerRow) => (a.title.toLowerCase().includes(words[0]) ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || b.uses - a.uses).slice(0, limit);
}

/** Answers whose review date has come, for their keeper. */
export function answersToReview(db: ReadonlyDB, keeperId: string, today: string): Promise<AnswerRow[]> {
  return db.answers.where('review').between('0', today, true, true).filter((a) => a.keeperId === keeperId).toArray();
}

/** One answer's row (opened from 今日 to be reviewed). */
export function answerRow(db: ReadonlyDB, id: string): Promise<AnswerRow | undefined> {
  return db.answers.get(id);
}
