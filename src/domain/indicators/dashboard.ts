import { worstCategories, type WorstCategory } from './breakdown';
import { monthIndicators, timeStats, type Indicator, type IndicatorInput, type TimeStat } from './compute';
import { trailingMonths } from './period';
import { monthSlices } from './slices';

/** Indicators whose 12-month trend the dashboard and the report draw. */
export const TREND_IDS = ['satisfaction', 'complaintFollowUp', 'rework', 'onTimeRespond', 'onTimeFinish'] as const;

export interface TrendPoint {
  month: string;
  indicators: Indicator[];
}

export interface DashboardModel {
  month: string;
  /** The rows that can count in the month shown (breakdowns compute on it), and the requests ever followed up. */
  slice: IndicatorInput;
  hasFollowUp: ReadonlySet<string>;
  indicators: Indicator[];
  trend: TrendPoint[];
  times: TimeStat[];
  worst: WorstCategory[];
}

/** Everything the first view of the dashboard (and the monthly report) shows for one month. */
export function dashboardModel(input: IndicatorInput, month: string): DashboardModel {
  const hasFollowUp = new Set(input.followups.map((f) => f.requestId));
  // Each month computes on its own slice of the rows; the trend needs counts only, the month
  // shown keeps the records behind its figures.
  const months = trailingMonths(month);
  const slices = monthSlices(input, months);
  const trend = months.map((m) => ({ month: m, indicators: monthIndicators(slices.get(m)!, m, hasFollowUp, m === month) }));
  const slice = slices.get(month)!;
  return { month, slice, hasFollowUp, indicators: trend[trend.length - 1].indicators, trend, times: timeStats(slice, month), worst: worstCategories(slice, month, 5, hasFollowUp) };
}
