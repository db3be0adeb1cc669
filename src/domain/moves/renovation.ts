import type { CommandContext } from '../actor';
import { attachCarried, picturesAtCreation } from '../attachments/carried';
import type { EncodedPicture } from '../attachments/types';
import { decideApproval, submitForApproval, type Decision } from '../approval';
import type { Customer } from '../customers/types';
import { addDays, isDay, type Day } from '../days';
import { historyEntry, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { combine, type Command } from '../ops';
import { takeRequest } from '../requests/lifecycle';
import { shardOf as requestShard } from '../requests/shard';
import type { ServiceSettings } from '../requests/settings';
import type { ServiceRequest } from '../requests/types';
import { fail, ok, type Problem, type Result } from '../result';
import { ledgerShardAt, shardOfRecord, type ShardName } from '../shards';
import type { UnitRow } from '../units/types';
import { RENOVATION_STATUSES, type Renovation, type RenovationCheck, type RenovationRow, type RenovationStatus } from './types';

/**
 * 装修管理: the owner applies (contractor, workers, period, scope, the deposit's amount as
 * recorded — no money passes here), the manager approves (the shared approval step), the rules
 * and the owner's undertaking are printed and signed, inspections during the works record what
 * was found (a problem can become a rectification request), acceptance (验收) ends the works and
 * the deposit's refund is noted. The unit shows 装修中 from approval to acceptance.
 */

export const renovationShard = (r: Pick<Renovation, 'createdAt'>): ShardName => shardOfRecord('renovations', { record: r });
export const checkShard = (c: Pick<RenovationCheck, 'renovationAt'>): ShardName => shardOfRecord('renovationChecks', { record: c });

/** Days between two inspections unless the office says otherwise. */
export const INSPECT_EVERY_DAYS = 7;
/** How many days before the works end 今日 shows them (time to book the acceptance). */
export const WORKS_ENDING_NOTICE_DAYS = 3;

export interface RenovationInput {
  unitCode: string;
  customerId: string;
  contractor: string;
  contractorPhone: string;
  workers: number;
  start: string;
  end: string;
  scope: string;
  deposit: number;
  inspectEvery: number;
}

function checkInput(input: RenovationInput, customer: Customer | null, open: readonly Pick<RenovationRow, 'unitCode' | 'status' | 'number'>[]): Problem[] {
  const problems: Problem[] = [];
  if (!input.unitCode) problems.push({ code: 'moves.error.unitRequired', field: 'unitCode' });
  if (!customer) problems.push({ code: 'moves.error.customerRequired', field: 'customerId' });
  const contractor = input.contractor.trim();
  if (!contractor) problems.push({ code: 'reno.error.contractorRequired', field: 'contractor' });
  if (contractor.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'contractor', params: { max: LIMITS.name } });
  if (input.contractorPhone.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'contractorPhone', params: { max: LIMITS.name } });
  if (!Number.isInteger(input.workers) || input.workers < 1 || input.workers > 200) problems.push({ code: 'reno.error.workers', field: 'workers' });
  if (!isDay(input.start)) problems.push({ code: 'reno.error.startRequired', field: 'start' });
  if (!isDay(input.end)) problems.push({ code: 'reno.error.endRequired', field: 'end' });
  else if (isDay(input.start) && input.end < input.start) problems.push({ code: 'reno.error.endBeforeStart', field: 'end' });
  const scope = input.scope.trim();
  if (!scope) problems.push({ code: 'reno.error.scopeRequired', field: 'scope' });
  if (scope.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'scope', params: { max: LIMITS.note } });
  if (!Number.isFinite(input.deposit) || input.deposit < 0 || input.deposit > 10_000_000) problems.push({ code: 'reno.error.deposit', field: 'deposit' });
  if (!Number.isInteger(input.inspectEvery) || input.inspectEvery < 1 || input.inspectEvery > 60) problems.push({ code: 'reno.error.inspectEvery', field: 'inspectEvery' });
  const running = open.find((r) => r.unitCode === input.unitCode && r.status !== 'accepted' && r.status !== 'rejected');
  if (running) problems.push({ code: 'reno.error.alreadyOpen', field: 'unitCode', params: { unit: input.unitCode, number: running.number } });
  return problems;
}

