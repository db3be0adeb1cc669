import type { CustomerRow } from '../customers/types';
import { maskPhone } from '../mask';
import { specialNeedsOf, type SpecialNeed } from './needs';

/**
 * A list as a table for Excel (名单导出): unit, name, kind, phones, tags, needs. Phones are masked
 * unless the office's policy lets this role export them in full (personal-data.ts) and staff
 * asked; ID numbers are never in a list (nobody phones an ID number). `words` gives the cells'
 * words in the reader's language (the page passes its dictionary).
 */
export function residentTable(rows: readonly CustomerRow[], full: boolean, words: { headers: string[]; kind: (k: CustomerRow['kind']) => string; need: (n: SpecialNeed) => string }): string[][] {
  return [
    words.headers,
    ...rows.map((c) => [c.unitCode, c.name, words.kind(c.kind), (full ? c.phones : c.phones.map(maskPhone)).join('、'), c.tags.join('、'), specialNeedsOf(c.tags).map(words.need).join('、')]),
  ];
}
