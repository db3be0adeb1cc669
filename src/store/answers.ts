import { answerFromRecord, saveAnswer as saveCommand, useAnswer, type AnswerInput, type AnswerRow } from '../domain/answers/answer';
import { answerInquiry as answerCommand } from '../domain/requests/inquiry';
import { fail, ok, type Result } from '../domain/result';
import type { LinliDB } from './db';
import type { Office } from './office-api';
import { loadTextPinyin } from './pinyin';
import { runStep } from './requests';

export async function saveAnswer(office: Office, id: string | null, input: AnswerInput): Promise<Result<string>> {
  await office.load('office');
  const record = id ? await office.read('office', 'answers', id) : null;
  if (id && !record) return fail({ code: 'error.notFound' });
  const made = saveCommand(record && id ? answerFromRecord(id, record) : null, input, office.context());
  if (!made.ok) return made;
  if (!made.value.command) return ok(made.value.id);
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

/**
 * The customer search's approach on the office's answers: prefix terms (fragments, pinyin,
 * initials, synonyms) from the projection, so it works offline. A query in Latin letters is
 * matched against the pinyin terms as typed; several words must all match.
 */
export async function searchAnswers(db: LinliDB, query: string, limit = 20): Promise<AnswerRow[]> {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return db.answers.orderBy('category').limit(100).toArray();
  const found = await db.answers.where('terms').startsWith(words[0]).distinct().toArray();
  const rows = found.filter((a) => words.every((w) => a.terms.some((t) => t.startsWith(w))));
  const rank = (a: AnswerRow) => (a.title.toLowerCase().includes(words[0]) ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || b.uses - a.uses).slice(0, limit);
}

/** Answers whose review date has come, for their keeper. */
export function answersToReview(db: LinliDB, keeperId: string, today: string): Promise<AnswerRow[]> {
  return db.answers.where('review').between('0', today, true, true).filter((a) => a.keeperId === keeperId).toArray();
}

/**
 * A 咨询 answered (and closed) with the given reply; when it came from a standard answer, the
 * answer's use is counted (a second command, on the office document: the reply stands even if
 * the count is not written).
 */
export async function answerInquiry(office: Office, requestId: string, reply: string, answer: Pick<AnswerRow, 'id' | 'version' | 'title'> | null): Promise<Result<void>> {
  let number = '';
  const closed = await runStep(office, requestId, (req, ctx) => {
    number = req.number;
    return answerCommand(req, reply, answer, ctx);
  });
  if (!closed.ok || !answer) return closed;
  return office.run(useAnswer(answer, number, office.context()));
}

export { loadTextPinyin };
