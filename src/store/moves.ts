import { customerFromRecord, type Customer } from '../domain/customers/customer';
import type { Day } from '../domain/days';
import { newId } from '../domain/ids';
import { MOVES_PREFIX, recordHandover, saveHandoverChecklist, type HandoverChecklist, type HandoverInput } from '../domain/moves/handover';
import {
  acceptRenovation, applyRenovation, decideRenovation, linkRequestToRenovation, noteDepositRefund, recordInspection, renovationFromRecord,
  renovationShard, submitRenovation, type InspectionInput, type RenovationInput,
} from '../domain/moves/renovation';
import { changeOwner, endTenure, impliedTenure, renewLease, startTenure, tenureFromRecord, type EndInput, type StartInput } from '../domain/moves/tenure';
import type { Renovation, Tenure } from '../domain/moves/types';
import { formatNumber, highestInSeries } from '../domain/requests/numbering';
import { categoriesFor } from '../domain/requests/settings';
import { officeDay } from '../domain/requests/work-time';
import { fail, ok, type Result } from '../domain/result';
import type { Decision } from '../domain/approval';
import { projectUnit, type UnitRow } from '../domain/units/unit';
import { deviceTables } from './device-tables';
import type { Office } from './office-api';
import { checksOf, handoverChecklist, openRenovations, openRequestsOfUnit, renovationRow, tenureRow } from './queries/moves';
import { serviceSettings } from './queries/settings';
import { myRole, nextNumber, readRequest } from './requests';
import { runAll } from './run-all';

/**
 * Actions for moves (issue 20): read what the domain needs, draw numbers, run its commands. No
 * op is built here (house rule); each action returns the domain's refusal as is.
 */

async function today(office: Office): Promise<Day> {
  return officeDay(new Date(office.context().now), (await serviceSettings(office.db)).calendar);
}

export async function readCustomer(office: Office, id: string): Promise<Customer | null> {
  const r = await office.read('directory', 'customers', id);
  return r ? customerFromRecord(id, r) : null;
}

async function unitByCode(office: Office, code: string): Promise<UnitRow | null> {
  const row = await office.db.units.where('code').equals(code).first();
  if (!row) return null;
  const r = await office.read('directory', 'units', row.id);
  return r ? projectUnit(row.id, r) : row;
}

/** The relations of a unit that hold now: records, and customers linked with no record yet. */
async function currentOfUnit(office: Office, unitCode: string): Promise<Tenure[]> {
  const rows = await office.db.tenures.where('unitCode').equals(unitCode).filter((t) => !t.to).toArray();
  const out: Tenure[] = [];
  for (const row of rows) {
    const r = await office.read('directory', 'tenures', row.id);
    if (r) out.push(tenureFromRecord(row.id, r));
  }
  for (const c of await office.db.customers.where('unitCodes').equals(unitCode).toArray()) {
    if (out.some((t) => t.customerId === c.id)) continue;
    const full = await readCustomer(office, c.id);
    const implied = full && impliedTenure(full, unitCode);
    if (implied) out.push(implied);
  }
  return out;
}

/** A relation by its id, or a customer's implied one (`~<customerId>` on the unit page). */
async function readTenure(office: Office, id: string, unitCode: string): Promise<Tenure | null> {
  if (id.startsWith('~')) return (await currentOfUnit(office, unitCode)).find((t) => t.customerId === id.slice(1)) ?? null;
  const row = await tenureRow(office.db, id);
  const r = row ? await office.read('directory', 'tenures', id) : null;
  return r ? tenureFromRecord(id, r) : null;
}

/**
 * Handover and renovation numbers (RH-2612-A-003, ZH-…): a per-device sequence in `meta` read and
 * bumped in one transaction, never below what the projection holds — as requests number theirs.
 */
async function nextMovesNumber(office: Office, kind: keyof typeof MOVES_PREFIX, day: Day): Promise<string> {
  const series = `${MOVES_PREFIX[kind]}-${day.slice(2, 4)}${day.slice(5, 7)}-${office.config.deviceCode}`;
  const key = `seq:${series}`;
  const db = deviceTables(office);
  const table = kind === 'handover' ? db.handovers : db.renovations;
  return db.transaction('rw', db.meta, table, async () => {
    const stored = Number((await db.meta.get(key))?.value ?? 0);
    const seen = highestInSeries(series, (await table.where('number').startsWith(`${series}-`).keys()) as string[]);
    const seq = Math.max(stored, seen) + 1;
    await db.meta.put({ key, value: seq });
    return formatNumber(series, seq);
  });
}

