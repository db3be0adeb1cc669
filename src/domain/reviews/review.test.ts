import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import type { ActionRow } from '../actions/types';
import { applyToPlain } from '../plain.fixture';
import type { ServiceRequest } from '../requests/types';
import { reviewCases, reviewComplaints, reviewFromRecord, saveReview, setReviewAttendance } from './review';

const ctx: CommandContext = { actor: { staffId: 'm1', name: '王经理', deviceCode: 'A' }, now: '2026-11-30T02:00:00.000Z' };
const other: CommandContext = { actor: { staffId: 's1', name: '陈晨', deviceCode: 'B' }, now: '2026-11-30T02:01:00.000Z' };

describe('the monthly major-case review', () => {
  it('is one record per month that two tablets fill in field by field, attendance per person', () => {
    const records = new Map();
    applyToPlain(records, saveReview(null, '2026-11', { heldOn: '2026-11-30', place: '会议室', hostName: '王经理', recorderName: '陈晨', summary: '' }, ctx));
    applyToPlain(records, setReviewAttendance('2026-11', { id: 'm1', name: '王经理' }, true, ctx));
    applyToPlain(records, setReviewAttendance('2026-11', { id: 's1', name: '陈晨' }, true, other));
    applyToPlain(records, setReviewAttendance('2026-11', { id: 's2', name: '李强' }, true, other));
    applyToPlain(records, setReviewAttendance('2026-11', { id: 's2', name: '李强' }, false, other));
    const r = reviewFromRecord('review-2026-11', records.get('reviews/review-2026-11'));
    expect(r).toMatchObject({ month: '2026-11', heldOn: '2026-11-30', place: '会议室' });
    expect(r.attendees.map((a) => a.name).sort()).toEqual(['王经理', '陈晨'].sort());
    expect(saveReview(null, '2026-13', { heldOn: '2026-11-31', place: '', hostName: '', recorderName: '', summary: '' }, ctx)).toMatchObject({ ok: false });
  });

  it('lists the month’s complaints and disputes with their causes and the actions raised from each', () => {
    const req = (id: string, number: string, kind: ServiceRequest['kind'], createdAt: string, cause = '') =>
      ({ id, number, kind, createdAt, unitCode: '3-1-101', description: `${number} 内容`, status: 'closed', investigation: cause ? { facts: '', cause, responsibility: 'company', severity: 'general' } : null }) as unknown as ServiceRequest;
    const all = [
      req('r2', 'TS-2611-A-002', 'complaint', '2026-11-20T02:00:00.000Z', '保洁漏扫'),
      req('r1', 'TS-2611-A-001', 'complaint', '2026-11-03T02:00:00.000Z', '装修管理不到位'),
      req('r3', 'BX-2611-A-001', 'repair', '2026-11-05T02:00:00.000Z'),
      req('r4', 'JF-2611-A-001', 'dispute', '2026-11-06T02:00:00.000Z'),
      req('r5', 'TS-2610-A-009', 'complaint', '2026-10-31T02:00:00.000Z'),
    ];
    const inNov = (iso: string) => iso >= '2026-10-31T16:00:00.000Z' && iso < '2026-11-30T16:00:00.000Z';
    const chosen = reviewComplaints(all, inNov);
    expect(chosen.map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r4']);
    // A complaint the manager found invalid (无效) is not a case; one found valid or not yet judged is.
    const judged = [{ ...all[0], validity: 'invalid' as const }, { ...all[1], validity: 'valid' as const }, all[3]];
    expect(reviewComplaints(judged, inNov).map((r) => r.id).sort()).toEqual(['r1', 'r4']);
    const actions = [
      { id: 'a1', sourceRef: 'requests/r1', action: '装修巡查', createdAt: '2026-11-04T00:00:00.000Z' },
      { id: 'a2', sourceRef: 'requests/r3', action: '不相干', createdAt: '2026-11-04T00:00:00.000Z' },
    ] as ActionRow[];
    const cases = reviewCases(chosen, actions);
    expect(cases.map((c) => [c.number, c.cause, c.actions.map((a) => a.id)])).toEqual([
      ['JF-2611-A-001', '', []],
      ['TS-2611-A-001', '装修管理不到位', ['a1']],
      ['TS-2611-A-002', '保洁漏扫', []],
    ]);
  });
});
