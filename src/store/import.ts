import { customerFromRecord } from '../domain/customers/customer';
import { customerTable, recordFullExport, unitTable } from '../domain/import/export';
import {
  createPlanner,
  IMPORT_LIMITS,
  keyCollector,
  saveImportSettings,
  sheetFromRows,
  valuesUsed,
  type ImportSettings,
  type ImportFacts,
  type ImportKind,
  type ImportPlan,
  type Mapping,
  type Sheet,
} from '../domain/import';
import { fail, ok, type Result } from '../domain/result';
import type { CustomerRow } from '../domain/customers/types';
import type { Office } from './office-api';
import { personalDataFacts } from './personal-data';
import { csvBytes, readPasted, readSpreadsheet, xlsxBytes, type RawSheet } from './spreadsheet';
import { importSettingsOf } from './queries/import-settings';
import { knownUnitCodes } from './queries/units';

export type ImportProgress =
  | { stage: 'checking'; done: number; total: number }
  | { stage: 'saving'; rows: number };

/** Lets the page paint (progress, a spinner) between slices of a long job. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Longest stretch of checking rows before the page gets to paint and answer input. */
const SLICE_MS = 25;
/** Keys per index lookup when checking a file against the office's customers. */
const HOLDERS_AT_ONCE = 500;

function sheetsOf(read: Result<RawSheet[]>): Result<Sheet[]> {
  if (!read.ok) return read;
  const sheets = read.value.map((s) => sheetFromRows(s.name, s.rows)).filter((s): s is Sheet => !!s && s.rows.length > 0);
  if (!sheets.length) return fail({ code: 'import.error.noRows' });
  const largest = Math.max(...sheets.map((s) => s.rows.length));
  if (largest > IMPORT_LIMITS.rows) return fail({ code: 'import.error.tooManyRows', params: { n: largest, max: IMPORT_LIMITS.rows } });
  return ok(sheets);
}

/**
 * Runs `step(0 … total-1)` in slices of SLICE_MS — by time, not by row count: a row's cost varies
 * tenfold with the file's columns and the machine, and the page must answer a tap within a frame
 * or two throughout. Resolves false if the job stopped being current meanwhile.
 */
async function inSlices(total: number, step: (i: number) => void, onSlice?: (done: number) => void, isCurrent: () => boolean = () => true): Promise<boolean> {
  let sliceStart = performance.now();
  for (let i = 0; i < total; i++) {
    step(i);
    if (performance.now() - sliceStart > SLICE_MS && i + 1 < total) {
      onSlice?.(i + 1);
      await breathe();
      if (!isCurrent()) return false;
      sliceStart = performance.now();
    }
  }
  return true;
}

/**
 * A picked file as sheets with their header rows found; problems say why it cannot be read.
 * Given the office, the file is parsed where its documents live (the sync worker, on the page).
 */
export async function openSpreadsheet(fileName: string, data: ArrayBuffer | Uint8Array, office?: Pick<Office, 'readSheets'>): Promise<Result<Sheet[]>> {
  return sheetsOf(office ? await office.readSheets({ fileName, data }) : await readSpreadsheet(fileName, data));
}

export async function openPasted(text: string, office?: Pick<Office, 'readSheets'>): Promise<Result<Sheet[]>> {
  return sheetsOf(office ? await office.readSheets({ pasted: text }) : await readPasted(text));
}

/** The office's import settings: what its coded values mean, and whether bad optional fields refuse a row. */
export async function importSettings(office: Office): Promise<ImportSettings> {
  await office.load('office');
  return importSettingsOf(office.db);
}

/** Saves a change of the import settings (the refuse setting, or values mapped) as a command of the office. */
export async function saveImportSetting(office: Office, patch: Partial<ImportSettings>): Promise<Result<boolean>> {
  const command = saveImportSettings(await importSettings(office), patch, office.context());
  if (!command) return ok(false);
  const saved = await office.run(command);
  return saved.ok ? ok(true) : saved;
}

/**
 * What the rules need from this device's projection: the holders of the file's phones and ID
 * numbers, and for a roster the people already on its units (looked up by index, not by reading
 * every customer), the unit register and the office's setting for bad optional fields.
 */
