/**
 * A bad optional field is not a lost customer. A wrong ID check digit, a malformed e-mail or an
 * impossible birthday would make the new-customer form refuse the whole record; an import of
 * years of paper instead leaves that field out, warns in the report, and flags the record
 * (`toVerify`: 证件号待核实) so staff can fix it later. An office that prefers to fix the file
 * first turns on `refuseBadOptional` and such rows are refused as before.
 */
import type { CustomerInput } from '../customers/types';
import type { Problem, Result } from '../result';

/** Customer fields an import may leave out and flag; anything else wrong still refuses the row. */
export const OPTIONAL_FIELDS = ['idNumber', 'email', 'dates', 'unitFrom', 'unitTo'] as const;
const isOptional = (p: Problem) => (OPTIONAL_FIELDS as readonly string[]).includes(p.field ?? '');

export function softenOptional(
  input: CustomerInput,
  converted: Problem[],
  clean: (input: CustomerInput) => Result<CustomerInput>,
): { cleaned: Result<CustomerInput>; warnings: Problem[] } {
  const warnings = [...converted];
  let cleaned = clean(input);
  if (!cleaned.ok && cleaned.problems.every(isOptional)) {
    warnings.push(...cleaned.problems);
    const without: CustomerInput = { ...input };
    for (const p of cleaned.problems) delete without[p.field as (typeof OPTIONAL_FIELDS)[number]];
    cleaned = clean(without);
  }
  if (cleaned.ok && warnings.length) {
    const flagged = [...new Set(warnings.map((w) => w.field).filter((f): f is string => !!f))];
    cleaned = { ok: true, value: { ...cleaned.value, toVerify: flagged } };
  }
  return { cleaned, warnings };
}
