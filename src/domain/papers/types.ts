/** Paper that comes back: its states, the record, the projection row, and what names a form and record. */
export type PaperState = 'none' | 'printed' | 'received' | 'archived';
export const PAPER_STATES: PaperState[] = ['none', 'printed', 'received', 'archived'];

export interface Paper {
  id: string;
  form: string;
  ref: string;
  title: string;
  /** The paper number printed beside its QR code (`paperNumber(form, ref)`). */
  number: string;
  /** What it covers, as searched in the archive: `YYYY-MM` or `YYYY` ('' for a record's form). */
  period: string;
  year: number;
  printedAt: string;
  printedByName: string;
  printCount: number;
  receivedAt: string;
  receivedByName: string;
  box: string;
  archivedAt: string;
}

export interface PaperRow {
  id: string;
  form: string;
  ref: string;
  title: string;
  state: PaperState;
  number: string;
  period: string;
  /** The ledger year the record lives in. */
  year: number;
  printedAt: string;
  receivedAt: string;
  box: string;
  /** Pictures (issue 19): the SHA-256 of each scan of the signed paper kept (not removed). */
  scans: string[];
}

export interface PaperRef {
  form: string;
  ref: string;
  /** How the paper is named in lists and the archive index (the form's title and the record's name or number). */
  title: string;
  /** The month (`YYYY-MM`) or year (`YYYY`) the paper covers: the archive is searched by it. Default: the month it is printed. */
  period?: string;
}
