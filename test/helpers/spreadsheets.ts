/**
 * Files as offices have them, built in the test: GB18030 CSV bytes, xlsx workbooks, and the
 * sheets the import reads from them (through the app's own reader).
 */
import ExcelJS from 'exceljs';
import type { Sheet } from '../../src/domain/import';
import { openSpreadsheet } from '../../src/store/import';

export { idNumber } from '../../src/domain/import/sheet.fixture';

/** GB18030 bytes of a string, via a 2-byte table built by decoding every lead/trail pair. */
export function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

/** An xlsx file of the workbook `build` fills. */
export async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sheets the app reads from a file; throws if it refuses the file. */
export async function sheetsOf(name: string, bytes: Uint8Array): Promise<Sheet[]> {
  const read = await openSpreadsheet(name, bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}
