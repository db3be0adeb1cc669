import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { historyEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { shardOfRecord } from '../shards';
import { fail, ok, type Result } from '../result';

/** Every way a customer reaches the office, or the office reaches them. */
export type ContactChannel = 'phone' | 'walkIn' | 'visit' | 'email' | 'web' | 'wechat' | 'seminar' | 'letter';
export const CONTACT_CHANNELS: ContactChannel[] = ['phone', 'walkIn', 'visit', 'email', 'web', 'wechat', 'seminar', 'letter'];

export interface ContactInput {
  customerId: string;
  unitCode: string;
  channel: ContactChannel;
  summary: string;
  /** When it happened; defaults to now. */
  at?: string;
  requestId?: string;
}

/** A line of the contact log (接触记录) as the projection keeps it. */
export interface ContactRow {
  id: string;
  customerId: string;
  unitCode: string;
  channel: ContactChannel;
  at: string;
  by: string;
  byName: string;
  summary: string;
  requestId: string;
}

/** Contacts live in the ledger of the month they were logged in (not the month `at` names: that can be back-dated). */
export function logContact(input: ContactInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  const summary = input.summary.trim();
  if (!input.customerId) return fail({ code: 'contact.error.customerRequired', field: 'customerId' });
  if (!CONTACT_CHANNELS.includes(input.channel)) return fail({ code: 'contact.error.badChannel', field: 'channel' });
  if (!summary) return fail({ code: 'contact.error.summaryRequired', field: 'summary' });
  if (summary.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'summary', params: { max: LIMITS.note } });
  const at = input.at ?? ctx.now;
  if (Number.isNaN(Date.parse(at))) return fail({ code: 'contact.error.badTime', field: 'at' });
  return ok({
    id,
    command: {
      shard: shardOfRecord('contacts', { record: { createdAt: ctx.now } }),
      ops: [
        {
          kind: 'create',
          collection: 'contacts',
          id,
          fields: { customerId: input.customerId, unitCode: input.unitCode, channel: input.channel, at, requestId: input.requestId ?? '', by: ctx.actor.staffId, byName: ctx.actor.name, createdAt: ctx.now },
          texts: { summary },
        },
        { kind: 'log', collection: 'contacts', id, entry: historyEntry(ctx, 'history.created') },
      ],
    },
  });
}

export function projectContact(id: string, r: Record<string, unknown>): ContactRow {
  const channel = CONTACT_CHANNELS.includes(r.channel as ContactChannel) ? (r.channel as ContactChannel) : 'phone';
  return {
    id,
    customerId: String(r.customerId ?? ''),
    unitCode: String(r.unitCode ?? ''),
    channel,
    at: String(r.at ?? ''),
    by: String(r.by ?? ''),
    byName: String(r.byName ?? ''),
    summary: String(r.summary ?? ''),
    requestId: String(r.requestId ?? ''),
  };
}
