/**
 * One spreadsheet row → the input a form would give. Conversion says what it could not read
 * (an unknown 类型, an unreadable 生日) as problems naming the cell; the rules shared with the
 * forms (phones, units, ID numbers, lengths) are left to cleanCustomerInput / cleanUnitInput.
 */
import type { CustomerInput } from '../customers/types';
import { isValidImportantDate, type ImportantDate } from '../dates';
import { choiceOf, normalizeHeader, VALUE_WORDS, type ChoiceField, type Mapping, type Target, type ValueMap } from './columns';
import type { Problem } from '../result';
import type { UnitInput } from '../units/unit';
import type { SheetRow } from './types';

/**
 * Cells that look like markup are refused rather than stored: in a customer list they are a
 * copy-paste accident or an attack, and staff should see it in the report. (Everything is shown
 * as text anyway; this is about not keeping junk.)
 */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;

/**
 * An export guards cells that Excel would run as a formula (=, +, -, @) with a leading
 * apostrophe; reading the file back removes it.
 */
export const unguardCell = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 正 → 1, 冬 → 11, 腊 → 12, 十二 → 12, 7 → 7 */
function lunarMonth(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === '正') return 1;
  if (s === '冬') return 11;
  if (s === '腊' || s === '臘') return 12;
  return chineseNumber(s);
}

/** 初五 → 5, 十五 → 15, 廿三 → 23, 二十 → 20, 三十 → 30, 卅 → 30 */
function lunarDay(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s.startsWith('初')) return chineseNumber(s.slice(1));
  if (s.startsWith('廿')) {
    if (s.length === 1) return 20;
    const units = CN_DIGITS[s.slice(1)];
    return units && units < 10 ? 20 + units : null;
  }
  if (s === '卅') return 30;
  return chineseNumber(s);
}

function chineseNumber(s: string): number | null {
  if (!s) return null;
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  const ten = s.indexOf('十');
  if (ten < 0) return null;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const units = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)];
  return tens && tens < 10 && units !== undefined && units < 10 ? tens * 10 + units : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1899-12-30 (Excel's day zero), for a date cell that arrived as a bare number. */
function fromExcelSerial(serial: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A date as offices write it: 1990-03-05, 1990/3/5, 1990年3月5日, 03-05, 3月5日, an Excel date;
 * lunar with 农历 (or 阴历) before or after: 农历3月5日, 农历03-05, 农历1990年3月5日, 农历正月初五,
 * 农历闰四月十二, 八月十五（农历）. undefined for an empty cell, null when unreadable.
 */
export function parseImportantDate(raw: string, kind: ImportantDate['kind'] = 'birthday'): ImportantDate | null | undefined {
  let s = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  if (!s) return undefined;
  const lunar = /农历|農曆|农暦|阴历|陰曆|lunar/i.test(s);
  s = s.replace(/农历|農曆|农暦|阴历|陰曆|lunar/gi, '').replace(/[()（）[\]【】]/g, '').replace(/T\d{2}:\d{2}.*$/, '');
  let leap = false;
  if (/^(\d{4}[-/.年])?(闰|閏)/.test(s)) {
    leap = true;
    s = s.replace(/闰|閏/, '');
  }
  let year: number | undefined;
  let month: number | null = null;
  let day: number | null = null;
  let m: RegExpMatchArray | null;
  if (!lunar && /^\d{5}(\.\d+)?$/.test(s)) {
    ({ year, month, day } = fromExcelSerial(Number(s)));
  } else if ((m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号號]?$/))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = s.match(/^(\d{1,2})[-/.月](\d{1,2})[日号號]?$/))) {
    [month, day] = [Number(m[1]), Number(m[2])];
  } else if (lunar && (m = s.match(/^(?:(\d{4})年?)?([正冬腊臘一二三四五六七八九十]{1,2})月([初廿卅一二三四五六七八九十]{1,3})[日号號]?$/))) {
    year = m[1] ? Number(m[1]) : undefined;
    [month, day] = [lunarMonth(m[2]), lunarDay(m[3])];
  } else {
    return null;
  }
  if (month === null || day === null) return null;
  const date: ImportantDate = { kind, calendar: lunar ? 'lunar' : 'solar', month, day };
  if (year !== undefined) date.year = year;
  if (lunar && leap) date.leap = true;
  if (leap && !lunar) return null;
  return isValidImportantDate(date) ? date : null;
}

