import type { CommandContext } from '../actor';
import { attachCarried, picturesAtCreation } from '../attachments/carried';
import type { EncodedPicture } from '../attachments/types';
import type { Customer } from '../customers/types';
import { historyEntry, type HistoryEntry } from '../history';
import { LIMITS } from '../limits';
import { combine, type Command } from '../ops';
import { takeRequest } from '../requests/lifecycle';
import type { ServiceSettings } from '../requests/settings';
import { fail, ok, type Problem, type Result } from '../result';
import { ledgerShardAt, shardOfRecord, type ShardName } from '../shards';
import { readingsOf, startTenure, type UnitFacts } from './tenure';
import { METERS, TENURE_ROLES, type Handover, type HandoverRow, type Meter, type Readings, type TenureRole } from './types';

/**
 * 入伙交接 (move-in handover): the checklist the office sets (its documents), the keys handed over
 * with their count, the meter readings, the defects found. One tap records it all: the handover
 * (its month's ledger), a warranty repair request per defect (the same month's ledger — same
 * command, all or nothing) and the new owner or tenant linked to the unit from that day (the
 * directory). The numbers and ids it needs are drawn by the store beforehand and passed in.
 */

/** What most offices have signed at 入伙 when they have not set their own list. */
export const DEFAULT_HANDOVER_DOCUMENTS = ['入伙通知书', '房屋质量保证书', '住宅使用说明书', '管理规约', '前期物业服务合同'];

/** Which meters are read at a handover, and whether a reading may be left blank (e.g. no gas supply). */
export type MeterRule = 'required' | 'optional' | 'off';
export const METER_RULES: MeterRule[] = ['required', 'optional', 'off'];
export const DEFAULT_METERS: Record<Meter, MeterRule> = { water: 'required', electricity: 'required', gas: 'optional' };

/**
 * The office's handover checklist (settings record `handover`, office shard; 设置 → 入伙交接清单):
 * the documents to sign, in order, and the meters to read. What is not set yet is the default
 * (the checklist as it was fixed before the office could set it).
 */
export interface HandoverChecklist {
  documents: string[];
  meters: Record<Meter, MeterRule>;
}

export function handoverChecklistFrom(data: Record<string, unknown> | undefined): HandoverChecklist {
  const docs = Array.isArray(data?.documents) ? (data!.documents as unknown[]).map(String).filter(Boolean) : [];
  const raw = (data?.meters && typeof data.meters === 'object' ? data.meters : {}) as Record<string, unknown>;
  const meters = Object.fromEntries(METERS.map((m) => [m, METER_RULES.includes(raw[m] as MeterRule) ? (raw[m] as MeterRule) : DEFAULT_METERS[m]])) as Record<Meter, MeterRule>;
  return { documents: docs.length ? docs : DEFAULT_HANDOVER_DOCUMENTS, meters };
}

/** The meters a checklist reads, in the form's order. */
export const metersRead = (c: Pick<HandoverChecklist, 'meters'>): Meter[] => METERS.filter((m) => c.meters[m] !== 'off');

/** Saves the office's handover checklist (a manager's decision): its documents in order, its meters. */
export function saveHandoverChecklist(input: HandoverChecklist, role: string, ctx: CommandContext): Result<Command> {
  if (role !== 'manager') return fail({ code: 'moves.error.managerOnly' });
  const docs = [...new Set(input.documents.map((d) => d.trim()).filter(Boolean))];
  const problems: Problem[] = [];
  if (!docs.length) problems.push({ code: 'moves.error.documentsRequired', field: 'documents' });
  if (docs.some((d) => d.length > LIMITS.name)) problems.push({ code: 'error.tooLong', field: 'documents', params: { max: LIMITS.name } });
  const meters = Object.fromEntries(METERS.map((m) => [m, METER_RULES.includes(input.meters[m]) ? input.meters[m] : DEFAULT_METERS[m]])) as Record<Meter, MeterRule>;
  if (!metersRead({ meters }).length) problems.push({ code: 'moves.error.metersRequired', field: 'meters' });
  if (problems.length) return fail(...problems);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'handover', upsert: true, fields: { name: 'handover', documents: docs, meters, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'handover', entry: historyEntry(ctx, 'moves.history.checklistSaved', undefined, { documents: docs, meters: metersRead({ meters }) }) },
    ],
  });
}

