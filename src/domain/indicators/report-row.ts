import type { ReportRow } from './report';

/** The registry's row of a frozen report (kept apart: the registry ships with the first screen). */
export const projectReport = (id: string, r: Record<string, unknown>): ReportRow => ({
  id, period: String(r.period ?? ''), label: String(r.label ?? ''), printedAt: String(r.printedAt ?? ''), printedByName: String(r.printedByName ?? ''),
});
