/**
 * Reading and writing .xlsx and .csv. exceljs (~250 KiB gzipped) and papaparse are loaded with
 * import() the first time a file is read or written, so they never weigh on the first screen.
 *
 * Cells come out as text. What Excel does to a customer list is undone here where it can be:
 * a date cell becomes 1990-03-05; an ID number stored as a number (its last digits already lost)
 * comes out as 1.1010119900307124e+17 so the import can say exactly that; a CSV saved by Excel on
 * a Chinese Windows is GB18030, not UTF-8.
 */
import type { Workbook, CellValue } from 'exceljs';
import { guardCell } from '../domain/import/export';
import { IMPORT_LIMITS, type SheetRow } from '../domain/import';
import { fail, ok, type Result } from '../domain/result';

export interface RawSheet {
  name: string;
  rows: SheetRow[];
}

type ExcelJSModule = typeof import('exceljs');

async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default ?? mod;
}

type PapaModule = typeof import('papaparse');

async function loadPapa(): Promise<PapaModule> {
  const mod = (await import('papaparse')) as unknown as PapaModule & { default?: PapaModule };
  return mod.default ?? mod;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A file staff picked: an .xlsx, or text (CSV, or tab-separated as Excel's "Unicode text"). */
export async function readSpreadsheet(fileName: string, data: ArrayBuffer | Uint8Array): Promise<Result<RawSheet[]>> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const name = fileName || '—';
  if (bytes.length > IMPORT_LIMITS.fileBytes) return fail({ code: 'import.error.tooLarge', params: { size: megabytes(bytes.length), max: megabytes(IMPORT_LIMITS.fileBytes) } });
  if (!bytes.length) return fail({ code: 'import.error.empty', params: { name } });
  if (startsWith(bytes, OLE)) return fail({ code: 'import.error.oldExcel', params: { name } });
  const sheets = startsWith(bytes, ZIP) ? await readXlsx(bytes) : await readText(decodeText(bytes));
  if (!sheets) return fail({ code: 'import.error.notSpreadsheet', params: { name } });
  return nonEmpty(sheets, name);
}

/** Cells pasted from Excel or WPS (tab-separated) or a CSV pasted as text. */
export async function readPasted(text: string): Promise<Result<RawSheet[]>> {
  if (text.length > IMPORT_LIMITS.pasteChars) return fail({ code: 'import.error.pasteTooLarge', params: { size: megabytes(text.length * 2), max: megabytes(IMPORT_LIMITS.pasteChars * 2) } });
  const sheets = await readText(text);
  return sheets ? nonEmpty(sheets, '—') : fail({ code: 'import.error.notSpreadsheet', params: { name: '—' } });
}

function nonEmpty(sheets: RawSheet[], name: string): Result<RawSheet[]> {
  const filled = sheets.filter((s) => s.rows.some((r) => r.cells.some((c) => c.trim())));
  if (!filled.length) return fail({ code: 'import.error.empty', params: { name } });
  return ok(filled);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Excel's "CSV" on Chinese Windows). */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A picture or a PDF renamed .csv decodes to text full of control characters and replacement marks. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > sample.length * 0.01;
}

async function readText(text: string): Promise<RawSheet[] | null> {
  if (looksBinary(text)) return null;
  const Papa = await loadPapa();
  const body = text.replace(/^\ufeff/, '');
  // A paste from Excel is tab-separated; a file is whatever papaparse finds most consistent.
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const parsed = Papa.parse<string[]>(body, { delimiter: firstLine.includes('\t') ? '\t' : '', skipEmptyLines: false });
  const rows = parsed.data.map((cells, i) => ({ n: i + 1, cells: cells.slice(0, IMPORT_LIMITS.columns).map((c) => String(c ?? '')) }));
  return [{ name: 'CSV', rows }];
}

async function readXlsx(bytes: Uint8Array): Promise<RawSheet[] | null> {
  const ExcelJS = await loadExcelJS();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer (browser) or Buffer (Node); a fresh copy of exactly our bytes.
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch {
    return null;
  }
  if (!workbook.worksheets.length) return null;
  return workbook.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as CellValue[];
      const cells: string[] = [];
      const width = Math.min(values.length - 1, IMPORT_LIMITS.columns);
      for (let i = 1; i <= width; i++) cells.push(cellText(values[i]));
      rows.push({ n, cells });
    });
    return { name: ws.name, rows };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An exceljs cell value as the text staff see in Excel. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
    return String(Number.isInteger(value) ? value : Number(value.toPrecision(12)));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return day + time;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
    if ('hyperlink' in value) return cellText((value as { text?: CellValue }).text);
    if ('text' in value) return cellText((value as { text?: CellValue }).text);
  }
  return '';
}

export interface TableOut {
  name: string;
  rows: string[][];
}

/** An .xlsx with one worksheet per table; every cell is text, so no ID number loses a digit. */
export async function xlsxBytes(tables: TableOut[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const ws = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRows(table.rows);
    ws.getRow(1).font = { bold: true };
    const widths = table.rows[0]?.map((_, i) => Math.min(40, Math.max(8, ...table.rows.slice(0, 200).map((r) => displayWidth(r[i] ?? '') + 2)))) ?? [];
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CJK characters take two columns in Excel. */
const displayWidth = (s: string) => [...s.slice(0, 60)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * CSV for Excel: a UTF-8 byte order mark (without it Excel on Chinese Windows reads UTF-8 as
 * GBK and shows mojibake), CRLF, formula-like cells guarded, and long digit strings (phones, ID
 * numbers) led by a tab so Excel keeps them as text instead of showing 1.10101E+17.
 */
export async function csvBytes(rows: string[][]): Promise<Uint8Array> {
  const Papa = await loadPapa();
  const safe = rows.map((r) => r.map((cell) => {
    const guarded = guardCell(cell);
    return /^\d{11,}[Xx]?$/.test(guarded) ? `\t${guarded}` : guarded;
  }));
  return new TextEncoder().encode(`\ufeff${Papa.unparse(safe, { newline: '\r\n' })}\r\n`);
}
