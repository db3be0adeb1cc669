import type { IncidentCall, IncidentRow } from '../../domain/incidents/incident';
import { buildingOfUnit } from '../../domain/residents/filter';
import type { ReadonlyDB } from '../readonly-db';

export function listIncidents(db: ReadonlyDB): Promise<IncidentRow[]> {
  return db.incidents.orderBy('createdAt').reverse().toArray();
}

export function openIncidents(db: ReadonlyDB): Promise<IncidentRow[]> {
  return db.incidents.where('open').equals(1).toArray();
}

export function incidentRow(db: ReadonlyDB, id: string): Promise<IncidentRow | undefined> {
  return db.incidents.get(id);
}

/** Open incidents touching the building of this unit (offered at intake: 关联到突发事件). */
export async function openIncidentsFor(db: ReadonlyDB, unitCode: string): Promise<IncidentRow[]> {
  const building = buildingOfUnit(unitCode);
  if (!building) return [];
  return (await db.incidents.where('buildings').equals(building).toArray()).filter((i) => i.open === 1);
}

/** The calls linked to an incident, first first. */
export async function incidentCalls(db: ReadonlyDB, incidentId: string): Promise<IncidentCall[]> {
  return (await db.incidentCalls.where('incidentId').equals(incidentId).toArray()).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Incidents created in [start, end) and their calls (the monthly report). */
export async function incidentsBetween(db: ReadonlyDB, start: string, end: string): Promise<{ incidents: IncidentRow[]; calls: IncidentCall[] }> {
  const incidents = await db.incidents.where('createdAt').between(start, end, true, false).toArray();
  const calls = incidents.length ? await db.incidentCalls.where('incidentId').anyOf(incidents.map((i) => i.id)).toArray() : [];
  return { incidents, calls };
}
