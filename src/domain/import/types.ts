/** The import's plain data: a sheet as read, the report of each row, the plan, what the rules know. */
import type { Command } from '../ops';
import type { Problem } from '../result';
import type { CustomerRow } from '../customers/types';
import type { ImportKind } from './columns';

/** A row as read from the file: its row number in the spreadsheet (1-based) and its cells as text. */
export interface SheetRow {
  n: number;
  cells: string[];
  /** The sheet the row is on, when two sheets are read as one. */
  sheet?: string;
  /** Joined sheets: the link number of this row, found on no row of the other sheet. */
  unlinked?: string;
}

/** Bounds that keep one file from swamping a tablet (an 8,000-household estate fits easily). */
export const IMPORT_LIMITS = {
  rows: 20_000,
  fileBytes: 10 * 1024 * 1024,
  pasteChars: 5_000_000,
  columns: 200,
} as const;

/** A sheet of the file: its header row and the data rows below it. */
export interface Sheet {
  name: string;
  headers: string[];
  /** Spreadsheet row number of the header row. */
  headerRow: number;
  rows: SheetRow[];
}

export type RowStatus = 'new' | 'existing' | 'error';

export interface ReportRow {
  /** Row number as the spreadsheet shows it. */
  n: number;
  status: RowStatus;
  /** Who or what the row is (name and unit, or the unit code), for the report. */
  label: string;
  problems: Problem[];
  /** Imported anyway, without the field named (a bad optional cell). */
  warnings: Problem[];
  /** The sheet the row is on, when a plan joins two sheets. */
  sheet?: string;
}

export interface ImportPlan {
  kind: ImportKind;
  rows: ReportRow[];
  counts: Record<RowStatus, number>;
  /** Problems of the mapping itself (no name column…); when present nothing is planned. */
  problems: Problem[];
  /** All accepted rows as one command; null when there is nothing to import. */
  command: Command | null;
}

/** What the rules need to know about the office. */
export interface ImportFacts {
  /** Customers that may clash with the file (same phone or ID number); more is harmless. */
  existing: Iterable<CustomerRow>;
  /** The unit register, or null when the office keeps none (then units are not checked). */
  knownUnits: Set<string> | null;
  /** The office's setting: a row with a bad optional field is refused rather than imported without it. */
  refuseBadOptional?: boolean;
}

export interface Planner {
  /** Judges one row; null for a blank row. */
  add(row: SheetRow): ReportRow | null;
  finish(): ImportPlan;
}