/** The repair category warranty and rectification requests go to: one named 保修/整改 if the office has it, else the first repair category. */
function repairCategory(settings: Awaited<ReturnType<typeof serviceSettings>>, words: RegExp): string {
  const repairs = categoriesFor(settings, 'repair');
  return (repairs.find((c) => words.test(c.name)) ?? repairs[0])?.id ?? '';
}

/** 设置 → 入伙交接清单: the office's documents and meters (a manager's). */
export async function saveChecklist(office: Office, checklist: HandoverChecklist): Promise<Result<void>> {
  await office.load('office');
  const made = saveHandoverChecklist(checklist, await myRole(office), office.context());
  return made.ok ? office.run(made.value) : made;
}

/** 入伙交接: the handover, a warranty request per defect, the person linked to the unit from the day. */
export async function moveIn(office: Office, input: HandoverInput): Promise<Result<{ id: string; number: string }>> {
  const customer = input.customerId ? await readCustomer(office, input.customerId) : null;
  const [settings, day, current, checklist] = await Promise.all([serviceSettings(office.db), today(office), input.unitCode ? currentOfUnit(office, input.unitCode) : [], handoverChecklist(office.db)]);
  const defects = input.defects.map((d) => d.trim()).filter(Boolean);
  const now = new Date(office.context().now);
  const facts = { today: day, current, customer, settings, checklist, repairCategory: repairCategory(settings, /保修|维保|warranty/i), ids: { handover: newId(), defects: defects.map(() => newId()) } };
  // Checked before any number is drawn, so a refused form leaves no gap in the paper numbers.
  const checked = recordHandover(input, { ...facts, number: '', defectNumbers: defects.map(() => '') }, office.context());
  if (!checked.ok) return checked;
  const number = await nextMovesNumber(office, 'handover', day);
  const defectNumbers: string[] = [];
  for (let i = 0; i < defects.length; i++) defectNumbers.push(await nextNumber(office, 'repair', now, settings));
  const made = recordHandover(input, { ...facts, number, defectNumbers }, office.context());
  if (!made.ok) return made;
  const saved = await runAll(office, made.value.commands);
  return saved.ok ? ok({ id: made.value.id, number }) : saved;
}

/** A person joins a unit without a handover (a household member, a tenant registered later). */
export async function linkToUnit(office: Office, customerId: string, input: StartInput): Promise<Result<void>> {
  const customer = await readCustomer(office, customerId);
  if (!customer) return fail({ code: 'moves.error.customerRequired', field: 'customerId' });
  const made = startTenure(customer, input, { today: await today(office), current: await currentOfUnit(office, input.unitCode) }, office.context());
  return made.ok ? office.run(made.value) : made;
}

/** 退房 / lease ended: the relation ends on the day; the open requests of the unit are listed on the checklist. */
export async function endRelation(office: Office, tenureId: string, unitCode: string, input: EndInput): Promise<Result<void>> {
  const t = await readTenure(office, tenureId, unitCode);
  if (!t) return fail({ code: 'error.notFound' });
  const checklist = input.checklist ? { ...input.checklist, openRequests: (await openRequestsOfUnit(office.db, unitCode)).map((r) => r.number) } : undefined;
  const made = endTenure(t, await readCustomer(office, t.customerId), { ...input, checklist }, await today(office), office.context());
  return made.ok ? office.run(made.value) : made;
}

/** 过户: the current owner(s) end on the day, the new owner starts. */
export async function changeOwnerOf(office: Office, unitCode: string, newOwnerId: string, day: Day): Promise<Result<void>> {
  const newOwner = await readCustomer(office, newOwnerId);
  if (!newOwner) return fail({ code: 'moves.error.customerRequired', field: 'customerId' });
  const current = await currentOfUnit(office, unitCode);
  const owners = await Promise.all(current.filter((t) => t.role === 'owner').map(async (tenure) => ({ tenure, customer: await readCustomer(office, tenure.customerId) })));
  const made = changeOwner(unitCode, owners, newOwner, day, { today: await today(office), current }, office.context());
  return made.ok ? office.run(made.value) : made;
}

