import type { Group } from '../../domain/indicators/breakdown';
import type { TrendPoint } from '../../domain/indicators/dashboard';
import type { IndicatorId } from '../../domain/indicators/targets';

const COLORS = ['#1f6f5c', '#c47f17', '#b03a2e', '#2e6ab0', '#7a4fa3'];
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The 12-month trend of some percentage indicators, one line each, with a dashed target line each. */
export function trendOption(trend: TrendPoint[], ids: readonly IndicatorId[], nameOf: (id: IndicatorId) => string) {
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'plain' },
    grid: { left: 40, right: 16, top: 48, bottom: 28 },
    xAxis: { type: 'category', data: trend.map((p) => p.month.slice(2).replace('-', '/')) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: ids.map((id) => ({
      name: nameOf(id),
      type: 'line',
      connectNulls: false,
      data: trend.map((p) => round1(p.indicators.find((i) => i.id === id)?.value ?? null)),
    })),
  };
}

/** One bar per group (category, team, building…) of one indicator's value, and the target line. */
export function groupsOption(groups: Group[], id: IndicatorId, labelOf: (key: string) => string, name: string) {
  const values = groups.map((g) => g.indicators.find((i) => i.id === id)!);
  const target = values[0]?.target ?? 0;
  return {
    color: [COLORS[0]],
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 40, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: groups.map((g) => labelOf(g.key)), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [{
      name,
      type: 'bar',
      data: values.map((v) => ({ value: round1(v.value), itemStyle: { color: v.status === 'red' ? COLORS[2] : v.status === 'amber' ? COLORS[1] : COLORS[0] } })),
      markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ yAxis: target }], label: { formatter: String(target) } },
    }],
  };
}

/** Requests per month (bars) of the trend: the workload under the figures. */
export function countsOption(trend: TrendPoint[], name: string, id: IndicatorId) {
  return {
    color: [COLORS[3]],
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: trend.map((p) => p.month.slice(2).replace('-', '/')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: trend.map((p) => p.indicators.find((i) => i.id === id)?.numerator ?? 0) }],
  };
}
