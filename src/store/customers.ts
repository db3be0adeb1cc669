import {
  createCustomer as createCommand,
  customerFromRecord,
  editCustomerNotes,
  updateCustomer as updateCommand,
  type Customer,
  type CustomerInput,
  type CustomerRow,
} from '../domain/customer';
import { revealCustomerIdNumber, revealCustomerPhone } from '../domain/customer-reveal';
import { normalizeIdNumber } from '../domain/id-number';
import { knownUnitCodes } from './units';
import { normalizePhone } from '../domain/phone';
import { canonicalUnitCode } from '../domain/unit-code';
import { fail, ok, type Result } from '../domain/result';
import type { LinliDB } from './db';
import type { Office } from './office-api';

/** What the duplicate and unit rules need to know: holders of these phones or ID number, and the unit register. */
async function factsFor(db: LinliDB, input: CustomerInput) {
  const wanted = input.phones.map(normalizePhone).filter(Boolean);
  const id = normalizeIdNumber(input.idNumber ?? '');
  const [byPhone, byId, knownUnits] = await Promise.all([
    wanted.length ? db.customers.where('phones').anyOf(wanted).toArray() : [],
    id ? db.customers.where('idNumber').equals(id).toArray() : [],
    knownUnitCodes(db),
  ]);
  return { existing: [...byPhone, ...byId], knownUnits };
}

export async function createCustomer(office: Office, input: CustomerInput, notes = ''): Promise<Result<string>> {
  await office.load('directory');
  const made = createCommand(input, notes, office.context(), await factsFor(office.db, input));
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function readCustomer(office: Office, id: string): Promise<Customer | null> {
  const record = await office.read('directory', 'customers', id);
  return record ? customerFromRecord(id, record) : null;
}

export async function updateCustomer(office: Office, id: string, input: CustomerInput): Promise<Result<void>> {
  const current = await readCustomer(office, id);
  if (!current) return fail({ code: 'error.notFound' });
  const command = updateCommand(current, input, office.context(), await factsFor(office.db, input));
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}

/** `base`: the editor's text before this keystroke (see the `text` op), so colleagues' typing it had not shown yet is kept. */
export async function editNotes(office: Office, id: string, value: string, base?: string): Promise<Result<void>> {
  const current = await readCustomer(office, id);
  if (!current) return fail({ code: 'error.notFound' });
  const command = editCustomerNotes(current, value, office.context(), base);
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}

/** Showing a full phone or ID number is written into the customer's history. */
export function revealPhone(office: Office, id: string): Promise<Result<void>> {
  return office.run(revealCustomerPhone(id, office.context()));
}

export function revealIdNumber(office: Office, id: string): Promise<Result<void>> {
  return office.run(revealCustomerIdNumber(id, office.context()));
}

/** The household: the head and everyone who names the same head (or names this customer). */
export async function householdOf(db: LinliDB, customer: { id: string; householdOf: string }): Promise<CustomerRow[]> {
  const head = customer.householdOf || customer.id;
  const [headRow, members] = await Promise.all([db.customers.get(head), db.customers.where('householdOf').equals(head).toArray()]);
  return [...(headRow ? [headRow] : []), ...members].filter((c) => c.id !== customer.id);
}

/** Customers of a unit, for choosing a head of household. */
export function customersOfUnit(db: LinliDB, unitCode: string): Promise<CustomerRow[]> {
  const code = canonicalUnitCode(unitCode);
  return code ? db.customers.where('unitCodes').equals(code).toArray() : Promise.resolve([]);
}

const LIST_LIMIT = 200;
const SEARCH_LIMIT = 60;

/**
 * One box for every way staff look a customer up: a name fragment, 4+ digits of a phone, or a
 * unit code in any written form. Reads only the projection, so it answers before any document
 * is loaded.
 */
export async function searchCustomers(db: LinliDB, query: string): Promise<CustomerRow[]> {
  const q = query.trim().toLowerCase();
  if (!q) return db.customers.orderBy('updatedAt').reverse().limit(LIST_LIMIT).toArray();
  const unit = canonicalUnitCode(q);
  const needle = /^\d[\d\s-]*$/.test(q) && !unit?.includes('-') ? q.replace(/\D/g, '') : q;
  const byTerm = db.customers.where('terms').startsWith(needle).distinct().limit(SEARCH_LIMIT).toArray();
  const byUnit = unit ? db.customers.where('unitCodes').startsWith(unit).limit(SEARCH_LIMIT).toArray() : Promise.resolve([]);
  // A bare room number ("1101", "302"): the customers of every unit with that room.
  const room = /^\d{3,5}$/.test(q) ? `#${q}` : '';
  const byRoom = room ? db.customers.where('terms').equals(room).limit(SEARCH_LIMIT).toArray() : Promise.resolve([]);
  const [units, rooms, terms] = await Promise.all([byUnit, byRoom, byTerm]);
  const seen = new Set<string>();
  const rows: CustomerRow[] = [];
  for (const row of [...units, ...rooms, ...terms]) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  // Exact name or unit first; then names that start with the query, whole pinyin or initials
  // matches (zw → 张伟), then everything else; by name within a rank.
  // A bare room's units come right after an exact unit match.
  const rank = (r: CustomerRow) =>
    r.name.toLowerCase() === q || r.unitCodes.includes(unit ?? '') ? 0 : room && r.terms.includes(room) ? 1 : r.name.toLowerCase().startsWith(q) ? 2 : r.terms.includes(needle) ? 3 : 4;
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

export function countCustomers(db: LinliDB): Promise<number> {
  return db.customers.count();
}
