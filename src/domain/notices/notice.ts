import type { CommandContext } from '../actor';
import { isDay, type Day } from '../days';
import { historyEntry, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { shardOfRecord, type ShardName } from '../shards';
import { SPECIAL_NEEDS, type SpecialNeed } from '../residents/needs';
import { UNIT_USES, type UnitUse } from '../units/types';
import { AUDIENCE_SCOPES, NOTICE_KINDS, TELL_CHANNELS, type Audience, type Notice, type NoticeInput, type NoticeRow, type TellChannel, type Telling } from './types';
import { newLedgerRecord, registerLine } from '../ledger-record';

export * from './types';

/**
 * 通知/公告: a one-off notice, in force from–to, to an audience; posted on the lobby board,
 * phoned to those who must be phoned, and every telling recorded (告知登记). A notice lives in
 * the month ledger of its creation; its tellings live there too (a command writes one shard).
 */
export const noticeShard = (n: Pick<Notice, 'createdAt'>): ShardName => shardOfRecord('notices', { record: n });

function cleanAudience(a: Audience, facts: { listName: string | null }): Result<Audience> {
  if (!AUDIENCE_SCOPES.includes(a.scope)) return fail({ code: 'notice.error.scope', field: 'audience' });
  const buildings = [...new Set(a.buildings.map((b) => b.trim()).filter(Boolean))];
  const uses = [...new Set(a.uses)].filter((u): u is UnitUse => UNIT_USES.includes(u));
  if (a.scope === 'buildings' && !buildings.length) return fail({ code: 'notice.error.noBuildings', field: 'buildings' });
  if (a.scope === 'uses' && !uses.length) return fail({ code: 'notice.error.noUses', field: 'uses' });
  if (a.scope === 'list' && facts.listName === null) return fail({ code: 'notice.error.noList', field: 'listId' });
  return ok({
    scope: a.scope,
    buildings: a.scope === 'buildings' ? buildings : [],
    uses: a.scope === 'uses' ? uses : [],
    listId: a.scope === 'list' ? a.listId : '',
    listName: a.scope === 'list' ? (facts.listName ?? '') : '',
  });
}

/**
 * A new notice. `facts.listName`: the saved list's name when the audience is a list (null when
 * no such list exists on this tablet).
 */
export function createNotice(input: NoticeInput, ctx: CommandContext, facts: { listName: string | null } = { listName: null }, id = newId()): Result<{ id: string; command: Command }> {
  const problems: Problem[] = [];
  const title = input.title.trim();
  const body = input.body.trim();
  if (!NOTICE_KINDS.includes(input.kind)) problems.push({ code: 'notice.error.kind', field: 'kind' });
  if (!title) problems.push({ code: 'notice.error.titleRequired', field: 'title' });
  if (title.length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: 'title', params: { max: LIMITS.shortText } });
  if (!body) problems.push({ code: 'notice.error.bodyRequired', field: 'body' });
  if (body.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'body', params: { max: LIMITS.note } });
  if (!isDay(input.from)) problems.push({ code: 'notice.error.fromRequired', field: 'from' });
  if (!isDay(input.to)) problems.push({ code: 'notice.error.toRequired', field: 'to' });
  else if (isDay(input.from) && input.to < input.from) problems.push({ code: 'notice.error.toBeforeFrom', field: 'to' });
  const audience = cleanAudience(input.audience, facts);
  if (!audience.ok) problems.push(...audience.problems);
  if (problems.length || !audience.ok) return fail(...problems);
  const callNeeds = SPECIAL_NEEDS.filter((n) => input.callNeeds.includes(n));
  return ok(newLedgerRecord('notices', id, { kind: input.kind, title, body, audience: audience.value, callNeeds, from: input.from, to: input.to }, ctx));
}

