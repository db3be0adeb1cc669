import type { IndicatorInput, IndicatorRequest } from './compute';
import { monthBounds } from './period';

/**
 * The rows that can count in each of some months, found in ONE pass: a request can count in the
 * month it was taken, first completed, completed, closed, fell due, or was followed up —
 * so a 12-month trend reads each row about once instead of twelve times. Every indicator of a
 * month computed on its slice equals the one computed on all rows (tested).
 */
export function monthSlices(input: IndicatorInput, months: readonly string[]): Map<string, IndicatorInput> {
  const offset = input.calendar.utcOffset;
  const starts = months.map((m) => monthBounds(m, offset).start);
  const end = monthBounds(months[months.length - 1], offset).end;
  const find = (iso: string): number => {
    if (!iso || iso < starts[0] || iso >= end) return -1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= iso) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const requests: Set<IndicatorRequest>[] = months.map(() => new Set());
  const followups: IndicatorInput['followups'][number][][] = months.map(() => []);
  const responses: IndicatorInput['responses'][number][][] = months.map(() => []);
  // Sets: a request in a month's slice twice would be counted twice.
  const byId = new Map<string, IndicatorRequest>();
  for (const r of input.requests) {
    byId.set(r.id, r);
    for (const iso of [r.createdAt, r.firstDoneAt, r.doneAt, r.closedAt, r.dueFinish]) {
      const i = find(iso);
      if (i >= 0) requests[i].add(r);
    }
  }
  // A follow-up's request goes with it: breakdowns put the follow-up in its request's group.
  for (const f of input.followups) {
    const i = find(f.at);
    if (i < 0) continue;
    followups[i].push(f);
    const r = byId.get(f.requestId);
    if (r) requests[i].add(r);
  }
  for (const r of input.responses) { const i = find(r.at); if (i >= 0) responses[i].push(r); }
  return new Map(months.map((m, i) => [m, { ...input, requests: [...requests[i]], followups: followups[i], responses: responses[i] }]));
}
