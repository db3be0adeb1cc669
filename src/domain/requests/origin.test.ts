import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { monthIndicators, problemRefs, type IndicatorInput } from '../indicators/compute';
import { defaultTargets, targetsFrom } from '../indicators/targets';
import { plainAfter } from '../plain.fixture';
import type { Result } from '../result';
import { investigate } from './complaint';
import { findComplaint } from './finding';
import { takeRequest, type IntakeInput } from './lifecycle';
import { NUMBER_PREFIX } from './numbering';
import { COMPLAINT_ORIGINS, type ComplaintOrigin } from './origin-types';
import { projectRequest, requestFromRecord } from './record';
import { categoriesFor, defaultServiceSettings, serviceSettingsFrom } from './settings';
import type { RequestRow, ServiceRequest } from './types';

const settings = defaultServiceSettings();
const ctxAt = (iso: string, staffId = 'reception1', name = '王丽'): CommandContext => ({ actor: { staffId, name, deviceCode: 'A' }, now: new Date(`${iso}+08:00`).toISOString() });
const manager = (iso: string) => ctxAt(iso, 'm1', '李经理');
const apply = (req: ServiceRequest, made: Result<unknown>): ServiceRequest => requestFromRecord(req.id, plainAfter(made, 'requests', req.id, { ...req }));
const refused = (r: Result<unknown>) => (r.ok ? null : r.problems[0].code);

const intake = (p: Partial<IntakeInput>): IntakeInput => ({
  kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'phone', description: '楼上装修噪音', customerId: 'c1', customerName: '张伟',
  unitCode: '3-2-1101', phone: '', location: '', ...p,
});
function take(id: string, p: Partial<IntakeInput>, when = '2026-11-10T09:00'): ServiceRequest {
  return apply(requestFromRecord(id, {}), takeRequest(intake(p), `TS-2611-A-${id}`, settings, ctxAt(when), id));
}
const investigated = (r: ServiceRequest) => apply(r, investigate(r, { facts: '属实', cause: '夜间施工', responsibility: 'company', severity: 'general' }, ctxAt('2026-11-11T10:00')));
const found = (r: ServiceRequest, valid: boolean, staffIds: string[] = []) => apply(r, findComplaint(r, { valid, reason: valid ? '管理不到位' : '与事实不符', staffIds }, 'manager', manager('2026-11-12T10:00')));

describe('complaint origin and 客户要求 at intake', () => {
  it('a complaint keeps where it came from and what the customer asks; a repair carries neither', () => {
    const c = take('1', { origin: 'authority', demand: '停止夜间施工并书面道歉' });
    expect(c.origin).toBe('authority');
    expect(c.demand).toBe('停止夜间施工并书面道歉');
    expect(take('2', {}).origin).toBe('direct');
    const repair = take('3', { kind: 'repair', category: 'water-electric', origin: 'media' });
    expect(repair.origin).toBe('');
    expect(refused(takeRequest(intake({ origin: 'gossip' as ComplaintOrigin }), 'TS-1', settings, ctxAt('2026-11-10T09:00')))).toBe('request.error.originRequired');
  });

  it('举报 and 服务申请 have their own categories, numbers and time limits; 书面/来信 is a channel; praise names staff', () => {
    const reportCats = categoriesFor(settings, 'report');
    const serviceCats = categoriesFor(settings, 'service');
    expect(reportCats.map((c) => c.id)).toEqual(['report-building', 'report-parking', 'report-other']);
    expect(serviceCats.every((c) => c.kinds.length === 1 && c.kinds[0] === 'service')).toBe(true);
    expect([NUMBER_PREFIX.report, NUMBER_PREFIX.service]).toEqual(['JB', 'FW']);
    const parking = take('4', { kind: 'report', category: 'report-parking', channel: 'written' });
    expect(parking.channel).toBe('written');
    // 违规停车: finish within 4 working hours of 09:00 → 13:00 office time.
    expect(parking.due.finish).toBe(new Date('2026-11-10T13:00+08:00').toISOString());
    // An office that saved its categories before these kinds existed still gets them.
    const old = serviceSettingsFrom({ categories: settings.categories.filter((c) => !c.kinds.includes('report') && !c.kinds.includes('service')) });
    expect(categoriesFor(old, 'report').length).toBe(3);
    const praise = take('5', { kind: 'praise', category: 'service-attitude', praisedIds: ['s1', 's2', 's1'] });
    expect(praise.praisedIds).toEqual(['s1', 's2']);
    expect(projectRequest(praise).praisedIds).toEqual(['s1', 's2']);
  });
});

