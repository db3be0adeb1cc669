/**
 * A workbook whose owners and units sit on separate sheets, linked by a number column (the
 * previous system's 房屋编号 on both): imported as one plan, each person's row read together
 * with the row of their unit. Units nobody on the other sheet points to come along on their own
 * (a vacant flat is still a unit of the estate).
 */
import { guessMapping, normalizeHeader } from './columns';
import type { Sheet, SheetRow } from './types';

export interface Join {
  /** The sheet of people, and its link column. */
  main: number;
  mainKey: number;
  /** The sheet of units, and its link column. */
  other: number;
  otherKey: number;
}

const keyOf = (cell: string | undefined) => normalizeHeader(cell ?? '');

export interface JoinedSheet extends Sheet {
  /** The link column in the joined headers: a number, not a field (unless nothing else names the unit). */
  keyColumn: number;
}

export function joinSheets(sheets: Sheet[], join: Join): JoinedSheet {
  const main = sheets[join.main];
  const other = sheets[join.other];
  const otherCols = other.headers.map((_, i) => i).filter((i) => i !== join.otherKey);
  const byKey = new Map<string, SheetRow>();
  for (const r of other.rows) {
    const k = keyOf(r.cells[join.otherKey]);
    if (k && !byKey.has(k)) byKey.set(k, r);
  }
  const used = new Set<string>();
  const width = main.headers.length;
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const rows: SheetRow[] = main.rows.map((r) => {
    const k = keyOf(r.cells[join.mainKey]);
    const unit = k ? byKey.get(k) : undefined;
    if (unit) used.add(k);
    const row: SheetRow = { n: r.n, sheet: main.name, cells: [...pad(r.cells), ...otherCols.map((i) => unit?.cells[i] ?? '')] };
    if (k && !unit) row.unlinked = r.cells[join.mainKey].trim();
    return row;
  });
  for (const r of other.rows) {
    const k = keyOf(r.cells[join.otherKey]);
    if (k && used.has(k)) continue;
    const cells = pad([]);
    cells[join.mainKey] = r.cells[join.otherKey] ?? '';
    rows.push({ n: r.n, sheet: other.name, cells: [...cells, ...otherCols.map((i) => r.cells[i] ?? '')] });
  }
  return {
    name: `${main.name} + ${other.name}`,
    headers: [...main.headers, ...otherCols.map((i) => other.headers[i])],
    headerRow: main.headerRow,
    rows,
    keyColumn: join.mainKey,
  };
}

/**
 * Which two sheets go together, and by which columns: a column of one sheet whose values are
 * the (distinct) values of a column of the other. The sheet with the names is the main one.
 * null when no pair of sheets is linked.
 */
export function guessJoin(sheets: Sheet[]): Join | null {
  let best: (Join & { score: number }) | null = null;
  const hasName = (s: Sheet) => guessMapping(s.headers, 'customers').columns.includes('name');
  for (let a = 0; a < sheets.length; a++) {
    for (let b = 0; b < sheets.length; b++) {
      if (a === b || !hasName(sheets[a]) || hasName(sheets[b])) continue;
      const values = (s: Sheet, c: number) => s.rows.slice(0, 2000).map((r) => keyOf(r.cells[c])).filter(Boolean);
      for (let i = 0; i < Math.min(sheets[a].headers.length, 40); i++) {
        const mine = new Set(values(sheets[a], i));
        if (mine.size < 1) continue;
        for (let j = 0; j < Math.min(sheets[b].headers.length, 40); j++) {
          const theirs = values(sheets[b], j);
          const distinct = new Set(theirs);
          if (!distinct.size || distinct.size < theirs.length * 0.95) continue;
          let hits = 0;
          for (const v of mine) if (distinct.has(v)) hits++;
          const share = hits / mine.size;
          const sameHeader = normalizeHeader(sheets[a].headers[i]) === normalizeHeader(sheets[b].headers[j]) ? 0.5 : 0;
          const score = share + sameHeader;
          if (share >= 0.5 && (!best || score > best.score)) best = { main: a, mainKey: i, other: b, otherKey: j, score };
        }
      }
    }
  }
  if (!best) return null;
  const { score: _score, ...join } = best;
  return join;
}