/** 装修申请: registered, to be submitted for the manager's approval. */
export function applyRenovation(
  input: RenovationInput, customer: Customer | null, open: readonly Pick<RenovationRow, 'unitCode' | 'status' | 'number'>[], number: string, ctx: CommandContext, id = newId(),
): Result<{ id: string; command: Command }> {
  const problems = checkInput(input, customer, open);
  if (problems.length || !customer) return fail(...problems);
  return ok({
    id,
    command: {
      shard: ledgerShardAt(ctx.now),
      ops: [
        {
          kind: 'create', collection: 'renovations', id,
          fields: {
            number, unitCode: input.unitCode, customerId: customer.id, customerName: customer.name, contractor: input.contractor.trim(), contractorPhone: input.contractorPhone.trim(),
            workers: input.workers, start: input.start, end: input.end, deposit: input.deposit, inspectEvery: input.inspectEvery, status: 'plan',
            createdAt: ctx.now, createdBy: ctx.actor.staffId, updatedAt: ctx.now, updatedBy: ctx.actor.staffId,
          },
          texts: { scope: input.scope.trim() },
        },
        { kind: 'log', collection: 'renovations', id, entry: historyEntry(ctx, 'reno.history.applied', undefined, { number, unit: input.unitCode }) },
      ],
    },
  });
}

const approvable = (r: Renovation) => ({ collection: 'renovations' as const, id: r.id, shard: renovationShard(r), status: r.status });

export function submitRenovation(r: Renovation, ctx: CommandContext): Result<Command> {
  return submitForApproval(approvable(r), ctx);
}

function unitStatusCommand(unit: UnitRow, status: string, ctx: CommandContext): Command | null {
  if (unit.status === status) return null;
  return {
    shard: 'directory',
    ops: [
      { kind: 'set', collection: 'units', id: unit.id, fields: { status, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'units', id: unit.id, entry: historyEntry(ctx, 'history.updated', [{ field: 'unit.status', from: unit.status, to: status }]) },
    ],
  };
}

/**
 * The manager's decision (审批). Approved: the unit is 装修中 from now until acceptance, and the
 * status it had is kept on the renovation to be given back.
 */
export function decideRenovation(r: Renovation, decision: Decision, role: string, unit: UnitRow | null, ctx: CommandContext): Result<Command[]> {
  const decided = decideApproval(approvable(r), decision, role, ctx);
  if (!decided.ok) return decided;
  if (!decision.approve) return ok([decided.value]);
  const keep: Command = {
    shard: renovationShard(r),
    ops: [{ kind: 'set', collection: 'renovations', id: r.id, fields: { unitStatusBefore: unit && unit.status !== 'renovating' ? unit.status : 'owner' } }],
  };
  return ok(combine(decided.value, keep, unit ? unitStatusCommand(unit, 'renovating', ctx) : null));
}

export interface InspectionInput {
  day: string;
  findings: string;
  problem: boolean;
  /** Raise a rectification request (整改) for the problem found. */
  rectify: boolean;
  /** Photos of what was found (re-encoded, kept in this tablet's blob table): on the inspection and its rectification request. */
  pictures?: readonly EncodedPicture[];
}

export interface RectifyFacts {
  settings: ServiceSettings;
  category: string;
  number: string;
  requestId: string;
}

/**
 * 巡查: one inspection during the works, its own record (two inspectors on two tablets both keep
 * theirs). A problem may become a rectification request on the unit, linked to the renovation.
 */
export function recordInspection(r: Renovation, input: InspectionInput, today: Day, ctx: CommandContext, rectify: RectifyFacts | null, id = newId()): Result<{ id: string; commands: Command[] }> {
  const problems: Problem[] = [];
  if (r.status !== 'approved') problems.push({ code: 'reno.error.notRunning', params: { status: `reno.status.${r.status}` } });
  if (!isDay(input.day)) problems.push({ code: 'moves.error.dayRequired', field: 'day' });
  else if (input.day > today) problems.push({ code: 'moves.error.dayInFuture', field: 'day', params: { day: input.day } });
  else if (input.day < r.start) problems.push({ code: 'reno.error.beforeStart', field: 'day', params: { day: r.start } });
  const findings = input.findings.trim();
  if (!findings) problems.push({ code: 'reno.error.findingsRequired', field: 'findings' });
  if (findings.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'findings', params: { max: LIMITS.note } });
  if (input.rectify && !input.problem) problems.push({ code: 'reno.error.rectifyNeedsProblem', field: 'rectify' });
  if (input.rectify && (!rectify || !rectify.category)) problems.push({ code: 'moves.error.noRepairCategory', field: 'rectify' });
  if (problems.length) return fail(...problems);
  let request: Command | null = null;
  if (input.rectify && rectify) {
    const made = takeRequest(
      { kind: 'repair', category: rectify.category, urgency: 'normal', channel: 'visit', description: findings, customerId: r.customerId, customerName: r.customerName, unitCode: r.unitCode, phone: '', location: '', renovationId: r.id },
      rectify.number, rectify.settings, ctx, rectify.requestId,
    );
    if (!made.ok) return made;
    request = made.value.command;
  }
  const check: Command = {
    shard: checkShard({ renovationAt: r.createdAt }),
    ops: [
      {
        kind: 'create', collection: 'renovationChecks', id,
        fields: {
          renovationId: r.id, renovationAt: r.createdAt, day: input.day, findings, problem: input.problem,
          requestId: request && rectify ? rectify.requestId : '', requestNumber: request && rectify ? rectify.number : '', byName: ctx.actor.name, createdAt: ctx.now, createdBy: ctx.actor.staffId,
        },
      },
      // The renovation's last inspection moves the next one's due day (the later day wins on merge).
      ...(input.day > r.lastInspection ? [{ kind: 'set' as const, collection: 'renovations' as const, id: r.id, fields: { lastInspection: input.day, updatedAt: ctx.now } }] : []),
      { kind: 'log', collection: 'renovations', id: r.id, entry: historyEntry(ctx, 'reno.history.inspected', undefined, { day: input.day, problem: input.problem, ...(request && rectify ? { request: rectify.number } : {}) }) },
    ],
  };
  const pictures = picturesAtCreation(
    { collection: 'renovationChecks', id, shard: check.shard }, input.pictures ?? [], {},
    request && rectify ? { collection: 'requests', id: rectify.requestId, shard: request.shard } : null, ctx,
  );
  if (!pictures.ok) return pictures;
  // The pictures' entries come after both records' `create` ops (combined per shard).
  return ok({ id, commands: combine(check, request, ...pictures.value) });
}

