import { annualContent, annualFromRecord, freezeAnnual, type AnnualContent, type AnnualSnapshot, type MonthFigure } from '../domain/indicators/annual';
import { dashboardModel } from '../domain/indicators/dashboard';
import { ok, type Result } from '../domain/result';
import { shardOfRecord } from '../domain/shards';
import type { Office } from './office-api';
import { indicatorInput, indicatorTargets } from './queries/indicators';

// The annual report (issue 21): the year's 12 months from the dashboard's own computation, the year before, the actions.

async function monthsOf(office: Office, year: number): Promise<MonthFigure[][]> {
  const december = `${year}-12`;
  const model = dashboardModel(await indicatorInput(office.db, december), december);
  return model.trend.map((p) => p.indicators.map((i) => ({ id: i.id, numerator: i.numerator, denominator: i.denominator, value: i.value })));
}

export interface AnnualData {
  content: AnnualContent;
  snapshot: AnnualSnapshot | null;
  snapshots: { id: string; label: string; printedAt: string }[];
}

export async function loadAnnual(office: Office, year: string, snapshotId = ''): Promise<AnnualData> {
  const snapshots = (await office.db.reports.where('period').equals(year).sortBy('printedAt')).map((r) => ({ id: r.id, label: r.label, printedAt: r.printedAt }));
  if (snapshotId) {
    const row = await office.db.reports.get(snapshotId);
    const r = row ? await office.read(shardOfRecord('reports', { record: row }), 'reports', snapshotId) : null;
    if (r) {
      const snapshot = annualFromRecord(snapshotId, r);
      return { content: snapshot, snapshot, snapshots };
    }
  }
  const y = Number(year);
  const [months, before, targets, actions] = await Promise.all([
    monthsOf(office, y),
    monthsOf(office, y - 1),
    indicatorTargets(office.db),
    office.db.actions.where('month').between(`${year}-01`, `${year}-12`, true, true).toArray(),
  ]);
  // A year before the office's records began has nothing to compare with.
  const anyBefore = before.some((m) => m.some((f) => f.id !== 'complaintsPer100' && (f.denominator > 0 || f.numerator > 0)));
  // (households are counted whether or not anything happened, so they alone say nothing)
  return { content: annualContent(year, months, anyBefore ? before : [], targets, { raised: actions.length, closed: actions.filter((a) => a.status === 'closed').length }), snapshot: null, snapshots };
}

export async function freezeAnnualReport(office: Office, content: AnnualContent): Promise<Result<{ id: string; label: string }>> {
  const device = office.config.deviceCode;
  const mine = await office.db.reports.where('period').equals(content.period).filter((r) => r.label.split('-')[2] === device).count();
  const made = freezeAnnual(content, mine, office.context());
  const saved = await office.run(made.command);
  return saved.ok ? ok({ id: made.id, label: made.label }) : saved;
}
