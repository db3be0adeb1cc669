import type { CommandContext } from '../actor';
import type { Customer } from '../customers/types';
import { addDays, isDay, type Day } from '../days';
import { historyEntry, type HistoryEntry } from '../history';
import type { Command, Op } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { END_REASONS, TENURE_ROLES, type EndReason, type MoveOutChecklist, type Readings, type Tenure, type TenureRole, type TenureRow } from './types';

/**
 * A person's relation to a unit (tenure). The customer record keeps pointing at the units the
 * person holds NOW (`unitCode`, `extraUnits`) — that is what surveys, plans, search and the unit's
 * occupants read — and each relation is also its own record in the directory with its dates, so
 * ending one is a date written, never a deletion: the unit's page lists former owners and tenants
 * with their periods, and their requests stay on the unit. Both live in the directory shard, so
 * linking or unlinking a person and its relation record are one all-or-nothing command.
 *
 * The id is the person, the unit and the first day: two tablets recording the same move-in offline
 * write one record, merged. A relation older than this record type (a customer's own unit link)
 * is `implied` until it ends, when it is written with its end.
 */
export const tenureId = (customerId: string, unitCode: string, from: string) => `${customerId}~${unitCode}~${from || '-'}`;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function readingsOf(v: unknown): Readings {
  const r = (v ?? {}) as Record<string, unknown>;
  return { water: str(r.water), electricity: str(r.electricity), gas: str(r.gas) };
}

