import { dashboardModel } from '../../domain/indicators/dashboard';
import type { ReportContent, ReportSnapshot } from '../../domain/indicators/report';
import { reportContent, surveyResults } from '../../domain/indicators/report-content';
import type { ServiceSettings } from '../../domain/requests/settings';
import type { Office } from '../../store/office-api';
import { customerKinds, indicatorInput } from '../../store/queries/indicators';
import { FILTER_KEYS, filterWithKinds, hasFilters, householdInFilters, surveysApply, type IndicatorFilters } from '../../domain/indicators/filters';
import { groupLabel } from '../../shared/indicators/labels';
import { listSurveys, surveyHouseholds } from '../../store/queries/surveys';
import { readReport, reportsOf } from '../../store/reports';
import { serviceSettings } from '../../store/queries/settings';
import { requestsByIds } from '../../store/queries/requests';
// Incidents in the month (issue 20)
import { incidentFigures } from '../../domain/incidents/report';
import { monthBounds } from '../../domain/indicators/period';
import { incidentsBetween } from '../../store/queries/incidents';

export interface ReportData {
  settings: ServiceSettings;
  /** A stored snapshot (a reprint), or null for the figures as they are now. */
  snapshot: ReportSnapshot | null;
  content: ReportContent;
  snapshots: { id: string; label: string; printedAt: string }[];
}

/**
 * The monthly report's figures: from a snapshot when one is asked for, else computed from the
 * records now, inside the filters (the same as the dashboard's), whose names the header prints
 * and the snapshot keeps.
 */
export async function loadReport(office: Office, month: string, snapshotId: string, filters: IndicatorFilters): Promise<ReportData> {
  const settings = await serviceSettings(office.db);
  const snapshots = (await reportsOf(office, month)).map((r) => ({ id: r.id, label: r.label, printedAt: r.printedAt }));
  const snapshot = snapshotId ? await readReport(office, snapshotId) : null;
  if (snapshot) return { settings, snapshot, content: snapshot, snapshots };
  const kinds = filters.kind ? await customerKinds(office.db) : null;
  const input = filterWithKinds(await indicatorInput(office.db, month), filters, kinds);
  const model = dashboardModel(input, month);
  const ids = model.worst.flatMap((w) => w.problemIds);
  const numberOf = new Map((await requestsByIds(office.db, ids)).map((r) => [r.id, r.number]));
  let results: ReturnType<typeof surveyResults> = [];
  if (surveysApply(filters)) {
    const surveys = await listSurveys(office.db);
    const targeted = new Map<string, number>();
    for (const s of surveys) targeted.set(s.id, (await surveyHouseholds(office.db, s)).filter((code) => householdInFilters(code, filters, kinds?.byUnit ?? new Map())).length);
    results = surveyResults(surveys, input.responses, targeted, month, settings.calendar.utcOffset);
  }
  const names = hasFilters(filters) ? Object.fromEntries(FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, groupLabel(k, filters[k], settings)])) : {};
  // Incidents (issue 20): counted for the whole office, whatever the filters (an outage has no category or team).
  const bounds = monthBounds(month, settings.calendar.utcOffset);
  const inMonth = await incidentsBetween(office.db, bounds.start, bounds.end);
  const incidents = incidentFigures(inMonth.incidents, inMonth.calls, bounds);
  return { settings, snapshot: null, content: { ...reportContent(model, numberOf, results, names), incidents }, snapshots };
}