export interface HandoverInput {
  unitCode: string;
  customerId: string;
  role: TenureRole;
  day: string;
  leaseEnd: string;
  /** The office's documents and whether each was signed. */
  documents: { name: string; signed: boolean }[];
  keys: number;
  readings: Readings;
  /** One line per defect found. */
  defects: string[];
  /**
   * Photos of each defect, by the defect's position in `defects` (already re-encoded and kept in
   * this tablet's blob table): they go on the handover (its `item`: the defect's request) and on
   * the defect's warranty request, the same references in both.
   */
  defectPictures?: readonly (readonly EncodedPicture[])[];
}

export interface HandoverFacts extends UnitFacts {
  /** null: nobody chosen yet (refused, with the form's other reasons). */
  customer: Customer | null;
  settings: ServiceSettings;
  /** The repair category warranty requests go to (the office's 保修 category, else its first repair one). */
  repairCategory: string;
  /**
   * The office's checklist: every one of its documents must be signed, its meters read as it
   * says. Absent: the documents the form sent and the default meters.
   */
  checklist?: HandoverChecklist;
  /** Drawn by the store: the handover's own number and one request number per defect. */
  number: string;
  defectNumbers: string[];
  ids: { handover: string; defects: string[] };
}

const READING = /^\d{0,9}(\.\d{1,3})?$/;

function check(input: HandoverInput, facts: HandoverFacts): Problem[] {
  const problems: Problem[] = [];
  if (!facts.customer || input.customerId !== facts.customer.id) problems.push({ code: 'moves.error.customerRequired', field: 'customerId' });
  if (!TENURE_ROLES.includes(input.role) || input.role === 'resident') problems.push({ code: 'moves.error.handoverRole', field: 'role' });
  if (!Number.isInteger(input.keys) || input.keys < 1 || input.keys > 99) problems.push({ code: 'moves.error.keysRequired', field: 'keys' });
  const meters = (facts.checklist ?? { meters: DEFAULT_METERS }).meters;
  for (const k of METERS) {
    const v = input.readings[k].trim();
    if (meters[k] === 'off') continue;
    if (!v && meters[k] === 'required') problems.push({ code: 'moves.error.readingRequired', field: k, params: { meter: `moves.meter.${k}` } });
    else if (v && !READING.test(v)) problems.push({ code: 'moves.error.badReading', field: k, params: { meter: `moves.meter.${k}` } });
  }
  const required = facts.checklist ? facts.checklist.documents : input.documents.map((d) => d.name);
  const unsigned = required.filter((name) => !input.documents.some((d) => d.name === name && d.signed));
  if (!required.length || unsigned.length) problems.push({ code: 'moves.error.documentsUnsigned', field: 'documents', params: { documents: unsigned.join('、') || '—' } });
  const defects = input.defects.map((d) => d.trim()).filter(Boolean);
  if (input.defects.some((d, i) => !d.trim() && (input.defectPictures?.[i]?.length ?? 0) > 0)) problems.push({ code: 'moves.error.defectPhotoWithoutText', field: 'defects' });
  if (defects.some((d) => d.length > LIMITS.longText)) problems.push({ code: 'error.tooLong', field: 'defects', params: { max: LIMITS.longText } });
  if (defects.length && !facts.repairCategory) problems.push({ code: 'moves.error.noRepairCategory', field: 'defects' });
  if (facts.defectNumbers.length < defects.length || facts.ids.defects.length < defects.length) problems.push({ code: 'moves.error.defectNumbers' });
  return problems;
}

/**
 * Records the handover: the commands to run, one per shard (`combine`): the ledger (handover and
 * its warranty requests) and the directory (the relation and the person's link to the unit).
 */
