import type { IncidentCall, IncidentRow } from './incident';

/**
 * Incidents in the monthly report (突发事件): how many began in the month, how many of those are
 * closed, the calls they took (each one a request that did not have to be opened), and the
 * callers still to be called back. Counted by the incident's creation, as requests are.
 */
export interface IncidentFigures {
  opened: number;
  closed: number;
  calls: number;
  toCallBack: number;
  /** Per incident, as printed. */
  list: { title: string; buildings: string[]; calls: number; closed: boolean }[];
}

export function incidentFigures(incidents: readonly IncidentRow[], calls: readonly IncidentCall[], bounds: { start: string; end: string }): IncidentFigures {
  const inMonth = incidents.filter((i) => i.createdAt >= bounds.start && i.createdAt < bounds.end).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ids = new Set(inMonth.map((i) => i.id));
  const mine = calls.filter((c) => ids.has(c.incidentId));
  const closedIds = new Set(inMonth.filter((i) => i.status === 'closed').map((i) => i.id));
  const waiting = new Set(mine.filter((c) => closedIds.has(c.incidentId) && !c.calledBackAt).map((c) => `${c.incidentId}/${c.customerId}`));
  return {
    opened: inMonth.length,
    closed: closedIds.size,
    calls: mine.length,
    toCallBack: waiting.size,
    list: inMonth.map((i) => ({ title: i.title, buildings: i.buildings, calls: mine.filter((c) => c.incidentId === i.id).length, closed: i.status === 'closed' })),
  };
}