describe('a manager finds a complaint valid or not', () => {
  it('is refused before the investigation, for a non-manager, and without a reason — each with its own message', () => {
    const c = take('1', { origin: 'company' });
    expect(refused(findComplaint(c, { valid: true, reason: '属实', staffIds: [] }, 'manager', manager('2026-11-11T09:00')))).toBe('finding.error.investigateFirst');
    const inv = investigated(c);
    expect(refused(findComplaint(inv, { valid: true, reason: '属实', staffIds: [] }, 'reception', ctxAt('2026-11-11T11:00')))).toBe('finding.error.managerOnly');
    expect(refused(findComplaint(inv, { valid: true, reason: '  ', staffIds: [] }, 'manager', manager('2026-11-11T11:00')))).toBe('finding.error.reasonRequired');
    const repair = take('2', { kind: 'repair', category: 'water-electric' });
    expect(refused(findComplaint(repair, { valid: true, reason: 'x', staffIds: [] }, 'manager', manager('2026-11-11T11:00')))).toBe('request.error.notComplaint');
  });

  it('records who found what, why and about whom, on the record and its history; a later finding replaces it', () => {
    const c = found(investigated(take('1', { origin: 'company' })), true, ['s9']);
    expect(c.finding).toMatchObject({ valid: true, reason: '管理不到位', staffIds: ['s9'], by: 'm1', byName: '李经理' });
    expect(c.history.at(-1)).toMatchObject({ action: 'request.foundValid', byName: '李经理', data: { reason: '管理不到位' } });
    expect(projectRequest(c)).toMatchObject({ validity: 'valid', origin: 'company', concernedIds: ['s9'] });
    const again = found(c, false);
    expect(projectRequest(again)).toMatchObject({ validity: 'invalid', concernedIds: [] });
    expect(again.history.filter((h) => h.action.startsWith('request.found')).length).toBe(2);
  });
});

describe('indicators of a month with complaints of every origin, some found invalid', () => {
  // November 2026: for each origin, complaints found valid, invalid, and not yet found (hand-listed).
  const plan: { id: string; origin: ComplaintOrigin; finding: 'valid' | 'invalid' | null; kind?: 'dispute'; when?: string }[] = [
    { id: 'a1', origin: 'authority', finding: 'valid' },
    { id: 'a2', origin: 'authority', finding: 'invalid' },
    { id: 'a3', origin: 'authority', finding: 'valid', kind: 'dispute' },
    { id: 'a4', origin: 'authority', finding: null },
    { id: 'c1', origin: 'company', finding: 'valid' },
    { id: 'c2', origin: 'company', finding: 'valid' },
    { id: 'c3', origin: 'company', finding: 'valid' },
    { id: 'c4', origin: 'company', finding: 'invalid' },
    { id: 'c5', origin: 'company', finding: null },
    { id: 'd1', origin: 'direct', finding: 'valid' },
    { id: 'd2', origin: 'direct', finding: 'invalid' },
    { id: 'm1', origin: 'media', finding: 'valid' },
    { id: 'o1', origin: 'other', finding: 'invalid' },
    // Taken in October: counts in October, not November, though found in November.
    { id: 'x1', origin: 'authority', finding: 'valid', when: '2026-10-30T09:00' },
    { id: 'x2', origin: 'company', finding: 'valid', when: '2026-10-30T09:00' },
  ];
  const rows: RequestRow[] = plan.map((p) => {
    let r = take(p.id, { origin: p.origin, kind: p.kind ?? 'complaint' }, p.when);
    if (p.finding) r = found(investigated(r), p.finding === 'valid');
    return projectRequest(r);
  });
  const households = Array.from({ length: 150 }, (_, i) => ({ code: `1-1-${100 + i}`, createdAt: '' }));
  const input = (targets = defaultTargets()): IndicatorInput => ({
    requests: rows, followups: [], responses: [], satisfiedFrom: {}, households, calendar: settings.calendar, categories: settings.categories, targets, now: new Date('2026-12-15T12:00:00Z').toISOString(),
  });

  it('every origin occurs in the month', () => {
    expect(new Set(plan.filter((p) => !p.when).map((p) => p.origin))).toEqual(new Set(COMPLAINT_ORIGINS));
  });

  it('valid via the authorities = a hand count (a1, a3), red against its target of 0; its records are exactly those', () => {
    const ind = monthIndicators(input(), '2026-11').find((i) => i.id === 'validViaAuthorities')!;
    expect(ind).toMatchObject({ numerator: 2, value: 2, target: 0, status: 'red', unit: 'count' });
    expect(problemRefs(ind).map((r) => r.id).sort()).toEqual(['a1', 'a3']);
    expect(ind.refs.map((r) => r.id).sort()).toEqual(['a1', 'a3']);
  });

  it('valid via the company per 100 households = 3 ÷ 150 × 100 = 2.00, green at the default ≤ 2, red when the office sets 1', () => {
    const ind = monthIndicators(input(), '2026-11').find((i) => i.id === 'validViaCompanyPer100')!;
    expect(ind).toMatchObject({ numerator: 3, denominator: 150, target: 2, status: 'green', unit: 'per100' });
    expect(ind.value).toBeCloseTo(2, 10);
    expect(ind.refs.map((r) => r.id).sort()).toEqual(['c1', 'c2', 'c3']);
    const stricter = targetsFrom({ targets: { validViaCompanyPer100: { target: 1, amber: 0.5 } } });
    expect(monthIndicators(input(stricter), '2026-11').find((i) => i.id === 'validViaCompanyPer100')!.status).toBe('red');
  });

  it('October keeps its own (x1, x2)', () => {
    const oct = monthIndicators(input(), '2026-10');
    expect(oct.find((i) => i.id === 'validViaAuthorities')!.refs.map((r) => r.id)).toEqual(['x1']);
    expect(oct.find((i) => i.id === 'validViaCompanyPer100')!.refs.map((r) => r.id)).toEqual(['x2']);
  });
});
