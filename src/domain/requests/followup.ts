import type { FollowUpMethod } from './lifecycle';

/** A line of the follow-up register (回访记录). */
export interface FollowUpRow {
  id: string;
  requestId: string;
  requestNumber: string;
  kind: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  method: FollowUpMethod;
  satisfaction: number;
  comment: string;
  at: string;
  by: string;
  byName: string;
}

export function projectFollowUp(id: string, r: Record<string, unknown>): FollowUpRow {
  const s = (k: string) => String(r[k] ?? '');
  return {
    id,
    requestId: s('requestId'),
    requestNumber: s('requestNumber'),
    kind: s('kind'),
    customerId: s('customerId'),
    customerName: s('customerName'),
    unitCode: s('unitCode'),
    method: (s('method') || 'phone') as FollowUpMethod,
    satisfaction: Number(r.satisfaction ?? 0),
    comment: s('comment'),
    at: s('at'),
    by: s('by'),
    byName: s('byName'),
  };
}
