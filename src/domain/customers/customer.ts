import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { historyEntry, type FieldChange, type HistoryEntry } from '../history';
import { newId } from '../ids';
import { birthYearOf } from '../id-number';
import { LIMITS } from '../limits';
import { maskIdNumber, maskPhone } from '../mask';
import { fail, ok, type Result } from '../result';
import { cleanCustomerInput, findDuplicate } from './validate';
import { editText } from '../text-edit';
import { dateKey } from '../dates';
import { entranceRoomOf } from '../units/unit-code';
import {
  CUSTOMER_KINDS,
  GRADES,
  UNIT_RELATIONS,
  type Customer,
  type CustomerInput,
  type CustomerRow,
  type PinyinOf,
} from './types';

export * from './types';
export { cleanCustomerInput, findDuplicate } from './validate';

/** Fields a form or import may set, in the order the history lists them. */
const EDITABLE = [
  'kind', 'name', 'gender', 'phones', 'wechat', 'email', 'idNumber', 'address', 'employer', 'occupation',
  'unitCode', 'unitRelation', 'unitFrom', 'unitTo', 'extraUnits', 'householdOf', 'householdRelation', 'dates', 'preferences', 'tags', 'grade', 'consent', 'toVerify',
] as const;
type Editable = (typeof EDITABLE)[number];

const DEFAULTS: Pick<Customer, Editable> = {
  kind: 'owner', name: '', gender: '', phones: [], wechat: '', email: '', idNumber: '', address: '', employer: '', occupation: '',
  unitCode: '', unitRelation: 'owner', unitFrom: '', unitTo: '', extraUnits: [], householdOf: '', householdRelation: '', dates: [], preferences: '', tags: [], grade: 'normal', consent: true, toVerify: [],
};

/** How a changed value is written into the history: sensitive ones masked. */
function shown(field: Editable, value: unknown): string {
  if (field === 'phones') return (value as string[]).map(maskPhone).join(', ');
  if (field === 'idNumber') return value ? maskIdNumber(String(value)) : '';
  if (field === 'extraUnits') return (value as { unitCode: string }[]).map((u) => u.unitCode).join(', ');
  if (field === 'dates') return (value as { kind: string; month: number; day: number; calendar: string }[]).map((d) => `${d.calendar === 'lunar' ? '农历' : ''}${d.month}/${d.day}`).join(', ');
  if (Array.isArray(value)) return value.join(', ');
  return String(value ?? '');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface DirectoryFacts {
  /** Customers that may clash (same phone or ID number). */
  existing: Iterable<CustomerRow>;
  /** The unit register, or null when the office keeps none. */
  knownUnits?: Set<string> | null;
}

export function createCustomer(input: CustomerInput, notes: string, ctx: CommandContext, facts: DirectoryFacts | Iterable<CustomerRow>, id = newId()): Result<{ id: string; command: Command }> {
  const { existing, knownUnits } = 'existing' in facts ? facts : { existing: facts, knownUnits: null };
  const cleaned = cleanCustomerInput(input, knownUnits ?? null);
  if (!cleaned.ok) return cleaned;
  if (notes.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'notes', params: { max: LIMITS.note } });
  const duplicate = findDuplicate(cleaned.value, existing);
  if (duplicate) return fail(duplicate);
  const fields: Record<string, unknown> = { ...DEFAULTS };
  for (const key of EDITABLE) if (cleaned.value[key] !== undefined) fields[key] = cleaned.value[key];
  Object.assign(fields, { createdAt: ctx.now, createdBy: ctx.actor.staffId, updatedAt: ctx.now, updatedBy: ctx.actor.staffId });
  return ok({
    id,
    command: {
      shard: 'directory',
      ops: [
        { kind: 'create', collection: 'customers', id, fields, texts: { notes } },
        { kind: 'log', collection: 'customers', id, entry: historyEntry(ctx, 'history.created') },
      ],
    },
  });
}

/** Changes only the fields that differ, so a colleague's concurrent edit of another field stands. */
export function updateCustomer(current: Customer, input: CustomerInput, ctx: CommandContext, facts: DirectoryFacts | Iterable<CustomerRow>): Result<Command | null> {
  const { existing, knownUnits } = 'existing' in facts ? facts : { existing: facts, knownUnits: null };
  // A unit already on the record stays acceptable even if the register no longer lists it.
  const units = knownUnits ? new Set([...knownUnits, current.unitCode, ...current.extraUnits.map((u) => u.unitCode)]) : null;
  const cleaned = cleanCustomerInput(input, units);
  if (!cleaned.ok) return cleaned;
  const next = cleaned.value;
  const fields: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  // A field the import flagged is verified once staff change it (to a value the form accepts).
  if (current.toVerify.length && next.toVerify === undefined) {
    const left = current.toVerify.filter((f) => next[f as Editable] === undefined || same(next[f as Editable], current[f as Editable]));
    if (left.length !== current.toVerify.length) next.toVerify = left;
  }
  for (const key of EDITABLE) {
    const value = next[key];
    if (value === undefined || same(value, current[key])) continue;
    fields[key] = value;
    changes.push({ field: key, from: shown(key, current[key]), to: shown(key, value) });
  }
  if (!changes.length) return ok(null);
  const added = { phones: (next.phones ?? []).filter((p) => !current.phones.includes(p)), idNumber: next.idNumber !== current.idNumber ? next.idNumber : undefined };
  const duplicate = findDuplicate(added, existing, current.id);
  if (duplicate) return fail(duplicate);
  fields.updatedAt = ctx.now;
  fields.updatedBy = ctx.actor.staffId;
  return ok({
    shard: 'directory',
    ops: [
      { kind: 'set', collection: 'customers', id: current.id, fields },
      { kind: 'log', collection: 'customers', id: current.id, entry: historyEntry(ctx, 'history.updated', changes) },
    ],
  });
}

