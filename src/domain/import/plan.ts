/**
 * Importing a spreadsheet of customers or units: the plan, row by row, and the one command.
 *
 * Every row is judged as the new-customer form would judge it, plus two things only a list has:
 * a row may repeat an earlier row of the same file, and a row may be someone already registered.
 * Rows already registered (same phone or ID number; same unit code) are skipped, not refused, so
 * importing the same file twice creates nobody twice. All accepted rows become ONE command, applied
 * as one Yjs transaction: a failure, a closed tab or a crash leaves the office with all of the file
 * or none of it, on this device and on every colleague's.
 */
import type { CommandContext } from '../actor';
import { cleanCustomerInput, createCustomer, type CustomerInput, type CustomerRow } from '../customers/customer';
import { customerFromRow, householdFromRow, isBlankRow, unitFromRow } from './cells';
import { collector, nameColumns } from './collect';
import { canonicalUnitCode } from '../units/unit-code';
import { guessMapping, IMPORT_KINDS, recognised, type Mapping } from './columns';
import { householdPlanner } from './household';
import { softenOptional } from './soft';
import { maskIdNumber, maskPhone } from '../mask';
import { normalizeIdNumber } from '../id-number';
import { normalizePhone } from '../phone';
import type { Problem } from '../result';
import { cleanUnitInput, createUnit } from '../units/unit';
import { IMPORT_LIMITS, type ImportFacts, type ImportPlan, type Planner, type Sheet, type SheetRow } from './types';

/**
 * Chooses the header row: the first of the top rows that names at least two known columns (a
 * title such as “翠湖花园业主名单” often sits above the headers), else the first non-empty row.
 *
 * The data is the block under that header up to the first gap — a column with no header and
 * nothing under it: the instructions offices keep to the right of the data (填表说明, a legend
 * of codes) are not data. Nor are rows below the data that only total (合计) or annotate (注：).
 */
export function sheetFromRows(name: string, rows: SheetRow[]): Sheet | null {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (!filled.length) return null;
  const known = (r: SheetRow) => Math.max(...IMPORT_KINDS.map((k) => recognised(guessMapping(r.cells, k))));
  const header = filled.slice(0, 10).find((r) => known(r) >= 2) ?? filled[0];
  const at = filled.indexOf(header);
  const below = filled.slice(at + 1);
  let width = Math.min(lastFilled(header.cells) + 1, IMPORT_LIMITS.columns);
  const sample = below.slice(0, 200);
  const firstHeader = header.cells.findIndex((c) => c?.trim());
  for (let i = firstHeader + 1; i < width; i++) {
    if (!header.cells[i]?.trim() && sample.every((r) => !r.cells[i]?.trim())) {
      width = i;
      break;
    }
  }
  if (width === lastFilled(header.cells) + 1) {
    // A last column with data but no header still belongs to the table.
    while (width < IMPORT_LIMITS.columns && sample.filter((r) => r.cells[width]?.trim()).length > sample.length / 2) width++;
  }
  const inTable = (r: SheetRow) => r.cells.slice(0, width).some((c) => c?.trim());
  return {
    name,
    headers: Array.from({ length: width }, (_, i) => (header.cells[i] ?? '').trim()),
    headerRow: header.n,
    rows: below.filter((r) => inTable(r) && !isFooter(r, width)),
  };
}

const TOTAL = /^(合计|总计|小计|共计|合計|總計|總共|total)/i;
const NOTE = /^(注|注意|说明|填表说明|說明|備註|备注|note)\s*[:：]/i;

/** 合计 … or a lone 注：… line under the table. */
function isFooter(row: SheetRow, width: number): boolean {
  const cells = row.cells.slice(0, width).map((c) => c?.trim() ?? '').filter(Boolean);
  return !!cells.length && (TOTAL.test(cells[0]) || (cells.length === 1 && NOTE.test(cells[0])));
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]?.trim()) return i;
  return -1;
}

/** The phones, ID numbers and units a file mentions, for the store to look up who holds them. */
export function keysOf(rows: SheetRow[], mapping: Mapping): ImportKeys {
  const collector = keyCollector(mapping);
  for (const row of rows) collector.add(row);
  return collector.keys();
}

