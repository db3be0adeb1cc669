import type { Survey } from '../surveys/survey';
import type { ResponseRow } from '../surveys/response';
import type { DashboardModel } from './dashboard';
import { TREND_IDS } from './dashboard';
import { monthBounds } from './period';
import type { ReportContent, ReportSurvey } from './report';
import type { IndicatorFilters } from './filters';
import { originLines } from './origins';

/**
 * A survey's results in a month, for the report: per wave with answers keyed in that month,
 * the households targeted and answered (the whole wave so far), and the scale answers of the
 * month at or above the survey's cut-off; next to it the wave before, as a whole, so the
 * report compares this quarter's wave with the last. `targeted` is per survey id; `responses`
 * are those inside the report's filters (all waves).
 */
export function surveyResults(surveys: readonly Survey[], responses: readonly ResponseRow[], targeted: ReadonlyMap<string, number>, month: string, utcOffset: number): ReportSurvey[] {
  const b = monthBounds(month, utcOffset);
  const out: ReportSurvey[] = [];
  const scaleFigures = (s: Survey, rows: readonly ResponseRow[]) => {
    const levels = rows.flatMap((r) => Object.values(r.levels));
    return { satisfied: levels.filter((l) => l >= s.satisfiedFrom).length, answers: levels.length };
  };
  for (const s of surveys) {
    const waves = [...s.waves].sort((a, c) => a.n - c.n);
    waves.forEach((w, i) => {
      const rows = responses.filter((r) => r.surveyId === s.id && r.wave === w.n);
      const inMonth = rows.filter((r) => r.at >= b.start && r.at < b.end);
      if (!inMonth.length) return;
      const before = waves[i - 1];
      const prevRows = before ? responses.filter((r) => r.surveyId === s.id && r.wave === before.n) : [];
      out.push({
        title: `${s.title} · ${w.label}`, wave: w.n, targeted: targeted.get(s.id) ?? 0, answered: rows.length, ...scaleFigures(s, inMonth),
        previous: before ? { label: before.label, targeted: targeted.get(s.id) ?? 0, answered: prevRows.length, ...scaleFigures(s, prevRows) } : null,
      });
    });
  }
  return out;
}

/** The report's content: the figures of the dashboard's model, as they will be printed and frozen. */
/** `filters`: the names of the filters applied (key → name), printed in the header and kept in the snapshot. */
export function reportContent(model: DashboardModel, numberOf: ReadonlyMap<string, string>, surveys: ReportSurvey[], filters: Partial<Record<keyof IndicatorFilters, string>> = {}): ReportContent {
  return {
    period: model.month,
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => !!v)) as Record<string, string>,
    figures: model.indicators.map((i) => ({ id: i.id, numerator: i.numerator, denominator: i.denominator, value: i.value, target: i.target, status: i.status })),
    trend: model.trend.map((p) => ({ month: p.month, values: Object.fromEntries(TREND_IDS.map((id) => [id, p.indicators.find((i) => i.id === id)?.value ?? null])) })),
    times: model.times.map(({ refs: _refs, period: _p, ...rest }) => rest),
    worst: model.worst.map((w) => ({ category: w.category, requests: w.requests, numbers: w.problemIds.map((id) => numberOf.get(id) ?? id) })),
    surveys,
    origins: originLines(model.slice.requests, model.month, model.slice.calendar.utcOffset),
  };
}