/** Notes are collaborative text edited keystroke by keystroke (see `editText`). */
export function editCustomerNotes(current: Customer, value: string, ctx: CommandContext, base?: string): Result<Command | null> {
  return editText(
    { shard: 'directory', collection: 'customers', id: current.id, field: 'notes', current: current.notes, value, base, history: current.history, action: 'history.notesEdited', fields: { updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
    ctx,
  );
}

/**
 * Search terms for the multi-entry index, matched by prefix: every suffix of the name (so any
 * fragment is found), full pinyin from each syllable on (zhangwei, wei), the initials (zw),
 * every suffix of each phone of at least 4 digits, the unit codes, each unit's room (`#1101`)
 * and its entrance and room (`#2-1101`).
 */
export function customerTerms(c: Pick<Customer, 'name' | 'phones' | 'unitCode'> & { unitCodes?: string[] }, pinyinOf?: PinyinOf): string[] {
  const terms = new Set<string>();
  const name = c.name.toLowerCase();
  for (let i = 0; i < name.length; i++) terms.add(name.slice(i));
  const syllables = pinyinOf?.(c.name);
  if (syllables?.length) {
    for (let i = 0; i < syllables.length; i++) terms.add(syllables.slice(i).join(''));
    terms.add(syllables.map((s) => s[0]).join(''));
  }
  for (const phone of c.phones) {
    const digits = phone.replace(/\D/g, '');
    for (let i = 0; i + 4 <= digits.length; i++) terms.add(digits.slice(i));
  }
  for (const code of c.unitCodes ?? [c.unitCode]) {
    if (!code) continue;
    terms.add(code.toLowerCase());
    // The room alone (1101 of 3-2-1101), marked so it is not mistaken for phone digits: a bare
    // room number finds the customers of every unit with that room.
    const room = code.split('-').pop();
    if (room && room !== code) terms.add(`#${room.toLowerCase()}`);
    // Entrance and room (2-1101 of 3-2-1101): residents say "2单元1101" and staff type "2-1101".
    const entranceRoom = entranceRoomOf(code);
    if (entranceRoom) terms.add(`#${entranceRoom}`);
  }
  return [...terms];
}

export function projectCustomer(c: Customer, pinyinOf?: PinyinOf): CustomerRow {
  const unitCodes = [c.unitCode, ...c.extraUnits.map((u) => u.unitCode)].filter(Boolean);
  return {
    id: c.id, kind: c.kind, name: c.name, phones: c.phones, idNumber: c.idNumber, unitCode: c.unitCode, unitCodes,
    householdOf: c.householdOf, tags: c.tags, grade: c.grade, updatedAt: c.updatedAt,
    terms: customerTerms({ ...c, unitCodes }, pinyinOf),
    dates: c.dates, dateKeys: [...new Set(c.dates.map(dateKey))], gender: c.gender, consent: c.consent,
    birthYear: birthYearOf(c.idNumber, c.dates.find((d) => d.kind === 'birthday')?.year),
    unitFrom: c.unitFrom, unitTo: c.unitTo,
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** Snapshot from the plain JSON of a record (fields missing on an old replica get defaults). */
export function customerFromRecord(id: string, r: Record<string, unknown>): Customer {
  return {
    id,
    kind: CUSTOMER_KINDS.includes(r.kind as never) ? (r.kind as Customer['kind']) : 'owner',
    name: str(r.name),
    gender: r.gender === 'male' || r.gender === 'female' ? r.gender : '',
    phones: strs(r.phones),
    wechat: str(r.wechat),
    email: str(r.email),
    idNumber: str(r.idNumber),
    address: str(r.address),
    employer: str(r.employer),
    occupation: str(r.occupation),
    unitCode: str(r.unitCode),
    unitRelation: UNIT_RELATIONS.includes(r.unitRelation as never) ? (r.unitRelation as Customer['unitRelation']) : 'owner',
    unitFrom: str(r.unitFrom),
    unitTo: str(r.unitTo),
    extraUnits: Array.isArray(r.extraUnits) ? (r.extraUnits as Customer['extraUnits']) : [],
    householdOf: str(r.householdOf),
    householdRelation: (str(r.householdRelation) as Customer['householdRelation']) || '',
    dates: Array.isArray(r.dates) ? (r.dates as Customer['dates']) : [],
    preferences: str(r.preferences),
    tags: strs(r.tags),
    grade: GRADES.includes(r.grade as never) ? (r.grade as Customer['grade']) : 'normal',
    consent: r.consent !== false,
    toVerify: strs(r.toVerify),
    notes: str(r.notes),
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
    updatedAt: str(r.updatedAt),
    updatedBy: str(r.updatedBy),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}
