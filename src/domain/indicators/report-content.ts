import type { Survey } from '../surveys/survey';
import type { ResponseRow } from '../surveys/response';
import type { DashboardModel } from './dashboard';
import { TREND_IDS } from './dashboard';
import { monthBounds } from './period';
import type { ReportContent, ReportSurvey } from './report';

/**
 * A survey's results in a month, for the report: per wave with answers keyed in that month,
 * the households targeted and answered (the whole wave so far), and the scale answers of the
 * month at or above the survey's cut-off.
 */
export function surveyResults(surveys: readonly Survey[], responses: readonly ResponseRow[], targeted: ReadonlyMap<string, number>, month: string, utcOffset: number): ReportSurvey[] {
  const b = monthBounds(month, utcOffset);
  const out: ReportSurvey[] = [];
  for (const s of surveys) {
    for (const w of s.waves) {
      const rows = responses.filter((r) => r.surveyId === s.id && r.wave === w.n);
      const inMonth = rows.filter((r) => r.at >= b.start && r.at < b.end);
      if (!inMonth.length) continue;
      const levels = inMonth.flatMap((r) => Object.values(r.levels));
      out.push({
        title: `${s.title} · ${w.label}`, wave: w.n, targeted: targeted.get(s.id) ?? 0, answered: rows.length,
        satisfied: levels.filter((l) => l >= s.satisfiedFrom).length, answers: levels.length,
      });
    }
  }
  return out;
}

/** The report's content: the figures of the dashboard's model, as they will be printed and frozen. */
export function reportContent(model: DashboardModel, numberOf: ReadonlyMap<string, string>, surveys: ReportSurvey[], filters: Record<string, string> = {}): ReportContent {
  return {
    period: model.month,
    filters,
    figures: model.indicators.map((i) => ({ id: i.id, numerator: i.numerator, denominator: i.denominator, value: i.value, target: i.target, status: i.status })),
    trend: model.trend.map((p) => ({ month: p.month, values: Object.fromEntries(TREND_IDS.map((id) => [id, p.indicators.find((i) => i.id === id)?.value ?? null])) })),
    times: model.times.map(({ refs: _refs, period: _p, ...rest }) => rest),
    worst: model.worst.map((w) => ({ category: w.category, requests: w.requests, numbers: w.problemIds.map((id) => numberOf.get(id) ?? id) })),
    surveys,
  };
}
