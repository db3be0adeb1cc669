import type { CommandContext } from '../actor';
import { historyEntry, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { shardOfRecord, type ShardName } from '../shards';
import { buildingOfUnit } from '../residents/filter';
import { isDay } from '../days';
import { newLedgerRecord, registerLine } from '../ledger-record';

/**
 * 突发事件 / 停水停电: something that touches whole buildings at once (a burst main, a power cut,
 * a lift stuck). The desk reads the same words to every caller (from a standard answer), and a
 * call about it is linked to the incident in one tap instead of becoming one more request; when
 * it is over, closing records what was done and lists who called, to be called back. As condo's
 * Incident: buildings, a time window, "the text employees should say to residents".
 */
export type IncidentKind = 'water' | 'power' | 'lift' | 'gas' | 'other';
export const INCIDENT_KINDS: IncidentKind[] = ['water', 'power', 'lift', 'gas', 'other'];

export interface Incident {
  id: string;
  kind: IncidentKind;
  title: string;
  buildings: string[];
  /** The window, office-local `YYYY-MM-DDTHH:mm`; `endsAt` may be '' (not known yet). */
  startsAt: string;
  endsAt: string;
  /** What the desk reads out to callers (口径). */
  script: string;
  answerId: string;
  answerVersion: number;
  status: 'open' | 'closed';
  outcome: string;
  closedAt: string;
  closedByName: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  history: HistoryEntry[];
}

export type IncidentInput = Pick<Incident, 'kind' | 'title' | 'buildings' | 'startsAt' | 'endsAt' | 'script' | 'answerId' | 'answerVersion'>;

export interface IncidentRow {
  id: string;
  kind: IncidentKind;
  title: string;
  buildings: string[];
  startsAt: string;
  endsAt: string;
  /** The words to read, on the row: intake shows them the moment the caller is known, with no document to load. */
  script: string;
  status: 'open' | 'closed';
  open: 0 | 1;
  createdAt: string;
  closedAt: string;
}

/** A call about an incident (来电), its own record so two tablets linking calls offline both keep theirs. */
export interface IncidentCall {
  id: string;
  incidentId: string;
  /** The incident's creation time: a call lives in its incident's month ledger. */
  incidentCreatedAt: string;
  customerId: string;
  name: string;
  unitCode: string;
  phone: string;
  at: string;
  by: string;
  byName: string;
  /** Called back after closing (回电). */
  calledBackAt: string;
  calledBackByName: string;
}

/** An office-local moment as the forms write it: a real day (the one date rule, days.ts), then THH:mm. */
const isLocalTime = (s: string) => s.length === 16 && isDay(s.slice(0, 10)) && /^T([01]\d|2[0-3]):[0-5]\d$/.test(s.slice(10));
export const incidentShard = (i: Pick<Incident, 'createdAt'>): ShardName => shardOfRecord('incidents', { record: i });

export function openIncident(input: IncidentInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  const problems: Problem[] = [];
  const title = input.title.trim();
  const script = input.script.trim();
  const buildings = [...new Set(input.buildings.map((b) => b.trim()).filter(Boolean))];
  if (!INCIDENT_KINDS.includes(input.kind)) problems.push({ code: 'incident.error.kind', field: 'kind' });
  if (!title) problems.push({ code: 'incident.error.titleRequired', field: 'title' });
  if (title.length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: 'title', params: { max: LIMITS.shortText } });
  if (!buildings.length) problems.push({ code: 'incident.error.noBuildings', field: 'buildings' });
  if (!isLocalTime(input.startsAt)) problems.push({ code: 'incident.error.startRequired', field: 'startsAt' });
  if (input.endsAt && !isLocalTime(input.endsAt)) problems.push({ code: 'incident.error.badEnd', field: 'endsAt' });
  else if (input.endsAt && input.endsAt <= input.startsAt) problems.push({ code: 'incident.error.endBeforeStart', field: 'endsAt' });
  if (!script) problems.push({ code: 'incident.error.scriptRequired', field: 'script' });
  if (script.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'script', params: { max: LIMITS.note } });
  if (problems.length) return fail(...problems);
  return ok(newLedgerRecord('incidents', id, {
    kind: input.kind, title, buildings, startsAt: input.startsAt, endsAt: input.endsAt, script, answerId: input.answerId, answerVersion: input.answerVersion, status: 'open',
  }, ctx));
}

/** The caller's building is one the incident touches. */
export const touches = (i: Pick<Incident, 'buildings'>, unitCode: string) => !!unitCode && i.buildings.includes(buildingOfUnit(unitCode));

