import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { closeRequest } from './lifecycle';
import type { ServiceRequest } from './types';

/**
 * 答复: an inquiry (or suggestion, praise) answered and closed, the reply on its timeline —
 * with the standard answer and wording version it came from, when it did.
 */
export function answerInquiry(req: ServiceRequest, reply: string, from: { title: string; version: number } | null, ctx: CommandContext): Result<Command> {
  if (!['inquiry', 'suggestion', 'praise'].includes(req.kind)) return fail({ code: 'request.error.notAnswerable' });
  const text = reply.trim();
  if (!text) return fail({ code: 'request.error.replyRequired', field: 'reply' });
  const closed = closeRequest(req, ctx, '', text);
  if (!closed.ok) return closed;
  const answered = { action: 'request.answered', data: { reply: text, ...(from ? { answer: from.title, version: from.version } : {}) } };
  return ok({ ...closed.value, ops: closed.value.ops.map((op) => (op.kind === 'log' ? { ...op, entry: { ...op.entry, ...answered } } : op)) });
}
