import { COMPLAINT_ORIGINS, type ComplaintOrigin } from '../requests/origin-types';
import { isComplaint, type IndicatorRequest } from './compute';
import { monthBounds } from './period';

/** One line of 投诉来源与有效性: complaints and disputes taken in the month from one origin. */
export interface OriginLine {
  /** '' for complaints taken before the origin was asked. */
  origin: ComplaintOrigin | '';
  taken: number;
  valid: number;
  invalid: number;
  /** Not yet found valid or not. */
  open: number;
}

/**
 * Complaints and disputes taken in the month, by where they came from, with the managers'
 * findings so far (issue 21). Counted like the indicators: in the month taken, whenever found.
 * Origins with nothing are listed too, so the printed table always has its five lines.
 */
export function originLines(requests: readonly IndicatorRequest[], month: string, utcOffset: number): OriginLine[] {
  const b = monthBounds(month, utcOffset);
  const lines = new Map<ComplaintOrigin | '', OriginLine>(COMPLAINT_ORIGINS.map((o) => [o, { origin: o, taken: 0, valid: 0, invalid: 0, open: 0 }]));
  for (const r of requests) {
    if (!isComplaint(r.kind) || !r.createdAt || r.createdAt < b.start || r.createdAt >= b.end) continue;
    const origin = (COMPLAINT_ORIGINS as string[]).includes(r.origin ?? '') ? (r.origin as ComplaintOrigin) : '';
    const line = lines.get(origin) ?? lines.set(origin, { origin, taken: 0, valid: 0, invalid: 0, open: 0 }).get(origin)!;
    line.taken++;
    if (r.validity === 'valid') line.valid++;
    else if (r.validity === 'invalid') line.invalid++;
    else line.open++;
  }
  return [...lines.values()];
}
