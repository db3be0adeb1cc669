import type { Indicator } from '../../domain/indicators/compute';
import type { Status } from '../../domain/indicators/targets';
import { t } from '../../i18n';

const fixed = (v: number, digits: number) => (Math.round(v * 10 ** digits) / 10 ** digits).toFixed(digits);

/** A figure as shown and printed: 92.3%, 1.50 (per 100 households), 2 (a count); — when there is nothing to measure. */
export function formatValue(unit: Indicator['unit'], value: number | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'percent': return `${fixed(value, 1)}%`;
    case 'per100': return fixed(value, 2);
    case 'count': return String(Math.round(value));
    case 'hours': return t('dashboard.hours', { n: fixed(value, 1) });
  }
}

/** "≥ 90%", "≤ 2%", "≤ 0". */
export function formatTarget(ind: Pick<Indicator, 'unit' | 'direction' | 'target'>): string {
  return `${ind.direction === 'higher' ? '≥' : '≤'} ${formatValue(ind.unit, ind.target)}`;
}

export const statusText = (s: Status) => t(`dashboard.status.${s}`);
export const hoursText = (v: number | null) => formatValue('hours', v);