/** How a date is written back out: the inverse of parseImportantDate. */
export function formatImportantDate(d: ImportantDate): string {
  if (d.calendar === 'lunar') return `农历${d.year ? `${d.year}年` : ''}${d.leap ? '闰' : ''}${d.month}月${d.day}日`;
  return d.year ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `${pad(d.month)}-${pad(d.day)}`;
}

/** The cells of a row by target; several columns of one target are collected in order. */
function cellsByTarget(row: SheetRow, mapping: Mapping): Map<Target, { value: string; column: number }[]> {
  const out = new Map<Target, { value: string; column: number }[]>();
  mapping.columns.forEach((target, column) => {
    if (!target) return;
    const value = unguardCell((row.cells[column] ?? '').trim());
    if (!value) return;
    let list = out.get(target);
    if (!list) out.set(target, (list = []));
    list.push({ value, column });
  });
  return out;
}

export interface Converted<T> {
  input: T;
  /**
   * Optional fields left out because their cell was wrong (a bad ID check digit, an impossible
   * birthday): the row still imports, the report warns, the record says the field is to be
   * checked — unless the office refuses such rows.
   */
  warnings: Problem[];
  /** Long text kept apart from the input (a customer's 备注). */
  notes: string;
  problems: Problem[];
}

/** Problems name the column by the file's own header, so staff find the cell. */
type HeaderOf = (column: number) => string;

function markupProblems(cells: Map<Target, { value: string; column: number }[]>, header: HeaderOf): Problem[] {
  const problems: Problem[] = [];
  for (const [target, list] of cells) {
    for (const c of list) if (MARKUP.test(c.value)) problems.push({ code: 'import.error.markup', field: target, params: { column: header(c.column) } });
  }
  return problems;
}

/** Choice fields that a wrong cell should not cost a customer: they are left empty and warned. */
function choice<F extends ChoiceField>(field: F, cells: Cells, target: Target, header: HeaderOf, problems: Problem[], values?: ValueMap) {
  const cell = cells.get(target)?.[0];
  if (!cell) return undefined;
  const value = choiceOf(field, cell.value, values);
  if (value === null) {
    const choices = Object.values(VALUE_WORDS[field] as Record<string, readonly string[]>).map((words) => words[0]).join('、');
    problems.push({ code: 'import.error.badChoice', field: target, params: { column: header(cell.column), value: cell.value, choices } });
  }
  return value || undefined;
}

type Cells = Map<Target, { value: string; column: number }[]>;

const first = (cells: Cells, target: Target) => cells.get(target)?.[0]?.value;
/**
 * Several phones in one cell: 13812345678 / 0755-86001234, or just a space between them. A
 * single number written with spaces (138 1234 5678) stays one number.
 */
function splitPhones(values: string[] | undefined): string[] {
  return splitList(values, /[,，;；、/|\n]+/).flatMap((piece) => {
    const parts = piece.split(/\s+/);
    return parts.length > 1 && parts.every((p) => /^\+?[\d-]{7,}$/.test(p)) ? parts : [piece];
  });
}

/** Tags: one cell may hold several, separated as people separate them. */
const splitList = (values: string[] | undefined, separators: RegExp) => (values ?? []).flatMap((v) => v.split(separators)).map((v) => v.trim()).filter(Boolean);

/**
 * An ID number Excel stored as a number has lost its last digits (15 significant digits) and
 * shows as 1.10101E+17; say so rather than "bad check digit".
 */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

/**
 * The unit code of a row: the unit column as written, or put together from 楼栋 / 单元 / 房号
 * columns (3栋, 2单元, 1101 → 3-2-1101). A room column that already holds a whole code wins. A
 * room written without its floor (01, with 楼层 11) gets it (1101).
 */
