import { describe, expect, it } from 'vitest';
import { defaultServiceSettings } from '../requests/settings';
import type { ResponseRow } from '../surveys/response';
import type { Survey } from '../surveys/survey';
import { monthIndicators, type IndicatorInput, type IndicatorRequest } from './compute';
import { dashboardModel } from './dashboard';
import { buildingsOf, filterInput, filterQuery, filtersFrom, hasFilters, NO_FILTERS } from './filters';
import { reportContent, surveyResults } from './report-content';
import { defaultTargets } from './targets';
import { at, calendar, req as baseReq } from './test-fixtures';

const req = (p: Partial<IndicatorRequest>) => baseReq({ createdAt: at('2026-11-03 09:00'), ...p });
function resp(surveyId: string, wave: number, unitCode: string, levels: number[], when: string): ResponseRow {
  return {
    id: `${surveyId}~${wave}~${unitCode}`, surveyId, wave, unitCode, building: unitCode.split('-')[0], channel: 'paper', at: at(when), by: 's1',
    levels: Object.fromEntries(levels.map((l, i) => [`q${i + 1}`, l])), lowest: Math.min(...levels), comment: '', requestId: '',
  };
}
// 3 households in building 1, 2 in building 2.
const households = ['1-1-101', '1-1-102', '1-1-103', '2-1-101', '2-1-102'].map((code) => ({ code, createdAt: '' }));
const base = (p: Partial<IndicatorInput>): IndicatorInput => ({
  requests: [], followups: [], responses: [], satisfiedFrom: { sv: 4 }, households, calendar,
  categories: defaultServiceSettings().categories, targets: defaultTargets(), now: at('2026-12-15 12:00'), ...p,
});
const fig = (i: IndicatorInput, id: string) => monthIndicators(i, '2026-11').find((x) => x.id === id)!;

