import type { CommandContext } from '../actor';
import { newId } from '../ids';
import { combine, type Command } from '../ops';
import { takeRequest } from '../requests/lifecycle';
import { categoryAbout } from '../requests/category-words';
import type { Category, ServiceSettings } from '../requests/settings';
import type { RequestKind } from '../requests/types';
import { fail, ok, type Result } from '../result';
import { linkRequest, REQUEST_KIND_OF } from './remarks';
import type { CommunityEvent, RemarkRow } from './types';

/**
 * What a remark's service request will be — its kind, and the category its topic and words are
 * about among those that take that kind (`categoryAbout`) — or why it cannot be one. The store asks this first because the request's number is
 * drawn for its kind, and no number should be spent on a remark that is refused.
 */
export function remarkRequestKind(r: RemarkRow, settings: ServiceSettings): Result<{ kind: RequestKind; category: Category }> {
  const kind = REQUEST_KIND_OF[r.kind];
  if (!kind) return fail({ code: 'remark.error.notARequest' });
  if (r.requestId) return fail({ code: 'remark.error.alreadyLinked', params: { number: r.requestNumber } });
  const category = categoryAbout(`${r.topic} ${r.text}`, settings.categories.filter((c) => c.kinds.includes(kind)));
  if (!category) return fail({ code: 'remark.error.noCategory', params: { kind: `reqkind.${kind}` } });
  return ok({ kind, category });
}

export interface RemarkRequestFacts {
  settings: ServiceSettings;
  /** The number drawn for the request's kind (`remarkRequestKind`). */
  number: string;
  /** The customer's first phone, when the remark names a customer. */
  phone: string;
}

/**
 * One tap: the remark becomes a service request of its kind (channel 座谈会), linked both ways —
 * the request carries the event and remark ids and a history line, the remark the request's id
 * and number. The commands are combined: one when both are in the same ledger (the usual case),
 * so neither link exists without the other.
 */
export function requestFromRemark(e: CommunityEvent, r: RemarkRow, facts: RemarkRequestFacts, ctx: CommandContext, id = newId()): Result<{ id: string; number: string; commands: Command[] }> {
  const plan = remarkRequestKind(r, facts.settings);
  if (!plan.ok) return plan;
  const { kind, category } = plan.value;
  const made = takeRequest(
    {
      kind, category: category.id, urgency: 'normal', channel: 'seminar', description: r.text,
      customerId: r.customerId, customerName: r.customerName, unitCode: r.unitCode, phone: facts.phone,
      location: r.customerId || r.unitCode ? '' : e.place,
      fromEvent: { eventId: e.id, remarkId: r.id, eventTitle: e.title },
    },
    facts.number, facts.settings, ctx, id,
  );
  if (!made.ok) return made;
  const link = linkRequest(e, r, { id, number: facts.number }, ctx);
  if (!link.ok) return link;
  return ok({ id, number: facts.number, commands: combine(made.value.command, link.value) });
}