export function tenureFromRecord(id: string, r: Record<string, unknown>): Tenure {
  const m = r.moveOut as Record<string, unknown> | undefined;
  return {
    id,
    customerId: str(r.customerId),
    customerName: str(r.customerName),
    unitCode: str(r.unitCode),
    role: TENURE_ROLES.includes(r.role as TenureRole) ? (r.role as TenureRole) : 'owner',
    from: str(r.from),
    to: str(r.to),
    leaseEnd: str(r.leaseEnd),
    endReason: END_REASONS.includes(r.endReason as never) ? (r.endReason as EndReason) : '',
    moveOut: m ? { keysReturned: num(m.keysReturned), readings: readingsOf(m.readings), openRequests: Array.isArray(m.openRequests) ? m.openRequests.map(String) : [] } : null,
    implied: false,
    createdAt: str(r.createdAt),
    updatedAt: str(r.updatedAt),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectTenure(id: string, r: Record<string, unknown>): TenureRow {
  const t = tenureFromRecord(id, r);
  return { id, customerId: t.customerId, customerName: t.customerName, unitCode: t.unitCode, role: t.role, from: t.from, to: t.to, leaseEnd: t.leaseEnd, endReason: t.endReason, current: t.to ? 0 : 1 };
}

/** The relation a customer's own unit link stands for, when no record of it exists yet. */
export function impliedTenure(c: Pick<Customer, 'id' | 'name' | 'unitCode' | 'unitRelation' | 'unitFrom' | 'unitTo' | 'extraUnits'>, unitCode: string): Tenure | null {
  const main = c.unitCode === unitCode;
  const extra = c.extraUnits.find((u) => u.unitCode === unitCode);
  if (!main && !extra) return null;
  const role = main ? c.unitRelation : extra!.relation;
  const from = (main ? c.unitFrom : extra!.from) ?? '';
  const leaseEnd = (main ? c.unitTo : extra!.to) ?? '';
  return {
    id: tenureId(c.id, unitCode, from), customerId: c.id, customerName: c.name, unitCode, role, from, to: '', leaseEnd: role === 'tenant' ? leaseEnd : '',
    endReason: '', moveOut: null, implied: true, createdAt: '', updatedAt: '', history: [],
  };
}

/** The customer's unit fields once `unitCode` is added (the first unit becomes the main one). */
function linkFields(c: Customer, unitCode: string, role: TenureRole, from: Day, leaseEnd: string): Record<string, unknown> | null {
  if (c.unitCode === unitCode || c.extraUnits.some((u) => u.unitCode === unitCode)) return null;
  if (!c.unitCode) return { unitCode, unitRelation: role, unitFrom: from, unitTo: leaseEnd };
  return { extraUnits: [...c.extraUnits, { unitCode, relation: role, from, ...(leaseEnd ? { to: leaseEnd } : {}) }] };
}

/** The customer's unit fields once `unitCode` is no longer theirs (the next unit, if any, becomes the main one). */
function unlinkFields(c: Customer, unitCode: string): Record<string, unknown> | null {
  if (c.unitCode === unitCode) {
    const [next, ...rest] = c.extraUnits;
    return next
      ? { unitCode: next.unitCode, unitRelation: next.relation, unitFrom: next.from ?? '', unitTo: next.to ?? '', extraUnits: rest }
      : { unitCode: '', unitFrom: '', unitTo: '' };
  }
  if (c.extraUnits.some((u) => u.unitCode === unitCode)) return { extraUnits: c.extraUnits.filter((u) => u.unitCode !== unitCode) };
  return null;
}

export interface StartInput {
  unitCode: string;
  role: TenureRole;
  from: Day;
  leaseEnd?: Day | '';
}

export interface UnitFacts {
  /** The office's day (no relation starts or ends after it). */
  today: Day;
  /** The relations of the unit that hold now (records and implied). */
  current: readonly Pick<Tenure, 'customerId' | 'customerName' | 'role'>[];
}

function checkStart(customer: Customer, input: StartInput, facts: UnitFacts, replacingOwner: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!input.unitCode) problems.push({ code: 'moves.error.unitRequired', field: 'unitCode' });
  if (!TENURE_ROLES.includes(input.role)) problems.push({ code: 'moves.error.roleRequired', field: 'role' });
  if (!isDay(input.from)) problems.push({ code: 'moves.error.dayRequired', field: 'from' });
  else if (input.from > facts.today) problems.push({ code: 'moves.error.dayInFuture', field: 'from', params: { day: input.from } });
  const leaseEnd = input.leaseEnd ?? '';
  if (leaseEnd && (!isDay(leaseEnd) || (isDay(input.from) && leaseEnd <= input.from))) problems.push({ code: 'moves.error.leaseEndBeforeStart', field: 'leaseEnd' });
  if (input.role === 'tenant' && !leaseEnd) problems.push({ code: 'moves.error.leaseEndRequired', field: 'leaseEnd' });
  if (facts.current.some((t) => t.customerId === customer.id)) problems.push({ code: 'moves.error.alreadyLinked', field: 'customerId', params: { name: customer.name, unit: input.unitCode } });
  const owner = facts.current.find((t) => t.role === 'owner');
  if (input.role === 'owner' && owner && !replacingOwner) problems.push({ code: 'moves.error.hasOwner', field: 'role', params: { name: owner.customerName, unit: input.unitCode } });
  return problems;
}

/** The ops that start a relation: the relation's record and the person's link (directory). */
function startOps(customer: Customer, input: StartInput, ctx: CommandContext): Op[] {
  const id = tenureId(customer.id, input.unitCode, input.from);
  const leaseEnd = input.role === 'tenant' ? input.leaseEnd ?? '' : '';
  const link = linkFields(customer, input.unitCode, input.role, input.from, leaseEnd);
  const data = { unit: input.unitCode, role: `moves.role.${input.role}`, from: input.from };
  return [
    {
      kind: 'set', collection: 'tenures', id, upsert: true,
      fields: { customerId: customer.id, customerName: customer.name, unitCode: input.unitCode, role: input.role, from: input.from, to: '', leaseEnd, endReason: '', createdAt: ctx.now, createdBy: ctx.actor.staffId, updatedAt: ctx.now, updatedBy: ctx.actor.staffId },
    },
    { kind: 'log', collection: 'tenures', id, entry: historyEntry(ctx, 'moves.history.started', undefined, data) },
    ...(link ? [
      { kind: 'set', collection: 'customers', id: customer.id, fields: { ...link, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } } as const,
      { kind: 'log', collection: 'customers', id: customer.id, entry: historyEntry(ctx, 'moves.history.linked', undefined, data) } as const,
    ] : []),
  ];
}

/** A person starts living in or owning a unit from a day (入住, a new tenant, a household member). */
export function startTenure(customer: Customer, input: StartInput, facts: UnitFacts, ctx: CommandContext): Result<Command> {
  const problems = checkStart(customer, input, facts, false);
  if (problems.length) return fail(...problems);
  return ok({ shard: 'directory', ops: startOps(customer, input, ctx) });
}

export interface EndInput {
  to: Day;
  reason: Exclude<EndReason, ''>;
  /** The move-out checklist; required when the person moves out. */
  checklist?: MoveOutChecklist;
}

function checkEnd(t: Tenure, input: EndInput, today: Day): Problem[] {
  const problems: Problem[] = [];
  if (t.to) problems.push({ code: 'moves.error.alreadyEnded', params: { name: t.customerName, day: t.to } });
  if (!END_REASONS.includes(input.reason)) problems.push({ code: 'moves.error.reasonRequired', field: 'reason' });
  if (!isDay(input.to)) problems.push({ code: 'moves.error.dayRequired', field: 'to' });
  else {
    if (input.to > today) problems.push({ code: 'moves.error.dayInFuture', field: 'to', params: { day: input.to } });
    if (t.from && input.to < t.from) problems.push({ code: 'moves.error.endBeforeStart', field: 'to', params: { day: t.from } });
  }
  if (input.reason === 'moveOut') {
    const keys = input.checklist?.keysReturned;
    if (!input.checklist || !Number.isInteger(keys) || (keys as number) < 0 || (keys as number) > 99) problems.push({ code: 'moves.error.keysRequired', field: 'keysReturned' });
  }
  return problems;
}

function endOps(t: Tenure, customer: Customer | null, input: EndInput, ctx: CommandContext): Op[] {
  const fields = {
    to: input.to, endReason: input.reason, updatedAt: ctx.now, updatedBy: ctx.actor.staffId,
    ...(input.checklist ? { moveOut: { keysReturned: input.checklist.keysReturned, readings: input.checklist.readings, openRequests: input.checklist.openRequests } } : {}),
  };
  const data = { unit: t.unitCode, to: input.to, reason: `moves.reason.${input.reason}` };
  const unlink = customer ? unlinkFields(customer, t.unitCode) : null;
  return [
    t.implied
      ? { kind: 'set', collection: 'tenures', id: t.id, upsert: true, fields: { customerId: t.customerId, customerName: t.customerName, unitCode: t.unitCode, role: t.role, from: t.from, leaseEnd: t.leaseEnd, createdAt: ctx.now, createdBy: ctx.actor.staffId, ...fields } }
      : { kind: 'set', collection: 'tenures', id: t.id, fields },
    { kind: 'log', collection: 'tenures', id: t.id, entry: historyEntry(ctx, 'moves.history.ended', undefined, data) },
    ...(unlink && customer ? [
      { kind: 'set', collection: 'customers', id: customer.id, fields: { ...unlink, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } } as const,
      { kind: 'log', collection: 'customers', id: customer.id, entry: historyEntry(ctx, 'moves.history.unlinked', undefined, data) } as const,
    ] : []),
  ];
}

/**
 * A relation ends on a day (退房, lease end): the record keeps its period and the move-out
 * checklist; the person is no longer linked to the unit, so surveys and plans stop going to
 * them for it. `customer` null when the person's record is gone from this device (never, in
 * practice: customers are not deleted).
 */
export function endTenure(t: Tenure, customer: Customer | null, input: EndInput, today: Day, ctx: CommandContext): Result<Command> {
  const problems = checkEnd(t, input, today);
  if (problems.length) return fail(...problems);
  return ok({ shard: 'directory', ops: endOps(t, customer, input, ctx) });
}

/**
 * 过户: the unit's current owner(s) stop owning it on the day and the new owner starts — one
 * command, so no replica ever sees the unit with two owners or none. Tenants and household
 * members are left as they are (a sale does not end a lease).
 */
export function changeOwner(
  unitCode: string, oldOwners: readonly { tenure: Tenure; customer: Customer | null }[], newOwner: Customer, day: Day, facts: UnitFacts, ctx: CommandContext,
): Result<Command> {
  const problems: Problem[] = [];
  if (!oldOwners.length) problems.push({ code: 'moves.error.noOwner', params: { unit: unitCode } });
  if (oldOwners.some((o) => o.tenure.customerId === newOwner.id)) problems.push({ code: 'moves.error.sameOwner', params: { name: newOwner.name } });
  for (const o of oldOwners) problems.push(...checkEnd(o.tenure, { to: day, reason: 'ownerChange' }, facts.today));
  const current = facts.current.filter((t) => !oldOwners.some((o) => o.tenure.customerId === t.customerId));
  problems.push(...checkStart(newOwner, { unitCode, role: 'owner', from: day }, { ...facts, current }, true));
  if (problems.length) return fail(...problems);
  return ok({
    shard: 'directory',
    ops: [
      ...oldOwners.flatMap((o) => endOps(o.tenure, o.customer, { to: day, reason: 'ownerChange' }, ctx)),
      ...startOps(newOwner, { unitCode, role: 'owner', from: day }, ctx),
    ],
  });
}

/** 续租: a tenant's lease runs to a later day (today's reminder moves with it). */
export function renewLease(t: Tenure, leaseEnd: Day, ctx: CommandContext): Result<Command> {
  if (t.to) return fail({ code: 'moves.error.alreadyEnded', params: { name: t.customerName, day: t.to } });
  if (t.role !== 'tenant') return fail({ code: 'moves.error.notTenant', params: { name: t.customerName } });
  if (!isDay(leaseEnd) || leaseEnd <= (t.leaseEnd || t.from)) return fail({ code: 'moves.error.renewLater', field: 'leaseEnd', params: { day: t.leaseEnd || t.from || '—' } });
  const fields = { leaseEnd, updatedAt: ctx.now, updatedBy: ctx.actor.staffId };
  return ok({
    shard: 'directory',
    ops: [
      t.implied
        ? { kind: 'set', collection: 'tenures', id: t.id, upsert: true, fields: { customerId: t.customerId, customerName: t.customerName, unitCode: t.unitCode, role: t.role, from: t.from, to: '', endReason: '', createdAt: ctx.now, createdBy: ctx.actor.staffId, ...fields } }
        : { kind: 'set', collection: 'tenures', id: t.id, fields },
      { kind: 'log', collection: 'tenures', id: t.id, entry: historyEntry(ctx, 'moves.history.renewed', [{ field: 'moves.leaseEnd', from: t.leaseEnd, to: leaseEnd }]) },
    ],
  });
}

/** How many days ahead 今日 shows a lease that ends (time to ask: renew, or move out). */
export const LEASE_NOTICE_DAYS = 30;

/** Current tenants whose lease ends within the notice (or has passed without a move-out). */
export function leasesEnding<T extends Pick<TenureRow, 'to' | 'leaseEnd' | 'role'>>(rows: readonly T[], today: Day, days = LEASE_NOTICE_DAYS): T[] {
  const last = addDays(today, days);
  return rows.filter((r) => r.role === 'tenant' && !r.to && r.leaseEnd && r.leaseEnd <= last).sort((a, b) => a.leaseEnd.localeCompare(b.leaseEnd));
}

/**
 * A unit's relations, current first then former by end day (newest first): records, plus the
 * implied relations of customers linked to the unit who have no record yet.
 */
export function unitTenures(records: readonly Tenure[], linked: readonly Customer[], unitCode: string): { current: Tenure[]; former: Tenure[] } {
  const all = [...records];
  for (const c of linked) {
    if (records.some((t) => t.customerId === c.id && !t.to)) continue;
    const implied = impliedTenure(c, unitCode);
    if (implied && !records.some((t) => t.id === implied.id)) all.push(implied);
  }
  return {
    current: all.filter((t) => !t.to).sort((a, b) => TENURE_ROLES.indexOf(a.role) - TENURE_ROLES.indexOf(b.role) || a.from.localeCompare(b.from)),
    former: all.filter((t) => t.to).sort((a, b) => b.to.localeCompare(a.to)),
  };
}
