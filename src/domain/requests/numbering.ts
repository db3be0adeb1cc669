import type { RequestKind } from './types';

/**
 * Human numbers for paper: BX-2611-A-017 = kind, year and month, device code, sequence.
 * Each device numbers its own requests, so two tablets offline never collide; the sequence of
 * one device is kept atomically in its IndexedDB (shared by its tabs), see store/requests.ts.
 */
export const NUMBER_PREFIX: Record<RequestKind, string> = {
  repair: 'BX',
  complaint: 'TS',
  inquiry: 'ZX',
  suggestion: 'JY',
  praise: 'BY',
  dispute: 'JF',
  report: 'JB',
  service: 'FW',
};

/** The series a number belongs to: BX-2611-A. */
export function numberSeries(kind: RequestKind, officeDay: string, deviceCode: string): string {
  return `${NUMBER_PREFIX[kind]}-${officeDay.slice(2, 4)}${officeDay.slice(5, 7)}-${deviceCode}`;
}

export function formatNumber(series: string, seq: number): string {
  return `${series}-${String(seq).padStart(3, '0')}`;
}

/** The highest sequence of a series among existing numbers (0 if none). */
export function highestInSeries(series: string, numbers: Iterable<string>): number {
  let max = 0;
  const prefix = `${series}-`;
  for (const n of numbers) {
    if (!n.startsWith(prefix)) continue;
    const seq = Number(n.slice(prefix.length));
    if (Number.isInteger(seq) && seq > max) max = seq;
  }
  return max;
}
