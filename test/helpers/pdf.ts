import { expect } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/**
 * Printing to PDF in headless Chromium and reading the PDF back with poppler-utils
 * (pdftotext, pdfinfo, pdffonts, pdftoppm), as a clerk's printer would get it.
 */
const run = promisify(execFile);
export const ARTIFACTS = resolve('test/.artifacts');

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

export interface PrintedPdf {
  path: string;
  /** `pdftotext -layout` of the whole document. */
  text: string;
  /** The same, one entry per page (split at form feeds). */
  pages: string[];
  pageCount: number;
  /** Points, as pdfinfo reports them. */
  width: number;
  height: number;
  fonts: PdfFont[];
  /** FontName of every font descriptor: Skia embeds CFF fonts (Noto CJK) as Type 3, which pdffonts shows as [none]. */
  fontNames: string[];
  /** Glyphs drawn as .notdef — the box (tofu) of a character no font had. */
  notdef: number;
}

/** The form at the page's current address, to PDF exactly as window.print() lays it out (the CSS @page decides size and margins). */
export async function printToPdf(page: Page, name: string): Promise<PrintedPdf> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, displayHeaderFooter: false, printBackground: true });
  return readPdf(path);
}

export async function readPdf(path: string): Promise<PrintedPdf> {
  const [{ stdout: text }, { stdout: info }, { stdout: fonts }, bytes] = await Promise.all([
    run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 }),
    run('pdfinfo', [path]),
    run('pdffonts', [path]),
    readFile(path),
  ]);
  const pageCount = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
  const size = info.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m);
  const pages = text.split('\f').slice(0, pageCount);
  const scan = scanPdf(bytes);
  return {
    path, text, pages, pageCount,
    width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0),
    fonts: parsePdffonts(fonts), fontNames: scan.fontNames, notdef: scan.notdef,
  };
}

function parsePdffonts(out: string): PdfFont[] {
  const fonts: PdfFont[] = [];
  for (const line of out.split('\n').slice(2)) {
    const m = line.match(/^(.+?)\s+(Type 3|Type 1C?|Type 1 \(CID\)|CID Type 0C?|CID TrueType(?: \(OT\))?|TrueType(?: \(OT\))?|Type 0C?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    if (m) fonts.push({ name: m[1].trim(), type: m[2], embedded: m[4] === 'yes', unicode: m[6] === 'yes' });
  }
  return fonts;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** The objects of a PDF as Chromium (Skia) writes them: plain dictionaries, Flate streams, no object streams. */
function pdfObjects(bytes: Buffer): Map<number, PdfObject> {
  const s = bytes.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = re.lastIndex;
    const end = s.indexOf('endobj', start);
    const streamAt = s.indexOf('stream', start);
    if (streamAt !== -1 && (end === -1 || streamAt < end)) {
      const dict = s.slice(start, streamAt);
      const dataStart = streamAt + 6 + (s[streamAt + 6] === '\r' ? 2 : 1);
      const direct = dict.match(/\/Length (\d+)(?! \d+ R)/);
      const length = direct ? Number(direct[1]) : s.indexOf('endstream', dataStart) - dataStart;
      let stream = bytes.subarray(dataStart, dataStart + length);
      if (/\/Filter\s*\/FlateDecode/.test(dict)) stream = inflateSync(stream);
      objects.set(Number(m[1]), { dict, stream });
      re.lastIndex = dataStart + length;
    } else {
      objects.set(Number(m[1]), { dict: s.slice(start, end === -1 ? undefined : end) });
      if (end !== -1) re.lastIndex = end;
    }
  }
  return objects;
}

/**
 * Font names, and the number of glyphs drawn as .notdef. A character no installed font has is
 * drawn as the box glyph, GID 0 — and Skia still puts the character into the text layer
 * (/ActualText), so pdftotext alone would not notice. Code 0 is .notdef in Skia's Type 3 fonts
 * (one byte per glyph) and in its Identity-H Type 0 fonts (two bytes).
 */
export function scanPdf(bytes: Buffer): { fontNames: string[]; notdef: number } {
  const objects = pdfObjects(bytes);
  const fontNames = new Set<string>();
  for (const o of objects.values()) {
    const name = o.dict.match(/\/Type \/FontDescriptor[\s\S]*?\/FontName \/(\S+)/)?.[1];
    if (name) fontNames.add(name.replace(/^[A-Z]{6}\+/, ''));
  }
  const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1]));
  const dictOf = (text: string, key: string): string => {
    const at = text.indexOf(`/${key}`);
    if (at === -1) return '';
    const after = text.slice(at + key.length + 1).trimStart();
    if (/^\d+ 0 R/.test(after)) return objects.get(Number(after.match(/^(\d+)/)![1]))?.dict ?? '';
    let depth = 0;
    for (let i = 0; i < after.length; i++) {
      if (after.startsWith('<<', i)) (depth++, i++);
      else if (after.startsWith('>>', i)) {
        depth--;
        i++;
        if (depth === 0) return after.slice(0, i + 1);
      }
    }
    return after;
  };
  let notdef = 0;
  for (const page of objects.values()) {
    if (!/\/Type \/Page\b(?!s)/.test(page.dict)) continue;
    const fonts = new Map<string, number>();
    for (const f of dictOf(dictOf(page.dict, 'Resources'), 'Font').matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) fonts.set(f[1], Number(f[2]));
    const contents = page.dict.match(/\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? '';
    for (const id of refs(contents)) {
      const content = objects.get(id)?.stream?.toString('latin1') ?? '';
      let width = 1;
      for (const op of content.matchAll(/\/(\S+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
        if (op[1]) {
          const font = objects.get(fonts.get(op[1]) ?? -1)?.dict ?? '';
          width = /\/Subtype \/Type0/.test(font) ? 2 : 1;
          continue;
        }
        const hexes = op[2] !== undefined ? [op[2]] : [...(op[3] ?? '').matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => h[1]);
        for (const hex of hexes) {
          const h = hex.replace(/\s/g, '');
          for (let i = 0; i + width * 2 <= h.length; i += width * 2) if (/^0+$/.test(h.slice(i, i + width * 2))) notdef++;
        }
      }
    }
  }
  return { fontNames: [...fontNames], notdef };
}

/** One page of a PDF as a PNG in test/.artifacts, to look at. */
export async function pdfPageToPng(pdfPath: string, name: string, pageNo = 1, dpi = 80): Promise<string> {
  const prefix = resolve(ARTIFACTS, name);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(pageNo), '-l', String(pageNo), '-singlefile', pdfPath, prefix]);
  return `${prefix}.png`;
}

/** Opens a print preview and waits until its data and fonts are ready to print. */
export async function openPrintPreview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
}

/** Every font embedded with its Unicode map, the CJK face among them, not one box glyph, and these strings in the text. */
export function expectRealChinese(pdf: PrintedPdf, strings: string[] = []): void {
  expect(pdf.fonts.length).toBeGreaterThan(0);
  for (const f of pdf.fonts) expect(f, `font ${f.name}`).toMatchObject({ embedded: true, unicode: true });
  expect(pdf.fontNames.some((n) => /^NotoSansCJK/.test(n)), pdf.fontNames.join(', ')).toBe(true);
  expect(pdf.notdef, 'glyphs printed as boxes').toBe(0);
  for (const str of strings) expect(pdf.text).toContain(str);
}