/** Taken down early (撤下): it leaves 今日 and takes no more tellings; nothing is deleted. */
export function withdrawNotice(n: Notice, reason: string, ctx: CommandContext): Result<Command> {
  if (n.withdrawnAt) return fail({ code: 'notice.error.withdrawn' });
  const why = reason.trim();
  if (!why) return fail({ code: 'notice.error.reasonRequired', field: 'reason' });
  if (why.length > LIMITS.longText) return fail({ code: 'error.tooLong', field: 'reason', params: { max: LIMITS.longText } });
  return ok({
    shard: noticeShard(n),
    ops: [
      { kind: 'set', collection: 'notices', id: n.id, fields: { withdrawnAt: ctx.now, withdrawReason: why } },
      { kind: 'log', collection: 'notices', id: n.id, entry: historyEntry(ctx, 'notice.withdrawn', undefined, { reason: why }) },
    ],
  });
}

/**
 * One household told (一次告知). `facts.inAudience`: the customer is among those the notice is
 * for (the store works it out from the directory). A household told twice (by phone, then a
 * visit) is two lines: the register is what happened.
 */
export function tellHousehold(
  n: Notice, who: { id: string; name: string; unitCode: string }, channel: TellChannel, note: string, ctx: CommandContext, facts: { inAudience: boolean }, id = newId(),
): Result<{ id: string; command: Command }> {
  if (n.withdrawnAt) return fail({ code: 'notice.error.withdrawn' });
  if (!who.id) return fail({ code: 'notice.error.noCustomer', field: 'customer' });
  if (!facts.inAudience) return fail({ code: 'notice.error.notInAudience', field: 'customer', params: { name: who.name } });
  if (!TELL_CHANNELS.includes(channel)) return fail({ code: 'notice.error.channel', field: 'channel' });
  const text = note.trim();
  if (text.length > LIMITS.longText) return fail({ code: 'error.tooLong', field: 'note', params: { max: LIMITS.longText } });
  return ok(registerLine(noticeShard(n), 'noticeTellings', id, { noticeId: n.id, noticeCreatedAt: n.createdAt, customerId: who.id, customerName: who.name, unitCode: who.unitCode, channel, note: text }, ctx));
}

/** In force on this office day (shown on 今日). */
export const inForce = (n: Pick<NoticeRow, 'from' | 'to' | 'withdrawn'>, today: Day) => !n.withdrawn && n.from <= today && today <= n.to;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

function audienceFromRecord(v: unknown): Audience {
  const a = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return {
    scope: AUDIENCE_SCOPES.includes(a.scope as never) ? (a.scope as Audience['scope']) : 'all',
    buildings: strs(a.buildings), uses: strs(a.uses).filter((u): u is UnitUse => UNIT_USES.includes(u as UnitUse)),
    listId: str(a.listId), listName: str(a.listName),
  };
}

export function noticeFromRecord(id: string, r: Record<string, unknown>): Notice {
  return {
    id,
    kind: NOTICE_KINDS.includes(r.kind as never) ? (r.kind as Notice['kind']) : 'other',
    title: str(r.title), body: str(r.body), audience: audienceFromRecord(r.audience),
    callNeeds: strs(r.callNeeds).filter((n): n is SpecialNeed => SPECIAL_NEEDS.includes(n as SpecialNeed)),
    from: str(r.from), to: str(r.to), withdrawnAt: str(r.withdrawnAt), withdrawReason: str(r.withdrawReason),
    createdAt: str(r.createdAt), createdBy: str(r.createdBy), createdByName: str(r.createdByName),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectNotice(id: string, r: Record<string, unknown>): NoticeRow {
  const n = noticeFromRecord(id, r);
  return { id, kind: n.kind, title: n.title, from: n.from, to: n.to, withdrawn: !!n.withdrawnAt, audience: n.audience, callNeeds: n.callNeeds, createdAt: n.createdAt };
}

export function tellingFromRecord(id: string, r: Record<string, unknown>): Telling {
  return {
    id, noticeId: str(r.noticeId), noticeCreatedAt: str(r.noticeCreatedAt), customerId: str(r.customerId), customerName: str(r.customerName), unitCode: str(r.unitCode),
    channel: TELL_CHANNELS.includes(r.channel as never) ? (r.channel as TellChannel) : 'phone', note: str(r.note), at: str(r.at), by: str(r.by), byName: str(r.byName),
  };
}

export const projectTelling = (id: string, r: Record<string, unknown>): Telling => tellingFromRecord(id, r);
