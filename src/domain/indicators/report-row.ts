/** A frozen report as the register lists it. */
export interface ReportRow {
  id: string;
  period: string;
  label: string;
  printedAt: string;
  printedByName: string;
}

/** The registry's row of a frozen report (kept apart: the registry ships with the first screen). */
export const projectReport = (id: string, r: Record<string, unknown>): ReportRow => ({
  id, period: String(r.period ?? ''), label: String(r.label ?? ''), printedAt: String(r.printedAt ?? ''), printedByName: String(r.printedByName ?? ''),
});