/**
 * A photo added to an inspection afterwards (its row on the renovation's page): on the inspection,
 * and on the rectification request made from it if there is one — the same reference.
 */
export function attachFindingPicture(
  c: RenovationCheck, current: Record<string, unknown> | null, request: Record<string, unknown> | null, requestShard: ShardName | null,
  picture: EncodedPicture, ctx: CommandContext,
): Result<Command[]> {
  return attachCarried(
    { target: { collection: 'renovationChecks', id: c.id, shard: checkShard(c) }, current },
    { ...picture, kind: 'photo' },
    c.requestId && request && requestShard ? { target: { collection: 'requests', id: c.requestId, shard: requestShard }, current: request } : null,
    ctx,
  );
}

/** 验收: the works are accepted; the unit gets back the status it had before. */
export function acceptRenovation(r: Renovation, day: string, note: string, today: Day, unit: UnitRow | null, openChecks: readonly Pick<RenovationCheck, 'problem' | 'requestNumber'>[], ctx: CommandContext): Result<Command[]> {
  const problems: Problem[] = [];
  if (r.status !== 'approved') problems.push({ code: 'reno.error.notRunning', params: { status: `reno.status.${r.status}` } });
  if (!isDay(day)) problems.push({ code: 'moves.error.dayRequired', field: 'day' });
  else if (day > today) problems.push({ code: 'moves.error.dayInFuture', field: 'day', params: { day } });
  else if (day < r.start) problems.push({ code: 'reno.error.beforeStart', field: 'day', params: { day: r.start } });
  if (note.trim().length > LIMITS.longText) problems.push({ code: 'error.tooLong', field: 'note', params: { max: LIMITS.longText } });
  if (!openChecks.length) problems.push({ code: 'reno.error.neverInspected' });
  if (problems.length) return fail(...problems);
  const accepted: Command = {
    shard: renovationShard(r),
    ops: [
      { kind: 'set', collection: 'renovations', id: r.id, fields: { status: 'accepted', acceptedOn: day, acceptanceNote: note.trim(), updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'renovations', id: r.id, entry: historyEntry(ctx, 'reno.history.accepted', undefined, { day }) },
    ],
  };
  return ok(combine(accepted, unit && unit.status === 'renovating' ? unitStatusCommand(unit, r.unitStatusBefore || 'owner', ctx) : null));
}

/** 退还押金: noted (day, how), after acceptance; the money itself is handled by the fees office. */
export function noteDepositRefund(r: Renovation, day: string, note: string, today: Day, ctx: CommandContext): Result<Command> {
  const problems: Problem[] = [];
  if (r.status !== 'accepted') problems.push({ code: 'reno.error.refundBeforeAcceptance' });
  if (r.refundedOn) problems.push({ code: 'reno.error.alreadyRefunded', params: { day: r.refundedOn } });
  if (!isDay(day)) problems.push({ code: 'moves.error.dayRequired', field: 'day' });
  else if (day > today) problems.push({ code: 'moves.error.dayInFuture', field: 'day', params: { day } });
  if (note.trim().length > LIMITS.longText) problems.push({ code: 'error.tooLong', field: 'note', params: { max: LIMITS.longText } });
  if (problems.length) return fail(...problems);
  return ok({
    shard: renovationShard(r),
    ops: [
      { kind: 'set', collection: 'renovations', id: r.id, fields: { refundedOn: day, refundNote: note.trim(), updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'renovations', id: r.id, entry: historyEntry(ctx, 'reno.history.refunded', undefined, { day, deposit: r.deposit }) },
    ],
  });
}

/**
 * A neighbour's noise complaint (or any request) is about this renovation: the request names it
 * and the renovation's history lists the request. Two shards, two commands.
 */
export function linkRequestToRenovation(req: ServiceRequest, r: Renovation, ctx: CommandContext): Result<Command[]> {
  if (req.renovationId === r.id) return fail({ code: 'reno.error.alreadyLinked', params: { number: req.number } });
  if (r.status !== 'approved' && r.status !== 'accepted') return fail({ code: 'reno.error.notRunning', params: { status: `reno.status.${r.status}` } });
  return ok(combine(
    {
      shard: requestShard(req),
      ops: [
        { kind: 'set', collection: 'requests', id: req.id, fields: { renovationId: r.id, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
        { kind: 'log', collection: 'requests', id: req.id, entry: historyEntry(ctx, 'reno.history.requestLinked', undefined, { number: r.number, unit: r.unitCode }) },
      ],
    },
    {
      shard: renovationShard(r),
      ops: [{ kind: 'log', collection: 'renovations', id: r.id, entry: historyEntry(ctx, 'reno.history.complaintLinked', undefined, { number: req.number, unit: req.unitCode }) }],
    },
  ));
}

/** The next inspection's day while the works run ('' before approval and after acceptance). */
export function inspectionDue(r: Pick<Renovation, 'status' | 'start' | 'lastInspection' | 'inspectEvery'>): string {
  if (r.status !== 'approved') return '';
  return r.lastInspection ? addDays(r.lastInspection, r.inspectEvery || INSPECT_EVERY_DAYS) : r.start;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function renovationFromRecord(id: string, r: Record<string, unknown>): Renovation {
  return {
    id,
    number: str(r.number),
    unitCode: str(r.unitCode),
    customerId: str(r.customerId),
    customerName: str(r.customerName),
    contractor: str(r.contractor),
    contractorPhone: str(r.contractorPhone),
    workers: num(r.workers),
    start: str(r.start),
    end: str(r.end),
    scope: str(r.scope),
    deposit: num(r.deposit),
    inspectEvery: num(r.inspectEvery) || INSPECT_EVERY_DAYS,
    status: RENOVATION_STATUSES.includes(r.status as RenovationStatus) ? (r.status as RenovationStatus) : 'plan',
    unitStatusBefore: str(r.unitStatusBefore),
    lastInspection: str(r.lastInspection),
    acceptedOn: str(r.acceptedOn),
    acceptanceNote: str(r.acceptanceNote),
    refundedOn: str(r.refundedOn),
    refundNote: str(r.refundNote),
    approvalComment: str(r.approvalComment),
    decidedByName: str(r.decidedByName),
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
    updatedAt: str(r.updatedAt),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectRenovation(id: string, r: Record<string, unknown>): RenovationRow {
  const x = renovationFromRecord(id, r);
  return {
    id, number: x.number, unitCode: x.unitCode, customerName: x.customerName, contractor: x.contractor, status: x.status, start: x.start, end: x.end,
    inspectionDue: inspectionDue(x), deposit: x.deposit, refunded: x.refundedOn ? 1 : 0, createdAt: x.createdAt,
  };
}

export function checkFromRecord(id: string, r: Record<string, unknown>): RenovationCheck {
  return {
    id, renovationId: str(r.renovationId), renovationAt: str(r.renovationAt), day: str(r.day), findings: str(r.findings), problem: r.problem === true,
    requestId: str(r.requestId), requestNumber: str(r.requestNumber), byName: str(r.byName), createdAt: str(r.createdAt),
  };
}

export const projectCheck = checkFromRecord;

/** 今日: running works whose inspection is due, and works that end within the notice. */
export function renovationsToday<T extends Pick<RenovationRow, 'status' | 'inspectionDue' | 'end'>>(rows: readonly T[], today: Day): { inspections: T[]; ending: T[] } {
  const running = rows.filter((r) => r.status === 'approved');
  return {
    inspections: running.filter((r) => r.inspectionDue && r.inspectionDue <= today).sort((a, b) => a.inspectionDue.localeCompare(b.inspectionDue)),
    ending: running.filter((r) => r.end <= addDays(today, WORKS_ENDING_NOTICE_DAYS)).sort((a, b) => a.end.localeCompare(b.end)),
  };
}
