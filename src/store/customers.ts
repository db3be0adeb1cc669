import {
  createCustomer as createCommand,
  customerFromRecord,
  editCustomerNotes,
  updateCustomer as updateCommand,
  type Customer,
  type CustomerInput,
} from '../domain/customers/customer';
import { revealCustomerField, type RevealField } from '../domain/customers/reveal';
import { normalizeIdNumber } from '../domain/id-number';
import { knownUnitsAmong } from './queries/units';
import { normalizePhone } from '../domain/phone';
import { fail, ok, type Result } from '../domain/result';
import type { ReadonlyDB } from './readonly-db';
import type { Office } from './office-api';
import { oneAtATime } from './one-at-a-time';
import { personalDataFacts } from './personal-data';

/** What the duplicate and unit rules need to know: holders of these phones or ID number, and the unit register. */
async function factsFor(db: ReadonlyDB, input: CustomerInput) {
  const wanted = input.phones.map(normalizePhone).filter(Boolean);
  const id = normalizeIdNumber(input.idNumber ?? '');
  const [byPhone, byId, knownUnits] = await Promise.all([
    wanted.length ? db.customers.where('phones').anyOf(wanted).toArray() : [],
    id ? db.customers.where('idNumber').equals(id).toArray() : [],
    knownUnitsAmong(db, [input.unitCode, ...(input.extraUnits ?? []).map((u) => u.unitCode)]),
  ]);
  return { existing: [...byPhone, ...byId], knownUnits };
}

/** Registers a customer; its duplicate checks (ID number, unit) hold for two creates in flight too (see one-at-a-time.ts). */
export function createCustomer(office: Office, input: CustomerInput, notes = ''): Promise<Result<string>> {
  return oneAtATime(office, 'directory', async () => {
    await office.load('directory');
    const made = createCommand(input, notes, office.context(), await factsFor(office.db, input));
    if (!made.ok) return made;
    const saved = await office.run(made.value.command);
    return saved.ok ? ok(made.value.id) : saved;
  });
}

export async function readCustomer(office: Office, id: string): Promise<Customer | null> {
  const record = await office.read('directory', 'customers', id);
  return record ? customerFromRecord(id, record) : null;
}

export async function updateCustomer(office: Office, id: string, input: CustomerInput): Promise<Result<void>> {
  // Side by side: the record from the worker, the rules' facts from the projection (each is a
  // round trip the colleague's copy of the edit waits for).
  const [current, facts] = await Promise.all([readCustomer(office, id), factsFor(office.db, input)]);
  if (!current) return fail({ code: 'error.notFound' });
  const command = updateCommand(current, input, office.context(), facts);
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

/**
 * Showing a full phone or ID number: only for roles the office allows (with a reason where it
 * asks one), and written into the customer's history.
 */
export async function revealNumber(office: Office, id: string, field: RevealField, reason?: string): Promise<Result<void>> {
  const made = revealCustomerField(id, field, office.context(), { ...(await personalDataFacts(office)), reason });
  return made.ok ? office.run(made.value) : made;
}

export const revealPhone = (office: Office, id: string, reason?: string) => revealNumber(office, id, 'phones', reason);
export const revealIdNumber = (office: Office, id: string, reason?: string) => revealNumber(office, id, 'idNumber', reason);

