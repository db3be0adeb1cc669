import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command, Op } from '../ops';
import { fail, ok, type Result } from '../result';
import { canonicalUnitCode } from '../units/unit-code';
import { eventShard } from './record';
import { INVITE_STATUSES, PRESENCES, type AttendanceRow, type CommunityEvent, type InviteGroups, type InviteStatus, type Presence } from './types';

export interface Invitee {
  customerId: string;
  name: string;
  unitCode: string;
  kind?: string;
  tags?: string[];
}

/** Whether a customer belongs to the plan's invited groups (by building, customer type or tag; no groups = nobody). */
export function inGroups(c: Invitee, g: InviteGroups): boolean {
  const building = (canonicalUnitCode(c.unitCode) ?? c.unitCode).split('-')[0];
  return (g.buildings.length > 0 && g.buildings.includes(building)) || (g.kinds.length > 0 && !!c.kind && g.kinds.includes(c.kind)) || (g.tags.length > 0 && (c.tags ?? []).some((tag) => g.tags.includes(tag)));
}

/**
 * Invite households: one attendance record each (never a list in one field — two staff ticking
 * offline would lose one set of ticks). Customers already on the list are skipped.
 */
export function inviteCustomers(e: CommunityEvent, who: Invitee[], already: AttendanceRow[], ctx: CommandContext): Result<{ count: number; command: Command }> {
  if (e.status === 'closed' || e.attendanceClosed) return fail({ code: 'attendance.error.closed' });
  const known = new Set(already.map((a) => a.customerId));
  const ops: Op[] = [];
  for (const c of who) {
    if (!c.customerId || known.has(c.customerId)) continue;
    known.add(c.customerId);
    const id = newId();
    ops.push(
      { kind: 'create', collection: 'attendance', id, fields: { eventId: e.id, customerId: c.customerId, name: c.name, unitCode: c.unitCode, invite: 'invited', presence: '', walkIn: 0, proxyName: '', createdAt: ctx.now } },
      { kind: 'log', collection: 'attendance', id, entry: historyEntry(ctx, 'attendance.invited') },
    );
  }
  if (!ops.length) return fail({ code: 'attendance.error.nobodyNew' });
  const count = ops.length / 2;
  ops.push({ kind: 'log', collection: 'events', id: e.id, entry: historyEntry(ctx, 'event.invited', undefined, { n: count }) });
  return ok({ count, command: { shard: eventShard(e), ops } });
}

/** 已确认 / 已谢绝 / 已邀请, after a call or a visit. */
export function setInvite(e: CommunityEvent, a: AttendanceRow, invite: InviteStatus, ctx: CommandContext): Result<Command | null> {
  if (!INVITE_STATUSES.includes(invite)) return fail({ code: 'attendance.error.badStatus' });
  if (e.status === 'closed') return fail({ code: 'event.error.closed' });
  if (a.invite === invite) return ok(null);
  return ok({
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'attendance', id: a.id, fields: { invite } },
      { kind: 'log', collection: 'attendance', id: a.id, entry: historyEntry(ctx, `attendance.invite.${invite}`) },
    ],
  });
}

function tickable(e: CommunityEvent): Result<void> {
  if (e.attendanceClosed) return fail({ code: 'attendance.error.closed' });
  if (e.status !== 'held') return fail({ code: 'attendance.error.notHeld' });
  return ok(undefined);
}

/** Ticked against the signed sheet: 出席 / 缺席 / 代签 (with who signed for the household). */
export function markPresence(e: CommunityEvent, a: AttendanceRow, presence: Exclude<Presence, ''>, ctx: CommandContext, proxyName = ''): Result<Command | null> {
  const can = tickable(e);
  if (!can.ok) return can;
  if (!PRESENCES.includes(presence)) return fail({ code: 'attendance.error.badStatus' });
  if (proxyName.length > LIMITS.name) return fail({ code: 'error.tooLong', field: 'proxyName', params: { max: LIMITS.name } });
  if (a.presence === presence && a.proxyName === proxyName) return ok(null);
  return ok({
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'attendance', id: a.id, fields: { presence, proxyName: presence === 'proxy' ? proxyName.trim() : '' } },
      { kind: 'log', collection: 'attendance', id: a.id, entry: historyEntry(ctx, `attendance.${presence}`) },
    ],
  });
}

/** Someone who came without an invitation, found by the usual customer search. */
export function addWalkIn(e: CommunityEvent, c: Invitee, already: AttendanceRow[], ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  const can = tickable(e);
  if (!can.ok) return can;
  const existing = already.find((a) => a.customerId === c.customerId);
  if (existing) return fail({ code: 'attendance.error.alreadyListed', params: { name: existing.name } });
  return ok({
    id,
    command: {
      shard: eventShard(e),
      ops: [
        { kind: 'create', collection: 'attendance', id, fields: { eventId: e.id, customerId: c.customerId, name: c.name, unitCode: c.unitCode, invite: 'invited', presence: 'present', walkIn: 1, proxyName: '', createdAt: ctx.now } },
        { kind: 'log', collection: 'attendance', id, entry: historyEntry(ctx, 'attendance.walkIn') },
      ],
    },
  });
}

/**
 * The attendance is closed (签到结束). Households nobody ticked count as absent from then on —
 * derived, not written, so a colleague's tick made offline before the close still counts.
 */
export function closeAttendance(e: CommunityEvent, ctx: CommandContext): Result<Command> {
  const can = tickable(e);
  if (!can.ok) return can;
  return ok({
    shard: eventShard(e),
    ops: [
      { kind: 'set', collection: 'events', id: e.id, fields: { attendanceClosed: true, updatedAt: ctx.now } },
      { kind: 'log', collection: 'events', id: e.id, entry: historyEntry(ctx, 'event.attendanceClosed') },
    ],
  });
}

export interface AttendanceTotals {
  invited: number;
  confirmed: number;
  declined: number;
  present: number;
  proxy: number;
  absent: number;
  unmarked: number;
  walkIns: number;
  /** Households there (in person or by proxy), walk-ins included: the count on the minutes. */
  attended: number;
}

export function attendanceTotals(rows: AttendanceRow[], closed: boolean): AttendanceTotals {
  const t: AttendanceTotals = { invited: 0, confirmed: 0, declined: 0, present: 0, proxy: 0, absent: 0, unmarked: 0, walkIns: 0, attended: 0 };
  for (const r of rows) {
    if (r.walkIn) t.walkIns++;
    else {
      t.invited++;
      if (r.invite === 'confirmed') t.confirmed++;
      if (r.invite === 'declined') t.declined++;
    }
    if (r.presence === 'present') t.present++;
    else if (r.presence === 'proxy') t.proxy++;
    else if (r.presence === 'absent' || closed) t.absent++;
    else t.unmarked++;
  }
  t.attended = t.present + t.proxy;
  return t;
}