async function factsFor(office: Office, sheet: Sheet, mapping: Mapping, isCurrent: () => boolean): Promise<ImportFacts | null> {
  await office.load('directory');
  const [knownUnits, settings] = await Promise.all([knownUnitCodes(office.db), importSettings(office)]);
  const refuseBadOptional = settings.refuseBadOptional;
  if (mapping.kind === 'units') return { existing: [], knownUnits, refuseBadOptional };
  const collector = keyCollector(mapping);
  if (!(await inSlices(sheet.rows.length, (i) => collector.add(sheet.rows[i]), undefined, isCurrent))) return null;
  const { phones, idNumbers, unitCodes } = collector.keys();
  // Asked a few hundred keys at a time: Dexie sorts an `anyOf` list on the page first, and 8,000
  // phones in one list held it for ~100 ms.
  const holders = async (index: 'phones' | 'idNumber' | 'unitCodes', keys: string[]) => {
    const found: CustomerRow[] = [];
    for (let i = 0; i < keys.length; i += HOLDERS_AT_ONCE) {
      found.push(...(await office.db.customers.where(index).anyOf(keys.slice(i, i + HOLDERS_AT_ONCE)).toArray()));
      if (!isCurrent()) return null;
    }
    return found;
  };
  const byPhone = await holders('phones', phones);
  const byId = byPhone && (await holders('idNumber', idNumbers));
  const byUnit = byId && (await holders('unitCodes', unitCodes));
  if (!byPhone || !byId || !byUnit) return null;
  return { existing: [...byPhone, ...byId, ...byUnit], knownUnits: mapping.kind === 'household' ? knownUnits ?? new Set() : knownUnits, refuseBadOptional };
}

/**
 * Judges every row against the office as this device knows it now, in slices so an 8,000-row
 * file leaves the page responsive. `isCurrent` lets the page drop a check it no longer needs
 * (staff changed a column meanwhile).
 */
export async function checkImport(office: Office, sheet: Sheet, mapping: Mapping, onProgress?: (p: ImportProgress) => void, isCurrent: () => boolean = () => true): Promise<ImportPlan | null> {
  const facts = await factsFor(office, sheet, mapping, isCurrent);
  if (!facts) return null;
  const planner = createPlanner(sheet.headers, mapping, facts, office.context());
  const total = sheet.rows.length;
  const done = await inSlices(total, (i) => planner.add(sheet.rows[i]), (n) => onProgress?.({ stage: 'checking', done: n, total }), isCurrent);
  if (!done) return null;
  return planner.finish();
}

/**
 * Imports the file: checked again right now (a colleague's customers may have arrived since the
 * preview), then every accepted row in ONE command. Resolves when it is all on disk, or with the
 * reason nothing was imported.
 */
export async function runImport(office: Office, sheet: Sheet, mapping: Mapping, onProgress?: (p: ImportProgress) => void): Promise<Result<ImportPlan>> {
  const plan = await checkImport(office, sheet, mapping, onProgress);
  if (!plan) return fail({ code: 'error.saveFailed' });
  if (plan.problems.length) return fail(...plan.problems);
  if (!plan.command) return ok(plan);
  onProgress?.({ stage: 'saving', rows: plan.counts.new });
  await breathe();
  const saved = await office.run(plan.command);
  if (!saved.ok) return saved;
  // What staff said this file's codes mean is kept for the office's next file.
  const used = valuesUsed(sheet.rows, mapping);
  if (Object.keys(used).length) {
    const remembered = await saveImportSetting(office, { values: used });
    if (!remembered.ok) return remembered;
  }
  return ok(plan);
}

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportFile {
  bytes: Uint8Array;
  rows: number;
  mime: string;
}

/**
 * Customers (every field an import reads back) or units as a file. `full` puts phones and ID
 * numbers in unmasked, and is written into the office's history.
 */
export async function exportTable(office: Office, kind: ImportKind, format: ExportFormat, full: boolean, sheetName: string): Promise<Result<ExportFile>> {
  // Refused before anything is read: a role the office does not allow gets no file at all.
  const logFull = full && kind === 'customers' ? recordFullExport('customers', 0, office.context(), await personalDataFacts(office)) : null;
  if (logFull && !logFull.ok) return logFull;
  let table: string[][];
  if (kind === 'customers') {
    const records = await office.readAll('directory', 'customers');
    table = customerTable(records.map(([id, r]) => customerFromRecord(id, r)), full);
  } else {
    await office.load('directory');
    table = unitTable(await office.db.units.toArray());
  }
  const rows = table.length - 1;
  if (logFull) {
    const made = recordFullExport('customers', rows, office.context(), await personalDataFacts(office));
    const logged = made.ok ? await office.run(made.value) : made;
    if (!logged.ok) return logged;
  }
  const bytes = format === 'xlsx' ? await xlsxBytes([{ name: sheetName, rows: table }]) : await csvBytes(table);
  return ok({ bytes, rows, mime: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8' });
}

export { csvBytes };
