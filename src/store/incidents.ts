import {
  callBack as callBackCommand, closeIncident as closeCommand, incidentCallFromRecord, incidentFromRecord, incidentShard, linkCall as linkCommand, openIncident as openCommand,
  type Incident, type IncidentInput,
} from '../domain/incidents/incident';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { incidentRow } from './queries/incidents';

export async function openIncident(office: Office, input: IncidentInput): Promise<Result<string>> {
  const made = openCommand(input, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function readIncident(office: Office, id: string): Promise<Incident | null> {
  const row = await incidentRow(office.db, id);
  if (!row) return null;
  const record = await office.read(incidentShard(row), 'incidents', id);
  return record ? incidentFromRecord(id, record) : null;
}

/** 关联到突发事件: the caller (a customer of the directory) linked to the incident in one tap. */
export async function linkCallToIncident(office: Office, incidentId: string, customerId: string): Promise<Result<string>> {
  const [i, c] = await Promise.all([readIncident(office, incidentId), office.db.customers.get(customerId)]);
  if (!i) return fail({ code: 'error.notFound' });
  const made = linkCommand(i, { id: c?.id ?? '', name: c?.name ?? '', unitCode: c?.unitCode ?? '', phone: c?.phones[0] ?? '' }, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function closeIncident(office: Office, id: string, outcome: string): Promise<Result<void>> {
  const i = await readIncident(office, id);
  if (!i) return fail({ code: 'error.notFound' });
  const made = closeCommand(i, outcome, office.context());
  return made.ok ? office.run(made.value) : made;
}

export async function markCalledBack(office: Office, incidentId: string, callId: string): Promise<Result<void>> {
  const i = await readIncident(office, incidentId);
  if (!i) return fail({ code: 'error.notFound' });
  const record = await office.read(incidentShard(i), 'incidentCalls', callId);
  if (!record) return fail({ code: 'error.notFound' });
  const made = callBackCommand(i, incidentCallFromRecord(callId, record), office.context());
  return made.ok ? office.run(made.value) : made;
}
