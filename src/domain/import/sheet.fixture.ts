/**
 * For import tests (domain, store and e2e): sheets typed as rows, the context of a command, and
 * valid ID numbers — what every import test builds its files from.
 */
import type { CommandContext } from '../actor';
import { sheetFromRows } from './plan';
import type { Sheet, SheetRow } from './types';

export const ctx: CommandContext = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T09:00:00.000Z' };

/** Rows numbered from 1, as a spreadsheet shows them. */
export const rows = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ n: i + 1, cells }));

/** A sheet named Sheet1 of these rows, the first one its headers. */
export const sheet = (...lines: string[][]): Sheet => sheetFromRows('Sheet1', rows(...lines))!;

/** A valid ID number (GB 11643 check digit) for a birth date YYYYMMDD. */
export function idNumber(birth: string, seq = '123'): string {
  const body = `110101${birth}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}
