import { worstCategories, type WorstCategory } from './breakdown';
import { monthIndicators, timeStats, type Indicator, type IndicatorInput, type TimeStat } from './compute';
import { trailingMonths } from './period';

/** Indicators whose 12-month trend the dashboard and the report draw. */
export const TREND_IDS = ['satisfaction', 'complaintFollowUp', 'rework', 'onTimeRespond', 'onTimeFinish'] as const;

export interface TrendPoint {
  month: string;
  indicators: Indicator[];
}

export interface DashboardModel {
  month: string;
  indicators: Indicator[];
  trend: TrendPoint[];
  times: TimeStat[];
  worst: WorstCategory[];
}

/** Everything the first view of the dashboard (and the monthly report) shows for one month. */
export function dashboardModel(input: IndicatorInput, month: string): DashboardModel {
  const hasFollowUp = new Set(input.followups.map((f) => f.requestId));
  // The trend needs counts only; the records behind the figures are kept for the month shown.
  const months = trailingMonths(month);
  const trend = months.map((m) => ({ month: m, indicators: monthIndicators(input, m, hasFollowUp, m === month) }));
  return { month, indicators: trend[trend.length - 1].indicators, trend, times: timeStats(input, month), worst: worstCategories(input, month) };
}