export function recordHandover(input: HandoverInput, facts: HandoverFacts, ctx: CommandContext): Result<{ id: string; commands: Command[] }> {
  const problems = check(input, facts);
  const c = facts.customer;
  const tenure = c ? startTenure(c, { unitCode: input.unitCode, role: input.role, from: input.day, leaseEnd: input.leaseEnd }, facts, ctx) : null;
  if (tenure && !tenure.ok) problems.push(...tenure.problems);
  if (problems.length || !tenure?.ok || !c) return fail(...problems);
  const id = facts.ids.handover;
  const read = metersRead(facts.checklist ?? { meters: DEFAULT_METERS });
  const defects: Handover['defects'] = [];
  const requests: Command[] = [];
  const pictures: Command[] = [];
  const lines = input.defects.map((text, at) => ({ text: text.trim(), photos: input.defectPictures?.[at] ?? [] })).filter((d) => d.text);
  for (const [i, { text, photos }] of lines.entries()) {
    const made = takeRequest(
      { kind: 'repair', category: facts.repairCategory, urgency: 'normal', channel: 'walkIn', description: text, customerId: c.id, customerName: c.name, unitCode: input.unitCode, phone: c.phones[0] ?? '', location: '', warranty: { handoverId: id } },
      facts.defectNumbers[i], facts.settings, ctx, facts.ids.defects[i],
    );
    if (!made.ok) return made;
    requests.push(made.value.command);
    defects.push({ text, requestId: made.value.id, requestNumber: facts.defectNumbers[i] });
    const carried = picturesAtCreation(
      { collection: 'handovers', id, shard: ledgerShardAt(ctx.now) }, photos, { item: made.value.id },
      { collection: 'requests', id: made.value.id, shard: made.value.command.shard }, ctx,
    );
    if (!carried.ok) return carried;
    pictures.push(...carried.value);
  }
  const handover: Command = {
    shard: ledgerShardAt(ctx.now),
    ops: [
      {
        kind: 'create', collection: 'handovers', id,
        fields: {
          number: facts.number, unitCode: input.unitCode, customerId: c.id, customerName: c.name, role: input.role, day: input.day,
          leaseEnd: input.role === 'tenant' ? input.leaseEnd : '', documents: input.documents, keys: input.keys,
          // The meters this checklist read, kept with the handover: its paper reprints the same after the office changes its list.
          meters: read, readings: Object.fromEntries(METERS.map((m) => [m, read.includes(m) ? input.readings[m].trim() : ''])),
          defects, createdAt: ctx.now, createdBy: ctx.actor.staffId, createdByName: ctx.actor.name,
        },
      },
      { kind: 'log', collection: 'handovers', id, entry: historyEntry(ctx, 'moves.history.handover', undefined, { number: facts.number, unit: input.unitCode, defects: defects.length }) },
    ],
  };
  // The pictures' entries come after the records' `create` ops (same shard: one transaction).
  return ok({ id, commands: combine(handover, ...requests, ...pictures, tenure.value) });
}

/**
 * A photo of one of the handover's defects added afterwards (on the handover's page): on the
 * handover, marked with the defect, and on the defect's warranty request — the same reference.
 */
export function attachDefectPicture(
  h: Handover, current: Record<string, unknown> | null, requestId: string, request: Record<string, unknown> | null, requestShard: ShardName | null,
  picture: EncodedPicture, ctx: CommandContext,
): Result<Command[]> {
  if (!h.defects.some((d) => d.requestId === requestId)) return fail({ code: 'moves.error.notADefect' });
  return attachCarried(
    { target: { collection: 'handovers', id: h.id, shard: handoverShard(h) }, current },
    { ...picture, kind: 'photo', item: requestId },
    request && requestShard ? { target: { collection: 'requests', id: requestId, shard: requestShard }, current: request } : null,
    ctx,
  );
}

export const handoverShard = (h: Pick<Handover, 'createdAt'>): ShardName => shardOfRecord('handovers', { record: h });

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function handoverFromRecord(id: string, r: Record<string, unknown>): Handover {
  return {
    id,
    number: str(r.number),
    unitCode: str(r.unitCode),
    customerId: str(r.customerId),
    customerName: str(r.customerName),
    role: TENURE_ROLES.includes(r.role as TenureRole) ? (r.role as TenureRole) : 'owner',
    day: str(r.day),
    leaseEnd: str(r.leaseEnd),
    documents: Array.isArray(r.documents) ? (r.documents as Handover['documents']) : [],
    keys: typeof r.keys === 'number' ? r.keys : 0,
    readings: readingsOf(r.readings),
    meters: Array.isArray(r.meters) ? METERS.filter((m) => (r.meters as unknown[]).includes(m)) : [...METERS],
    defects: Array.isArray(r.defects) ? (r.defects as Handover['defects']) : [],
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
    createdByName: str(r.createdByName),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectHandover(id: string, r: Record<string, unknown>): HandoverRow {
  const h = handoverFromRecord(id, r);
  return { id, number: h.number, unitCode: h.unitCode, customerId: h.customerId, customerName: h.customerName, day: h.day, defects: h.defects.length, createdAt: h.createdAt };
}

/** Handover and renovation numbers: RH-2612-A-003 / ZX… per device, as requests number theirs. */
export const MOVES_PREFIX = { handover: 'RH', renovation: 'ZH' } as const;
