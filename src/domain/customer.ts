import type { CommandContext } from './actor';
import type { Command } from './ops';
import type { HistoryEntry, FieldChange } from './history';
import { historyEntry } from './history';
import { newId } from './ids';
import { LIMITS } from './limits';
import { maskPhone } from './mask';
import { isValidPhone, normalizePhone } from './phone';
import { canonicalUnitCode } from './unit-code';
import { fail, ok, type Problem, type Result } from './result';

/** A customer as the screens see it (a plain snapshot of the record). */
export interface Customer {
  id: string;
  name: string;
  phones: string[];
  unitCode: string;
  notes: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  history: HistoryEntry[];
}

export interface CustomerInput {
  name: string;
  phones: string[];
  unitCode: string;
}

/** The row kept in the customers projection table for lists and search. */
export interface CustomerRow {
  id: string;
  name: string;
  phones: string[];
  unitCode: string;
  updatedAt: string;
  terms: string[];
}

export function cleanCustomerInput(input: CustomerInput): Result<CustomerInput> {
  const problems: Problem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ code: 'customer.error.nameRequired', field: 'name' });
  else if (name.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.name } });

  const phones = input.phones.map(normalizePhone).filter(Boolean);
  if (phones.length > LIMITS.phones) problems.push({ code: 'customer.error.tooManyPhones', field: 'phones', params: { max: LIMITS.phones } });
  for (const phone of phones) {
    if (!isValidPhone(phone)) problems.push({ code: 'customer.error.badPhone', field: 'phones', params: { phone } });
  }
  let unitCode = '';
  if (input.unitCode.trim()) {
    const canonical = canonicalUnitCode(input.unitCode);
    if (!canonical) problems.push({ code: 'customer.error.badUnit', field: 'unitCode', params: { unit: input.unitCode.trim() } });
    else unitCode = canonical;
  }
  if (problems.length) return fail(...problems);
  return ok({ name, phones: [...new Set(phones)], unitCode });
}

/** Another customer with the same phone: refused at creation, named in the message. */
export function findPhoneConflict(phones: string[], others: Iterable<CustomerRow>, selfId?: string): Problem | null {
  for (const other of others) {
    if (other.id === selfId) continue;
    const clash = other.phones.find((p) => phones.includes(p));
    if (clash) {
      return { code: 'customer.error.duplicatePhone', field: 'phones', params: { phone: maskPhone(clash), name: other.name, unit: other.unitCode || '—' } };
    }
  }
  return null;
}

export function createCustomer(input: CustomerInput, notes: string, ctx: CommandContext, existing: Iterable<CustomerRow>): Result<{ id: string; command: Command }> {
  const cleaned = cleanCustomerInput(input);
  if (!cleaned.ok) return cleaned;
  if (notes.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'notes', params: { max: LIMITS.note } });
  const conflict = findPhoneConflict(cleaned.value.phones, existing);
  if (conflict) return fail(conflict);
  const id = newId();
  const { name, phones, unitCode } = cleaned.value;
  return ok({
    id,
    command: {
      shard: 'directory',
      ops: [
        {
          kind: 'create',
          collection: 'customers',
          id,
          fields: { name, phones, unitCode, createdAt: ctx.now, createdBy: ctx.actor.staffId, updatedAt: ctx.now, updatedBy: ctx.actor.staffId },
          texts: { notes },
        },
        { kind: 'log', collection: 'customers', id, entry: historyEntry(ctx, 'history.created') },
      ],
    },
  });
}

/** Changes only the fields that differ, so a colleague's concurrent edit of another field stands. */
export function updateCustomer(current: Customer, input: CustomerInput, ctx: CommandContext, existing: Iterable<CustomerRow>): Result<Command | null> {
  const cleaned = cleanCustomerInput(input);
  if (!cleaned.ok) return cleaned;
  const next = cleaned.value;
  const fields: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  if (next.name !== current.name) {
    fields.name = next.name;
    changes.push({ field: 'name', from: current.name, to: next.name });
  }
  if (next.phones.join(',') !== current.phones.join(',')) {
    const added = next.phones.filter((p) => !current.phones.includes(p));
    const conflict = findPhoneConflict(added, existing, current.id);
    if (conflict) return fail(conflict);
    fields.phones = next.phones;
    changes.push({ field: 'phones', from: current.phones.map(maskPhone).join(', '), to: next.phones.map(maskPhone).join(', ') });
  }
  if (next.unitCode !== current.unitCode) {
    fields.unitCode = next.unitCode;
    changes.push({ field: 'unitCode', from: current.unitCode, to: next.unitCode });
  }
  if (!changes.length) return ok(null);
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

const NOTE_EDIT_COALESCE_MS = 10 * 60 * 1000;

/**
 * Notes are collaborative text edited keystroke by keystroke. Each edit is applied at once; the
 * history gets one "edited notes" line per person per ten minutes rather than one per keystroke.
 */
export function editCustomerNotes(current: Customer, value: string, ctx: CommandContext): Result<Command | null> {
  if (value.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'notes', params: { max: LIMITS.note } });
  if (value === current.notes) return ok(null);
  const ops: Command['ops'] = [
    { kind: 'text', collection: 'customers', id: current.id, field: 'notes', value },
    { kind: 'set', collection: 'customers', id: current.id, fields: { updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
  ];
  const last = current.history[current.history.length - 1];
  const recent = last && last.by === ctx.actor.staffId && last.action === 'history.notesEdited' &&
    Date.parse(ctx.now) - Date.parse(last.at) < NOTE_EDIT_COALESCE_MS;
  if (!recent) ops.push({ kind: 'log', collection: 'customers', id: current.id, entry: historyEntry(ctx, 'history.notesEdited') });
  return ok({ shard: 'directory', ops });
}

/** Search terms for the multi-entry index: name, every name fragment start, phone digits, unit. */
export function customerTerms(c: Pick<Customer, 'name' | 'phones' | 'unitCode'>): string[] {
  const terms = new Set<string>();
  const name = c.name.toLowerCase();
  for (let i = 0; i < name.length; i++) terms.add(name.slice(i));
  for (const phone of c.phones) {
    const digits = phone.replace(/\D/g, '');
    for (let i = 0; i + 4 <= digits.length; i++) terms.add(digits.slice(i));
  }
  if (c.unitCode) terms.add(c.unitCode.toLowerCase());
  return [...terms];
}

export function projectCustomer(c: Customer): CustomerRow {
  return { id: c.id, name: c.name, phones: c.phones, unitCode: c.unitCode, updatedAt: c.updatedAt, terms: customerTerms(c) };
}

/** Snapshot from the plain JSON of a record (fields missing on an old replica get defaults). */
export function customerFromRecord(id: string, r: Record<string, unknown>): Customer {
  return {
    id,
    name: String(r.name ?? ''),
    phones: Array.isArray(r.phones) ? r.phones.map(String) : [],
    unitCode: String(r.unitCode ?? ''),
    notes: String(r.notes ?? ''),
    createdAt: String(r.createdAt ?? ''),
    createdBy: String(r.createdBy ?? ''),
    updatedAt: String(r.updatedAt ?? ''),
    updatedBy: String(r.updatedBy ?? ''),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}
