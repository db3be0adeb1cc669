import { isValidImportantDate } from '../dates';
import { isDay } from '../days';
import { isValidIdNumber, normalizeIdNumber } from '../id-number';
import { LIMITS } from '../limits';
import { maskIdNumber, maskPhone } from '../mask';
import { isValidPhone, normalizePhone } from '../phone';
import { fail, ok, type Problem, type Result } from '../result';
import { canonicalUnitCode } from '../units/unit-code';
import {
  CUSTOMER_KINDS,
  GRADES,
  HOUSEHOLD_RELATIONS,
  UNIT_RELATIONS,
  type CustomerInput,
  type CustomerRow,
} from './types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SHORT_FIELDS = ['wechat', 'address', 'employer', 'occupation'] as const;

/**
 * Cleans what staff typed (or a spreadsheet held) and says plainly what is wrong, field by
 * field. `knownUnits` is the office's unit register; null when the office keeps none.
 */
export function cleanCustomerInput(input: CustomerInput, knownUnits: Set<string> | null = null): Result<CustomerInput> {
  const problems: Problem[] = [];
  const out: CustomerInput = { ...input };
  out.name = input.name.trim();
  if (!out.name) problems.push({ code: 'customer.error.nameRequired', field: 'name' });
  else if (out.name.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.name } });

  const phones = input.phones.map(normalizePhone).filter(Boolean);
  if (phones.length > LIMITS.phones) problems.push({ code: 'customer.error.tooManyPhones', field: 'phones', params: { max: LIMITS.phones } });
  for (const phone of phones) if (!isValidPhone(phone)) problems.push({ code: 'customer.error.badPhone', field: 'phones', params: { phone } });
  out.phones = [...new Set(phones)];

  out.unitCode = '';
  if (input.unitCode.trim()) {
    const canonical = canonicalUnitCode(input.unitCode);
    if (!canonical) problems.push({ code: 'customer.error.badUnit', field: 'unitCode', params: { unit: input.unitCode.trim() } });
    else if (knownUnits && !knownUnits.has(canonical)) problems.push({ code: 'customer.error.unknownUnit', field: 'unitCode', params: { unit: canonical } });
    else out.unitCode = canonical;
  }
  if (input.extraUnits) {
    out.extraUnits = [];
    for (const link of input.extraUnits) {
      const code = canonicalUnitCode(link.unitCode);
      if (!code) problems.push({ code: 'customer.error.badUnit', field: 'extraUnits', params: { unit: link.unitCode } });
      else if (knownUnits && !knownUnits.has(code)) problems.push({ code: 'customer.error.unknownUnit', field: 'extraUnits', params: { unit: code } });
      else out.extraUnits.push({ ...link, unitCode: code, relation: UNIT_RELATIONS.includes(link.relation) ? link.relation : 'owner' });
    }
  }
  for (const key of ['unitFrom', 'unitTo'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    out[key] = value.trim();
    if (out[key] && !isDay(out[key]!)) problems.push({ code: 'customer.error.badDate', field: key });
  }
  if (input.idNumber !== undefined) {
    out.idNumber = normalizeIdNumber(input.idNumber);
    if (out.idNumber && !isValidIdNumber(out.idNumber)) problems.push({ code: 'customer.error.badIdNumber', field: 'idNumber' });
  }
  if (input.email !== undefined) {
    out.email = input.email.trim();
    if (out.email && !EMAIL.test(out.email)) problems.push({ code: 'customer.error.badEmail', field: 'email', params: { email: out.email } });
  }
  for (const key of SHORT_FIELDS) {
    const value = input[key];
    if (value === undefined) continue;
    out[key] = value.trim();
    if (out[key]!.length > LIMITS.shortText) problems.push({ code: 'error.tooLong', field: key, params: { max: LIMITS.shortText } });
  }
  if (input.preferences !== undefined && input.preferences.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'preferences', params: { max: LIMITS.note } });
  if (input.tags) {
    out.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
    if (out.tags.length > 20 || out.tags.some((t) => t.length > 20)) problems.push({ code: 'customer.error.badTags', field: 'tags' });
  }
  if (input.kind !== undefined && !CUSTOMER_KINDS.includes(input.kind)) out.kind = 'owner';
  if (input.grade !== undefined && !GRADES.includes(input.grade)) out.grade = 'normal';
  if (input.unitRelation !== undefined && !UNIT_RELATIONS.includes(input.unitRelation)) out.unitRelation = 'owner';
  if (input.householdRelation && !HOUSEHOLD_RELATIONS.includes(input.householdRelation as never)) out.householdRelation = 'other';
  if (input.dates) for (const d of input.dates) if (!isValidImportantDate(d)) problems.push({ code: 'customer.error.badDate', field: 'dates' });
  if (problems.length) return fail(...problems);
  return ok(out);
}

/** Another customer with the same phone or ID number; the message names them (masked). */
export function findDuplicate(input: Pick<CustomerInput, 'phones' | 'idNumber'>, others: Iterable<CustomerRow>, selfId?: string): Problem | null {
  for (const other of others) {
    if (other.id === selfId) continue;
    const clash = other.phones.find((p) => input.phones.includes(p));
    if (clash) return { code: 'customer.error.duplicatePhone', field: 'phones', params: { phone: maskPhone(clash), name: other.name, unit: other.unitCode || '—' } };
    if (input.idNumber && other.idNumber === input.idNumber) {
      return { code: 'customer.error.duplicateId', field: 'idNumber', params: { id: maskIdNumber(input.idNumber), name: other.name, unit: other.unitCode || '—' } };
    }
  }
  return null;
}

