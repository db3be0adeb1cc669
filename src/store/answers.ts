import { answerFromRecord, saveAnswer as saveCommand, useAnswer, type AnswerInput, type AnswerRow } from '../domain/answers/answer';
import { answerInquiry as answerCommand } from '../domain/requests/inquiry';
import { fail, ok, type Result } from '../domain/result';
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