function unitCodeOf(cells: Cells, room: Target): string {
  let code = first(cells, room) ?? '';
  const building = (first(cells, 'building') ?? '').replace(/\s/g, '').replace(/(号楼|栋|幢|座|楼|#)$/, '');
  const entrance = (first(cells, 'entrance') ?? '').replace(/\s/g, '').replace(/(单元|單元|#)$/, '');
  const floor = (first(cells, 'floor') ?? '').replace(/\s/g, '').replace(/(层|樓|楼|F)$/i, '');
  if (!building || !code || /[-#栋幢座单元]/.test(code)) return code;
  code = code.replace(/\s/g, '').replace(/(室|号)$/, '');
  if (/^\d{1,2}$/.test(code) && /^\d{1,3}$/.test(floor)) code = `${Number(floor)}${code.padStart(2, '0')}`;
  return [building, entrance, code].filter(Boolean).join('-');
}

/** The person fields a customer list and a household roster share. */
function personFromCells(cells: Cells, header: HeaderOf, problems: Problem[], warnings: Problem[], values: ValueMap | undefined): CustomerInput {
  const all = (t: Target) => cells.get(t)?.map((c) => c.value);
  const input: CustomerInput = { name: first(cells, 'name') ?? '', phones: splitPhones(all('phones')), unitCode: '' };
  const gender = choice('gender', cells, 'gender', header, problems, values);
  if (gender) input.gender = gender;
  const grade = choice('grade', cells, 'grade', header, problems, values);
  if (grade) input.grade = grade;
  const id = first(cells, 'idNumber');
  if (id !== undefined) {
    if (SCIENTIFIC.test(id)) warnings.push({ code: 'import.error.idAsNumber', field: 'idNumber', params: { value: id } });
    else input.idNumber = id;
  }
  for (const key of ['wechat', 'email', 'address', 'employer', 'occupation'] as const) {
    const value = first(cells, key);
    if (value !== undefined) input[key] = value;
  }
  const tags = splitList(all('tags'), /[、,，;；/|\n]+/);
  if (tags.length) input.tags = tags;
  const birthday = cells.get('birthday')?.[0];
  if (birthday) {
    const date = parseImportantDate(birthday.value);
    if (date) input.dates = [date];
    else warnings.push({ code: 'import.error.badDate', field: 'dates', params: { column: header(birthday.column), value: birthday.value } });
  }
  return input;
}

export function customerFromRow(row: SheetRow, mapping: Mapping, header: HeaderOf): Converted<CustomerInput> {
  const cells = cellsByTarget(row, mapping);
  const problems = markupProblems(cells, header);
  const warnings: Problem[] = [];
  const input = personFromCells(cells, header, problems, warnings, mapping.values);
  input.unitCode = unitCodeOf(cells, 'unitCode');
  const kind = choice('kind', cells, 'kind', header, problems, mapping.values);
  if (kind) input.kind = kind;
  const relation = choice('unitRelation', cells, 'unitRelation', header, problems, mapping.values);
  if (relation) input.unitRelation = relation;
  return { input, notes: (cells.get('notes')?.map((c) => c.value) ?? []).join('\n'), problems, warnings };
}

/** 89.5㎡, 89.5平方米, 89.5 m2, 1,089.5 → 89.5 / 1089.5 */
const areaOf = (raw: string | undefined) => (raw ?? '').normalize('NFKC').replace(/(平方米|平米|平方|m2|m²|㎡|sqm)$/i, '').replace(/,/g, '').trim();

export function unitFromRow(row: SheetRow, mapping: Mapping, header: HeaderOf): Converted<UnitInput> {
  const cells = cellsByTarget(row, mapping);
  const problems = markupProblems(cells, header);
  const use = choice('use', cells, 'use', header, problems, mapping.values) ?? 'residential';
  const status = choice('status', cells, 'status', header, problems, mapping.values) ?? 'owner';
  return { input: { code: unitCodeOf(cells, 'code'), area: areaOf(first(cells, 'area')), use, status }, notes: '', problems, warnings: [] };
}

/** One row of a roster of units with their people. */
export interface HouseholdRow {
  unit: UnitInput;
  /** The person on the row; null for a unit without anyone (a vacant flat). */
  person: CustomerInput | null;
  /** 户主 / 配偶 / 子女…, when the row says. */
  householdRelation?: 'head' | 'spouse' | 'child' | 'parent' | 'sibling' | 'other';
}

/** A whole date (2025-03-01, 2025/3/1, 2025年3月1日, an Excel date) as YYYY-MM-DD; null if not one. */
function wholeDate(raw: string): string | null {
  const d = parseImportantDate(raw);
  if (!d || d.calendar !== 'solar' || !d.year) return null;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The customer field each date column fills (a warning names it, the record flags it). */
const DATE_FIELD = { moveIn: 'dates', leaseFrom: 'unitFrom', leaseTo: 'unitTo' } as const;

export function householdFromRow(row: SheetRow, mapping: Mapping, header: HeaderOf): Converted<HouseholdRow> {
  const cells = cellsByTarget(row, mapping);
  const problems = markupProblems(cells, header);
  const warnings: Problem[] = [];
  const values = mapping.values;
  const use = choice('use', cells, 'use', header, problems, values) ?? 'residential';
  const status = choice('status', cells, 'status', header, problems, values) ?? 'owner';
  const unit: UnitInput = { code: unitCodeOf(cells, 'unitCode'), area: areaOf(first(cells, 'area')), use, status };
  const relation = choice('householdRelation', cells, 'householdRelation', header, problems, values);
  const kind = choice('kind', cells, 'kind', header, problems, values);
  const person = personFromCells(cells, header, problems, warnings, values);
  const notes = (cells.get('notes')?.map((c) => c.value) ?? []).join('\n');
  if (!person.name.trim()) return { input: { unit, person: null }, notes: '', problems, warnings };
  // What the person is to the unit: the row's own word, else a relation to the head (配偶 → a
  // household member), else what the whole list is (a tenant list).
  person.kind = kind || (relation && relation !== 'head' ? 'member' : mapping.defaultKind ?? 'owner');
  person.unitCode = unit.code;
  person.unitRelation = person.kind === 'owner' ? 'owner' : person.kind === 'tenant' ? 'tenant' : 'resident';
  const dates: Record<'moveIn' | 'leaseFrom' | 'leaseTo', string> = { moveIn: '', leaseFrom: '', leaseTo: '' };
  for (const key of ['moveIn', 'leaseFrom', 'leaseTo'] as const) {
    const cell = cells.get(key)?.[0];
    if (!cell) continue;
    const date = wholeDate(cell.value);
    if (date) dates[key] = date;
    else warnings.push({ code: 'import.error.badDate', field: DATE_FIELD[key], params: { column: header(cell.column), value: cell.value } });
  }
  if (dates.moveIn) {
    const [y, m, d] = dates.moveIn.split('-').map(Number);
    person.dates = [...(person.dates ?? []), { kind: 'moveIn', calendar: 'solar', year: y, month: m, day: d }];
  }
  if (dates.leaseFrom) person.unitFrom = dates.leaseFrom;
  if (dates.leaseTo) person.unitTo = dates.leaseTo;
  if (dates.leaseFrom && dates.leaseTo && dates.leaseTo < dates.leaseFrom) {
    warnings.push({ code: 'import.warn.leaseBackwards', field: 'unitTo', params: { from: dates.leaseFrom, to: dates.leaseTo } });
    delete person.unitTo;
  }
  const out: HouseholdRow = { unit, person };
  if (relation) out.householdRelation = relation;
  return { input: out, notes, problems, warnings };
}

/** A row with nothing in any mapped column is a blank line of the sheet, not an error. */
export const isBlankRow = (row: SheetRow, mapping: Mapping) => mapping.columns.every((t, i) => !t || !(row.cells[i] ?? '').trim());

export { normalizeHeader };
