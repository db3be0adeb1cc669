import { freezeReport as freezeCommand, reportFromRecord, type ReportContent, type ReportSnapshot } from '../domain/indicators/report';
import { setTargets } from '../domain/indicators/targets-commands';
import type { Targets } from '../domain/indicators/targets';
import { shardOfRecord } from '../domain/shards';
import { ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { indicatorTargets } from './queries/indicators';
import { myRole } from './requests';

/** Freezes the monthly report as printed; resolves with the snapshot's id and label once on disk. */
export async function freezeReport(office: Office, content: ReportContent): Promise<Result<{ id: string; label: string }>> {
  const device = office.config.deviceCode;
  const mine = await office.db.reports.where('period').equals(content.period).filter((r) => r.label.split('-')[2] === device).count();
  const made = freezeCommand(content, mine, office.context());
  const saved = await office.run(made.command);
  return saved.ok ? ok({ id: made.id, label: made.label }) : saved;
}

export async function readReport(office: Office, id: string): Promise<ReportSnapshot | null> {
  const row = await office.db.reports.get(id);
  if (!row) return null;
  const r = await office.read(shardOfRecord('reports', { record: row }), 'reports', id);
  return r ? reportFromRecord(id, r) : null;
}

export function reportsOf(office: Office, period: string) {
  return office.db.reports.where('period').equals(period).sortBy('printedAt');
}

/** A manager changes the office's targets. Resolves `true` once saved, `false` if unchanged. */
export async function saveTargets(office: Office, next: Targets): Promise<Result<boolean>> {
  await office.load('office');
  const made = setTargets(await indicatorTargets(office.db), next, office.context(), await myRole(office));
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}
