/** The pure parts of a single-record form: its fields and how they fill the ruled grid. */
export interface FormField {
  label: string;
  /** Printed value; empty leaves the cell blank to be written in by hand. */
  value?: string;
  /** Takes the whole width of the form instead of half. */
  wide?: boolean;
  /** Minimum height in lines, for long text or for room to write by hand. */
  lines?: number;
}

/** Half-width fields go two to a row, in order; a wide one, or a half one left alone, takes the whole row. */
export function layoutFields(fields: FormField[]): FormField[][] {
  const rows: FormField[][] = [];
  let pending: FormField | null = null;
  for (const f of fields) {
    if (f.wide) {
      if (pending) rows.push([pending]);
      pending = null;
      rows.push([f]);
    } else if (pending) {
      rows.push([pending, f]);
      pending = null;
    } else pending = f;
  }
  if (pending) rows.push([pending]);
  return rows;
}