export interface ImportKeys {
  phones: string[];
  idNumbers: string[];
  unitCodes: string[];
}

/**
 * `keysOf` row by row, so the store can collect the keys of a big file in slices (8,000 rows in
 * one go held the page for 155 ms on the bench).
 */
export function keyCollector(mapping: Mapping): { add(row: SheetRow): void; keys(): ImportKeys } {
  const phones = new Set<string>();
  const idNumbers = new Set<string>();
  const unitCodes = new Set<string>();
  return {
    add(row) {
      let input: CustomerInput | null;
      if (mapping.kind === 'household') {
        const { unit, person } = householdFromRow(row, mapping, () => '').input;
        const code = canonicalUnitCode(unit.code);
        if (code) unitCodes.add(code);
        input = person;
      } else input = customerFromRow(row, mapping, () => '').input;
      if (!input) return;
      for (const p of input.phones) phones.add(normalizePhone(p));
      if (input.idNumber) idNumbers.add(normalizeIdNumber(input.idNumber));
    },
    keys: () => ({ phones: [...phones].filter(Boolean), idNumbers: [...idNumbers], unitCodes: [...unitCodes] }),
  };
}

/**
 * Plans row by row, so the store can plan a big file in slices and let the page breathe (and
 * show progress) in between. `planImport` is the same in one go.
 */
export function createPlanner(headers: string[], mapping: Mapping, facts: ImportFacts, ctx: CommandContext): Planner {
  const inner = mapping.kind === 'household' ? householdPlanner(headers, mapping, facts, ctx)
    : mapping.kind === 'customers' ? customerPlanner(headers, mapping, facts, ctx) : unitPlanner(headers, mapping, facts, ctx);
  return {
    add(row) {
      const report = inner.add(row);
      if (report && row.sheet) report.sheet = row.sheet;
      return report;
    },
    finish: () => inner.finish(),
  };
}

export function planImport(sheet: Pick<Sheet, 'headers' | 'rows'>, mapping: Mapping, facts: ImportFacts, ctx: CommandContext): ImportPlan {
  const planner = createPlanner(sheet.headers, mapping, facts, ctx);
  for (const row of sheet.rows) planner.add(row);
  return planner.finish();
}

function customerPlanner(headers: string[], mapping: Mapping, facts: ImportFacts, ctx: CommandContext): Planner {
  const out = collector('customers', mapping);
  const byPhone = new Map<string, CustomerRow>();
  const byId = new Map<string, CustomerRow>();
  for (const c of facts.existing) {
    for (const p of c.phones) byPhone.set(p, c);
    if (c.idNumber) byId.set(c.idNumber, c);
  }
  // Phones and ID numbers of the rows accepted so far, with their row numbers.
  const phoneRow = new Map<string, number>();
  const idRow = new Map<string, number>();
  const header = (column: number) => headers[column] || String(column + 1);
  return {
    add(row) {
      if (out.problems.length || isBlankRow(row, mapping)) return null;
      const converted = customerFromRow(row, mapping, header);
      const { cleaned, warnings } = softenOptional(converted.input, converted.warnings, (input) => cleanCustomerInput(input, facts.knownUnits));
      const shown = cleaned.ok ? cleaned.value : converted.input;
      const label = [shown.name.trim(), shown.unitCode.trim()].filter(Boolean).join(' ');
      const problems = nameColumns([...converted.problems, ...(cleaned.ok ? [] : cleaned.problems), ...(facts.refuseBadOptional ? warnings : [])], mapping, headers);
      if (problems.length || !cleaned.ok) return out.push({ n: row.n, status: 'error', label, problems, warnings: [] });
      const input = cleaned.value;
      // Already registered: skipped, and the report says with whom it matched.
      const holder = input.phones.map((p) => [p, byPhone.get(p)] as const).find(([, c]) => c);
      if (holder) {
        const [phone, c] = holder;
        return out.push({ n: row.n, status: 'existing', label, problems: [{ code: 'import.existingPhone', params: { phone: maskPhone(phone), name: c!.name, unit: c!.unitCode || '—' } }], warnings: [] });
      }
      const idHolder = input.idNumber ? byId.get(input.idNumber) : undefined;
      if (idHolder) {
        return out.push({ n: row.n, status: 'existing', label, problems: [{ code: 'import.existingId', params: { id: maskIdNumber(input.idNumber!), name: idHolder.name, unit: idHolder.unitCode || '—' } }], warnings: [] });
      }
      // The same person twice in one file: the first row stands, the later one is refused.
      const samePhone = input.phones.find((p) => phoneRow.has(p));
      if (samePhone) return out.push({ n: row.n, status: 'error', label, problems: [{ code: 'import.error.samePhoneAs', field: 'phones', params: { phone: maskPhone(samePhone), row: phoneRow.get(samePhone)! } }], warnings: [] });
      if (input.idNumber && idRow.has(input.idNumber)) {
        return out.push({ n: row.n, status: 'error', label, problems: [{ code: 'import.error.sameIdAs', field: 'idNumber', params: { id: maskIdNumber(input.idNumber), row: idRow.get(input.idNumber)! } }], warnings: [] });
      }
      const made = createCustomer(input, converted.notes, ctx, { existing: [], knownUnits: facts.knownUnits });
      if (!made.ok) return out.push({ n: row.n, status: 'error', label, problems: nameColumns(made.problems, mapping, headers), warnings: [] });
      for (const p of input.phones) phoneRow.set(p, row.n);
      if (input.idNumber) idRow.set(input.idNumber, row.n);
      return out.push({ n: row.n, status: 'new', label, problems: [], warnings }, made.value.command.ops);
    },
    finish: () => out.finish(),
  };
}

