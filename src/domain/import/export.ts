/**
 * Customers and units as tables for Excel: Chinese headers (the same words an import recognises,
 * so an exported file imports back as is), choices written as words (业主, 自住), phones and ID
 * numbers masked unless staff asked for them in full.
 */
import type { CommandContext } from '../actor';
import type { Customer } from '../customers/types';
import { historyEntry } from '../history';
import type { Command } from '../ops';
import { choiceWord, exportHeader, type CustomerTarget, type UnitTarget } from './columns';
import { formatImportantDate } from './cells';
import { maskIdNumber, maskPhone } from '../mask';
import { mayExportFull, type PersonalDataPolicy } from '../customers/personal-data';
import { ok, type Result } from '../result';
import type { StaffRole } from '../staff/staff';
import { unitSortKey, type UnitRow } from '../units/unit';

const CUSTOMER_COLUMNS: [CustomerTarget, (c: Customer, full: boolean) => string][] = [
  ['name', (c) => c.name],
  ['kind', (c) => choiceWord('kind', c.kind)],
  ['gender', (c) => (c.gender ? choiceWord('gender', c.gender) : '')],
  ['phones', (c, full) => (full ? c.phones : c.phones.map(maskPhone)).join('、')],
  ['unitCode', (c) => c.unitCode],
  ['unitRelation', (c) => (c.unitCode ? choiceWord('unitRelation', c.unitRelation) : '')],
  ['idNumber', (c, full) => (full || !c.idNumber ? c.idNumber : maskIdNumber(c.idNumber))],
  ['wechat', (c) => c.wechat],
  ['email', (c) => c.email],
  ['address', (c) => c.address],
  ['employer', (c) => c.employer],
  ['occupation', (c) => c.occupation],
  ['tags', (c) => c.tags.join('、')],
  ['grade', (c) => choiceWord('grade', c.grade)],
  ['birthday', (c) => {
    const birthday = c.dates.find((d) => d.kind === 'birthday');
    return birthday ? formatImportantDate(birthday) : '';
  }],
  ['notes', (c) => c.notes],
];

const UNIT_COLUMNS: [UnitTarget, (u: UnitRow) => string][] = [
  ['code', (u) => u.code],
  ['area', (u) => (u.area === null ? '' : String(u.area))],
  ['use', (u) => choiceWord('use', u.use)],
  ['status', (u) => choiceWord('status', u.status)],
];

const byUnitThenName = (a: Customer, b: Customer) =>
  unitSortKey(a.unitCode || '~').localeCompare(unitSortKey(b.unitCode || '~')) || a.name.localeCompare(b.name, 'zh-CN');

/** Header row first. `full`: phones and ID numbers as they are (staff ticked 包含完整电话和证件号). */
export function customerTable(customers: Customer[], full: boolean): string[][] {
  const rows = [...customers].sort(byUnitThenName).map((c) => CUSTOMER_COLUMNS.map(([, value]) => value(c, full)));
  return [CUSTOMER_COLUMNS.map(([target]) => exportHeader('customers', target)), ...rows];
}

export function unitTable(units: UnitRow[]): string[][] {
  const rows = [...units].sort((a, b) => unitSortKey(a.code).localeCompare(unitSortKey(b.code))).map((u) => UNIT_COLUMNS.map(([, value]) => value(u)));
  return [UNIT_COLUMNS.map(([target]) => exportHeader('units', target)), ...rows];
}

/**
 * Excel runs a CSV cell starting with = + - @ as a formula (a customer named
 * "=HYPERLINK(…)" would become a link). Such cells get a leading apostrophe; an import removes it.
 */
export const guardCell = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/**
 * Exporting phones and ID numbers in full is written into the office's history (who, when, how
 * many), as showing one customer's full number is written into that customer's. Only roles the
 * office's policy allows may (personal-data.ts).
 */
export function recordFullExport(kind: 'customers' | 'units', count: number, ctx: CommandContext, facts: { role: StaffRole | undefined; policy: PersonalDataPolicy }): Result<Command> {
  const allowed = mayExportFull(facts.policy, facts.role);
  if (!allowed.ok) return allowed;
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'office', upsert: true, fields: {} },
      { kind: 'log', collection: 'settings', id: 'office', entry: historyEntry(ctx, 'history.exportedFull', [{ field: kind, to: String(count) }]) },
    ],
  });
}