/** 关联到突发事件: one tap at the desk; the call is recorded against the incident, not as a new request. */
export function linkCall(i: Incident, caller: { id: string; name: string; unitCode: string; phone: string }, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command }> {
  if (i.status !== 'open') return fail({ code: 'incident.error.closed' });
  if (!caller.id) return fail({ code: 'incident.error.noCaller', field: 'customer' });
  if (!touches(i, caller.unitCode)) return fail({ code: 'incident.error.otherBuilding', field: 'customer', params: { unit: caller.unitCode || '—', buildings: i.buildings.join('、') } });
  return ok(registerLine(incidentShard(i), 'incidentCalls', id, { incidentId: i.id, incidentCreatedAt: i.createdAt, customerId: caller.id, name: caller.name, unitCode: caller.unitCode, phone: caller.phone }, ctx));
}

/** Closing: what was done, in the office's words; the callers are then listed to be called back. */
export function closeIncident(i: Incident, outcome: string, ctx: CommandContext): Result<Command> {
  if (i.status !== 'open') return fail({ code: 'incident.error.closed' });
  const text = outcome.trim();
  if (!text) return fail({ code: 'incident.error.outcomeRequired', field: 'outcome' });
  if (text.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'outcome', params: { max: LIMITS.note } });
  return ok({
    shard: incidentShard(i),
    ops: [
      { kind: 'set', collection: 'incidents', id: i.id, fields: { status: 'closed', outcome: text, closedAt: ctx.now, closedBy: ctx.actor.staffId, closedByName: ctx.actor.name } },
      { kind: 'log', collection: 'incidents', id: i.id, entry: historyEntry(ctx, 'incident.closed') },
    ],
  });
}

/** 已回电: a caller told it is over. Only after closing (until then there is nothing to tell), once. */
export function callBack(i: Pick<Incident, 'status' | 'createdAt'>, call: IncidentCall, ctx: CommandContext): Result<Command> {
  if (i.status !== 'closed') return fail({ code: 'incident.error.notClosed' });
  if (call.calledBackAt) return fail({ code: 'incident.error.calledBack', params: { by: call.calledBackByName } });
  return ok({ shard: incidentShard(i), ops: [{ kind: 'set', collection: 'incidentCalls', id: call.id, fields: { calledBackAt: ctx.now, calledBackBy: ctx.actor.staffId, calledBackByName: ctx.actor.name } }] });
}

/** The callers to call back: one line per customer (a neighbour who rang twice is called once), first call first. */
export function callersToCallBack(calls: readonly IncidentCall[]): IncidentCall[] {
  const seen = new Set<string>();
  return [...calls].sort((a, b) => a.at.localeCompare(b.at)).filter((c) => (seen.has(c.customerId) ? false : (seen.add(c.customerId), true)));
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function incidentFromRecord(id: string, r: Record<string, unknown>): Incident {
  return {
    id, kind: INCIDENT_KINDS.includes(r.kind as never) ? (r.kind as IncidentKind) : 'other', title: str(r.title),
    buildings: Array.isArray(r.buildings) ? r.buildings.map(String) : [], startsAt: str(r.startsAt), endsAt: str(r.endsAt),
    script: str(r.script), answerId: str(r.answerId), answerVersion: Number(r.answerVersion ?? 0) || 0,
    status: r.status === 'closed' ? 'closed' : 'open', outcome: str(r.outcome), closedAt: str(r.closedAt), closedByName: str(r.closedByName),
    createdAt: str(r.createdAt), createdBy: str(r.createdBy), createdByName: str(r.createdByName),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectIncident(id: string, r: Record<string, unknown>): IncidentRow {
  const i = incidentFromRecord(id, r);
  return { id, kind: i.kind, title: i.title, buildings: i.buildings, startsAt: i.startsAt, endsAt: i.endsAt, script: i.script, status: i.status, open: i.status === 'open' ? 1 : 0, createdAt: i.createdAt, closedAt: i.closedAt };
}

export function incidentCallFromRecord(id: string, r: Record<string, unknown>): IncidentCall {
  return {
    id, incidentId: str(r.incidentId), incidentCreatedAt: str(r.incidentCreatedAt), customerId: str(r.customerId), name: str(r.name), unitCode: str(r.unitCode), phone: str(r.phone),
    at: str(r.at), by: str(r.by), byName: str(r.byName), calledBackAt: str(r.calledBackAt), calledBackByName: str(r.calledBackByName),
  };
}