function unitPlanner(headers: string[], mapping: Mapping, facts: ImportFacts, ctx: CommandContext): Planner {
  const out = collector('units', mapping);
  const registered = facts.knownUnits ?? new Set<string>();
  const codeRow = new Map<string, number>();
  const header = (column: number) => headers[column] || String(column + 1);
  return {
    add(row) {
      if (out.problems.length || isBlankRow(row, mapping)) return null;
      const converted = unitFromRow(row, mapping, header);
      const cleaned = cleanUnitInput(converted.input);
      const label = cleaned.ok ? cleaned.value.code : converted.input.code;
      const problems = [...converted.problems, ...(cleaned.ok ? [] : cleaned.problems)];
      if (problems.length || !cleaned.ok) return out.push({ n: row.n, status: 'error', label, problems, warnings: [] });
      const code = cleaned.value.code;
      if (registered.has(code)) return out.push({ n: row.n, status: 'existing', label, problems: [{ code: 'import.existingUnit', params: { unit: code } }], warnings: [] });
      if (codeRow.has(code)) return out.push({ n: row.n, status: 'error', label, problems: [{ code: 'import.error.sameUnitAs', field: 'code', params: { unit: code, row: codeRow.get(code)! } }], warnings: [] });
      const made = createUnit(converted.input, ctx, registered);
      if (!made.ok) return out.push({ n: row.n, status: 'error', label, problems: made.problems, warnings: [] });
      codeRow.set(code, row.n);
      return out.push({ n: row.n, status: 'new', label, problems: [], warnings: [] }, made.value.command.ops);
    },
    finish: () => out.finish(),
  };
}

/**
 * The rows staff must fix, as a table to download: the file's own headers and cells, and one
 * more column with the reasons in their language. Fixed, it imports like any other file.
 */
export function rejectedTable(sheet: Sheet, plan: ImportPlan, reasonHeader: string, describe: (p: Problem) => string): string[][] {
  const at = (r: { n: number; sheet?: string }) => `${r.sheet ?? ''}:${r.n}`;
  const refused = new Map(plan.rows.filter((r) => r.status === 'error').map((r) => [at(r), r]));
  const table = [[...sheet.headers, reasonHeader]];
  for (const row of sheet.rows) {
    const report = refused.get(at(row));
    if (!report) continue;
    const cells = Array.from({ length: sheet.headers.length }, (_, i) => row.cells[i] ?? '');
    table.push([...cells, report.problems.map(describe).join('；')]);
  }
  return table;
}