describe('indicator filters', () => {
  // Building 1: a water repair reopened, a lift complaint (tenant), a noise complaint by the engineering team.
  const water1 = req({ id: 'w1', unitCode: '1-1-101', firstDoneAt: at('2026-11-05 10:00'), doneAt: at('2026-11-06 10:00'), reopenCount: 1, customerId: 'c1' });
  const lift1 = req({ id: 'l1', kind: 'complaint', category: 'lift', teamId: 'engineering', unitCode: '1-1-102', customerId: 'c2', closedAt: at('2026-11-10 10:00') });
  const noise2 = req({ id: 'n2', kind: 'complaint', category: 'noise', teamId: 'security', unitCode: '2-1-101', customerId: 'c3', closedAt: at('2026-11-12 10:00') });
  const water2 = req({ id: 'w2', unitCode: '2-1-102', firstDoneAt: at('2026-11-08 10:00'), doneAt: at('2026-11-08 12:00'), customerId: 'c4' });
  const kinds = new Map([['c1', 'owner'], ['c2', 'tenant'], ['c3', 'owner'], ['c4', 'tenant']]);
  const unitKinds = new Map([['1-1-101', new Set(['owner'])], ['1-1-102', new Set(['tenant'])], ['2-1-101', new Set(['owner'])], ['2-1-102', new Set(['tenant', 'owner'])]]);
  const data = base({
    requests: [water1, lift1, noise2, water2],
    followups: [{ id: 'f1', requestId: 'l1', satisfaction: 2, at: at('2026-11-11 10:00') }, { id: 'f2', requestId: 'w2', satisfaction: 5, at: at('2026-11-09 10:00') }],
    responses: [resp('sv', 1, '1-1-103', [5, 5], '2026-11-20 10:00'), resp('sv', 1, '2-1-102', [2, 4], '2026-11-21 10:00')],
  });
  const kindOf = (id: string) => kinds.get(id) ?? '';

  it('no filter: the rows as they are', () => {
    expect(filterInput(data, NO_FILTERS)).toBe(data);
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('a building: its requests, their follow-ups, its households\' answers, its households', () => {
    const b1 = filterInput(data, filtersFrom({ building: '1' }), kindOf, unitKinds);
    expect(b1.requests.map((r) => r.id)).toEqual(['w1', 'l1']);
    expect(b1.followups.map((f) => f.id)).toEqual(['f1']);
    expect(b1.responses.map((r) => r.unitCode)).toEqual(['1-1-103']);
    // Rework: 1 of 1 repair of building 1 reopened; the whole office: 1 of 2.
    expect([fig(b1, 'rework').numerator, fig(b1, 'rework').denominator]).toEqual([1, 1]);
    expect([fig(data, 'rework').numerator, fig(data, 'rework').denominator]).toEqual([1, 2]);
    // Complaints per 100 households: 1 complaint over building 1's 3 households = 33.3.
    expect(fig(b1, 'complaintsPer100').denominator).toBe(3);
    expect(fig(b1, 'complaintsPer100').value).toBeCloseTo(33.33, 2);
    // Satisfaction together: building 1's follow-up (2: not satisfied) + its survey answers 5, 5 → 2 of 3.
    expect([fig(b1, 'satisfaction').numerator, fig(b1, 'satisfaction').denominator]).toEqual([2, 3]);
    // The whole office: follow-ups 2 (no), 5 (yes); answers 5, 5, 2, 4 → 4 of 6.
    expect([fig(data, 'satisfaction').numerator, fig(data, 'satisfaction').denominator]).toEqual([4, 6]);
  });

  it('a category or a team: its requests; no survey answers; every household counts', () => {
    const lift = filterInput(data, filtersFrom({ category: 'lift' }), kindOf, unitKinds);
    expect(lift.requests.map((r) => r.id)).toEqual(['l1']);
    expect(lift.responses).toEqual([]);
    expect(fig(lift, 'satisfactionSurveys').value).toBeNull();
    expect(fig(lift, 'complaintsPer100').denominator).toBe(5);
    expect(fig(lift, 'complaintsPer100').value).toBeCloseTo(20, 5);
    const eng = filterInput(data, filtersFrom({ team: 'engineering' }), kindOf, unitKinds);
    expect(eng.requests.map((r) => r.id)).toEqual(['w1', 'l1', 'w2']);
    expect([fig(eng, 'complaintFollowUp').numerator, fig(eng, 'complaintFollowUp').denominator]).toEqual([1, 1]);
  });

  it('a customer type: requests of such customers, households where one lives', () => {
    const tenants = filterInput(data, filtersFrom({ kind: 'tenant' }), kindOf, unitKinds);
    expect(tenants.requests.map((r) => r.id)).toEqual(['l1', 'w2']);
    expect(tenants.households.map((h) => h.code)).toEqual(['1-1-102', '2-1-102']);
    // 2-1-102 has a tenant: its answers count; 1-1-103 (nobody registered) does not.
    expect(tenants.responses.map((r) => r.unitCode)).toEqual(['2-1-102']);
    expect(fig(tenants, 'complaintsPer100').value).toBeCloseTo(50, 5);
  });

  it('filters combine', () => {
    const f = filterInput(data, filtersFrom({ building: '2', kind: 'owner' }), kindOf, unitKinds);
    expect(f.requests.map((r) => r.id)).toEqual(['n2']);
    expect(f.households.map((h) => h.code)).toEqual(['2-1-101', '2-1-102']);
    expect(filterInput(data, filtersFrom({ building: '9' }), kindOf, unitKinds).requests).toEqual([]);
  });

  it('come from the address cleaned, go back into it, and name the buildings in natural order', () => {
    expect(filtersFrom({ building: ' 2 ', category: undefined, team: 'x'.repeat(200) })).toEqual({ building: '2', category: '', team: 'x'.repeat(80), kind: '' });
    expect(filterQuery(filtersFrom({ building: '10', category: '水 电' }))).toBe('&building=10&category=%E6%B0%B4%20%E7%94%B5');
    expect(buildingsOf([{ code: '10-1-101' }, { code: '2-1-101' }, { code: '2-2-101' }, { code: '' }])).toEqual(['2', '10']);
  });

  it('the report keeps the filters\' names as printed', () => {
    const model = dashboardModel(filterInput(data, filtersFrom({ building: '1' }), kindOf, unitKinds), '2026-11');
    const content = reportContent(model, new Map(), [], { building: '1 栋', category: '' });
    expect(content.filters).toEqual({ building: '1 栋' });
    expect(content.figures.find((f) => f.id === 'rework')).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('survey results in the report', () => {
  const wave = (n: number, start: string) => ({ n, label: `第${n}轮`, start });
  const survey = (levels: 5 | 7, satisfiedFrom: number): Survey => ({
    id: `s${levels}`, title: `问卷${levels}`, intro: '', levels, satisfiedFrom, questions: [], target: { kind: 'all' },
    waves: [wave(1, '2026-08-01'), wave(2, '2026-11-01')], createdAt: '', createdBy: '',
  });
  it('compare this month\'s wave with the wave before, each with its own cut-off', () => {
    const s5 = survey(5, 4);
    const s7 = survey(7, 5);
    const rows = [
      // 5-level, wave 1 (August): 4 answers, 2 satisfied (4, 5) → 50 %.
      resp('s5', 1, '1-1-101', [4, 2], '2026-08-10 10:00'), resp('s5', 1, '1-1-102', [5, 3], '2026-08-11 10:00'),
      // 5-level, wave 2 (November): 4 answers, 3 satisfied → 75 %.
      resp('s5', 2, '1-1-101', [4, 4], '2026-11-10 10:00'), resp('s5', 2, '1-1-102', [5, 3], '2026-11-11 10:00'),
      // 7-level (cut-off 5): wave 2 only in November: levels 4, 5, 7 → 2 of 3; no wave 1 answers.
      resp('s7', 2, '1-1-101', [4, 5, 7], '2026-11-12 10:00'),
    ];
    const out = surveyResults([s5, s7], rows, new Map([['s5', 5], ['s7', 5]]), '2026-11', 480);
    expect(out).toEqual([
      { title: '问卷5 · 第2轮', wave: 2, targeted: 5, answered: 2, satisfied: 3, answers: 4, previous: { label: '第1轮', targeted: 5, answered: 2, satisfied: 2, answers: 4 } },
      { title: '问卷7 · 第2轮', wave: 2, targeted: 5, answered: 1, satisfied: 2, answers: 3, previous: { label: '第1轮', targeted: 5, answered: 0, satisfied: 0, answers: 0 } },
    ]);
    // August: only wave 1 has answers, and it has no wave before it.
    expect(surveyResults([s5], rows, new Map([['s5', 5]]), '2026-08', 480)).toEqual([
      { title: '问卷5 · 第1轮', wave: 1, targeted: 5, answered: 2, satisfied: 2, answers: 4, previous: null },
    ]);
    // A month with no answers: nothing to report.
    expect(surveyResults([s5, s7], rows, new Map(), '2026-10', 480)).toEqual([]);
  });
});
