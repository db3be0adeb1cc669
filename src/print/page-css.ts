/**
 * The paper side of a printed form, as one generated stylesheet: A4 in the form's orientation,
 * the margins, and the running header and footer in the page-margin boxes (office name, form
 * title, print date, "第 N 页 共 M 页"). Chromium draws margin boxes and the `page` / `pages`
 * counters since v131, in window.print() and in PDF export alike; the browser's own headers and
 * footers give way to them. Pure (no DOM), so it is unit-tested.
 */
export type Orientation = 'portrait' | 'landscape';

export interface PageSetup {
  orientation: Orientation;
  /** The sheet: A4 unless a form asks for A3 (a notice for the lobby board). */
  paper?: 'A4' | 'A3';
  /** Running header, on every page. */
  header: { left?: string; center?: string; right?: string };
  /** Running footer; the page number always sits in the middle. */
  footer: { left?: string; right?: string };
  /** The page number, with `{{ page }}` and `{{ pages }}` placeholders (from the dictionary). */
  pageOf: string;
  fontFamily: string;
}

/** Margins in mm: top, right, bottom, left. The left one leaves room to bind the sheet (装订). */
export const MARGINS: Record<Orientation, [number, number, number, number]> = {
  portrait: [16, 14, 16, 22],
  landscape: [15, 12, 14, 18],
};

/** Text as a CSS string literal: quotes and backslashes escaped, control characters dropped. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return `"${clean.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `第 {{ page }} 页 共 {{ pages }} 页` → `"第 " counter(page) " 页 共 " counter(pages) " 页"`. */
export function counterContent(template: string): string {
  const parts = template.split(/\{\{\s*(page|pages)\s*\}\}/);
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push(`counter(${part})`);
    else if (part) out.push(cssString(part));
  });
  return out.join(' ') || '""';
}

export function pageCss(s: PageSetup): string {
  const [top, right, bottom, left] = MARGINS[s.orientation];
  const style = `font-family: ${s.fontFamily}; font-size: 8.5pt; color: #333;`;
  // Header boxes hug the bottom of the top margin, footer boxes the top of the bottom margin.
  const box = (name: string, content: string, align: string) => {
    const head = name.startsWith('top');
    return `  @${name} { content: ${content}; text-align: ${align}; vertical-align: ${head ? 'bottom' : 'top'}; padding: ${head ? '0 0 2mm' : '2mm 0 0'}; ${style} }\n`;
  };
  const text = (name: string, value: string | undefined, align: string) => (value ? box(name, cssString(value), align) : '');
  return (
    `@page {\n  size: ${s.paper ?? 'A4'} ${s.orientation};\n  margin: ${top}mm ${right}mm ${bottom}mm ${left}mm;\n` +
    text('top-left', s.header.left, 'left') +
    text('top-center', s.header.center, 'center') +
    text('top-right', s.header.right, 'right') +
    text('bottom-left', s.footer.left, 'left') +
    box('bottom-center', counterContent(s.pageOf), 'center') +
    text('bottom-right', s.footer.right, 'right') +
    `}\n`
  );
}