export async function renewLeaseOf(office: Office, tenureId: string, unitCode: string, leaseEnd: Day): Promise<Result<void>> {
  const t = await readTenure(office, tenureId, unitCode);
  if (!t) return fail({ code: 'error.notFound' });
  const made = renewLease(t, leaseEnd, office.context());
  return made.ok ? office.run(made.value) : made;
}

// — Renovation —

export async function readRenovation(office: Office, id: string): Promise<Renovation | null> {
  const row = await renovationRow(office.db, id);
  if (!row) return null;
  const r = await office.read(renovationShard(row), 'renovations', id);
  return r ? renovationFromRecord(id, r) : null;
}

export async function applyForRenovation(office: Office, input: RenovationInput): Promise<Result<{ id: string; number: string }>> {
  const customer = input.customerId ? await readCustomer(office, input.customerId) : null;
  const open = await openRenovations(office.db, input.unitCode);
  // Checked before the number is drawn (no gap in the paper numbers for a refused form).
  const checked = applyRenovation(input, customer, open, '', office.context());
  if (!checked.ok) return checked;
  const number = await nextMovesNumber(office, 'renovation', await today(office));
  const made = applyRenovation(input, customer, open, number, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok({ id: made.value.id, number }) : saved;
}

async function withRenovation<T>(office: Office, id: string, fn: (r: Renovation) => Promise<Result<T>>): Promise<Result<T>> {
  const r = await readRenovation(office, id);
  return r ? fn(r) : fail({ code: 'error.notFound' });
}

export const submitRenovationOf = (office: Office, id: string) =>
  withRenovation(office, id, async (r) => {
    const made = submitRenovation(r, office.context());
    return made.ok ? office.run(made.value) : made;
  });

export const decideRenovationOf = (office: Office, id: string, decision: Decision) =>
  withRenovation(office, id, async (r) => {
    const made = decideRenovation(r, decision, await myRole(office), await unitByCode(office, r.unitCode), office.context());
    return made.ok ? runAll(office, made.value) : made;
  });

export const inspectRenovation = (office: Office, id: string, input: InspectionInput) =>
  withRenovation(office, id, async (r) => {
    const settings = await serviceSettings(office.db);
    const day = await today(office);
    const base = { settings, category: repairCategory(settings, /整改|装修/), number: '', requestId: newId() };
    const checked = recordInspection(r, input, day, office.context(), input.rectify ? base : null);
    if (!checked.ok) return checked;
    const rectify = input.rectify ? { ...base, number: await nextNumber(office, 'repair', new Date(office.context().now), settings) } : null;
    const made = recordInspection(r, input, day, office.context(), rectify);
    return made.ok ? runAll(office, made.value.commands) : made;
  });

export const acceptRenovationOf = (office: Office, id: string, day: Day, note: string) =>
  withRenovation(office, id, async (r) => {
    const made = acceptRenovation(r, day, note, await today(office), await unitByCode(office, r.unitCode), await checksOf(office.db, id), office.context());
    return made.ok ? runAll(office, made.value) : made;
  });

export const refundDeposit = (office: Office, id: string, day: Day, note: string) =>
  withRenovation(office, id, async (r) => {
    const made = noteDepositRefund(r, day, note, await today(office), office.context());
    return made.ok ? office.run(made.value) : made;
  });

/** A neighbour's complaint (by its number or id) is about this renovation. */
export const linkComplaint = (office: Office, id: string, requestNumber: string) =>
  withRenovation(office, id, async (r) => {
    const row = await office.db.requests.where('number').equals(requestNumber.trim()).first();
    const req = row ? await readRequest(office, row.id) : null;
    if (!req) return fail({ code: 'reno.error.requestNotFound', field: 'request', params: { number: requestNumber.trim() || '—' } });
    const made = linkRequestToRenovation(req, r, office.context());
    return made.ok ? runAll(office, made.value) : made;
  });
