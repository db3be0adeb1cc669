import {
  createCustomer as createCommand,
  customerFromRecord,
  editCustomerNotes,
  updateCustomer as updateCommand,
  type Customer,
  type CustomerInput,
  type CustomerRow,
} from '../domain/customer';
import { revealCustomerPhone } from '../domain/customer-reveal';
import { normalizePhone } from '../domain/phone';
import { canonicalUnitCode } from '../domain/unit-code';
import { fail, ok, type Result } from '../domain/result';
import type { LinliDB } from './db';
import type { OfficeStore } from './office-store';

/** Customers that already hold any of these phones (for the duplicate rule). */
function holdersOf(db: LinliDB, phones: string[]): Promise<CustomerRow[]> {
  const wanted = phones.map(normalizePhone).filter(Boolean);
  return wanted.length ? db.customers.where('phones').anyOf(wanted).toArray() : Promise.resolve([]);
}

export async function createCustomer(office: OfficeStore, input: CustomerInput, notes = ''): Promise<Result<string>> {
  await office.shard('directory');
  const made = createCommand(input, notes, office.context(), await holdersOf(office.db, input.phones));
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function readCustomer(office: OfficeStore, id: string): Promise<Customer | null> {
  const record = await office.read('directory', 'customers', id);
  return record ? customerFromRecord(id, record) : null;
}

export async function updateCustomer(office: OfficeStore, id: string, input: CustomerInput): Promise<Result<void>> {
  const current = await readCustomer(office, id);
  if (!current) return fail({ code: 'error.notFound' });
  const command = updateCommand(current, input, office.context(), await holdersOf(office.db, input.phones));
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}

export async function editNotes(office: OfficeStore, id: string, value: string): Promise<Result<void>> {
  const current = await readCustomer(office, id);
  if (!current) return fail({ code: 'error.notFound' });
  const command = editCustomerNotes(current, value, office.context());
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}

export function revealPhone(office: OfficeStore, id: string): Promise<Result<void>> {
  return office.run(revealCustomerPhone(id, office.context()));
}

const LIST_LIMIT = 200;

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
  const byTerm = db.customers.where('terms').startsWith(needle).distinct().limit(LIST_LIMIT).toArray();
  const byUnit = unit ? db.customers.where('unitCode').startsWith(unit).limit(LIST_LIMIT).toArray() : Promise.resolve([]);
  const [units, terms] = await Promise.all([byUnit, byTerm]);
  const seen = new Set<string>();
  const rows: CustomerRow[] = [];
  for (const row of [...units, ...terms]) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  // Exact name and exact unit first, then by name.
  const rank = (r: CustomerRow) => (r.name.toLowerCase() === q || r.unitCode === unit ? 0 : r.name.toLowerCase().startsWith(q) ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

export function countCustomers(db: LinliDB): Promise<number> {
  return db.customers.count();
}
