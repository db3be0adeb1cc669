import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../requests/settings';
import { defaultServiceSettings } from '../requests/settings';
import type { ResponseRow } from '../surveys/response';
import { breakdown, worstCategories } from './breakdown';
import { householdsAt, monthIndicators, problemRefs, timeStats, type IndicatorFollowUp, type IndicatorInput, type IndicatorRequest } from './compute';
import { monthBounds, monthOf, trailingMonths } from './period';
import { ageGroup, birthYearOf } from './segments';
import { median, p90 } from './stats';
import { defaultTargets, statusOf, targetsFrom } from './targets';
import { at, calendar, nextSeq, req } from './test-fixtures';

const fu = (requestId: string, satisfaction: number, when: string): IndicatorFollowUp => ({ id: `f${nextSeq()}`, requestId, satisfaction, at: at(when) });
function resp(surveyId: string, levels: number[], when: string, unitCode = '1-1-101'): ResponseRow {
  return {
    id: `${surveyId}~1~${unitCode}~${nextSeq()}`, surveyId, wave: 1, unitCode, building: unitCode.split('-')[0], channel: 'paper', at: at(when), by: 's1',
    levels: Object.fromEntries(levels.map((l, i) => [`q${i + 1}`, l])), lowest: Math.min(...levels), comment: '', requestId: '',
  };
}
const households = (n: number, createdAt = '', building = '1') => Array.from({ length: n }, (_, i) => ({ code: `${building}-1-${100 + i}`, createdAt }));

function input(p: Partial<IndicatorInput>): IndicatorInput {
  return {
    requests: [], followups: [], responses: [], satisfiedFrom: {}, households: households(100), calendar,
    categories: defaultServiceSettings().categories, targets: defaultTargets(), now: at('2026-12-15 12:00'), ...p,
  };
}
const fig = (list: ReturnType<typeof monthIndicators>, id: string) => list.find((i) => i.id === id)!;

describe('office months', () => {
  it('bounds a month in office time', () => {
    expect(monthBounds('2026-11', 480)).toEqual({ month: '2026-11', start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' });
    expect(monthOf(at('2026-11-30 23:30'), 480)).toBe('2026-11');
    expect(monthOf(at('2026-12-01 00:30'), 480)).toBe('2026-12');
    expect(trailingMonths('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe('quantiles (nearest rank)', () => {
  it('median and p90 of hand-counted lists', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(p90([4, 1, 3, 2])).toBe(4);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
  });
});

describe('monthly indicators', () => {
  it('an empty month has no rates (status none), no complaints per 100 households and none escalated', () => {
    const list = monthIndicators(input({}), '2026-11');
    for (const id of ['satisfaction', 'satisfactionFollowUps', 'satisfactionSurveys', 'complaintFollowUp', 'rework', 'onTimeRespond', 'onTimeFinish']) {
      expect(fig(list, id), id).toMatchObject({ numerator: 0, denominator: 0, value: null, status: 'none' });
    }
    expect(fig(list, 'complaintsPer100')).toMatchObject({ numerator: 0, denominator: 100, value: 0, status: 'green' });
    expect(fig(list, 'escalated')).toMatchObject({ numerator: 0, denominator: 0, value: 0, status: 'green' });
    // Without any households there is nothing to divide by either.
    expect(fig(monthIndicators(input({ households: [] }), '2026-11'), 'complaintsPer100').value).toBeNull();
  });

  it('no follow-ups: no follow-up satisfaction, and a closed complaint without a visit fails the follow-up rate', () => {
    const c1 = req({ kind: 'complaint', category: 'noise', createdAt: at('2026-11-02 09:00'), closedAt: at('2026-11-05 10:00') });
    const c2 = req({ kind: 'dispute', category: 'noise', createdAt: at('2026-11-03 09:00'), closedAt: at('2026-11-06 10:00') });
    const list = monthIndicators(input({ requests: [c1, c2] }), '2026-11');
    expect(fig(list, 'satisfactionFollowUps')).toMatchObject({ denominator: 0, value: null, status: 'none' });
    expect(fig(list, 'complaintFollowUp')).toMatchObject({ numerator: 0, denominator: 2, value: 0, status: 'red' });
    expect(problemRefs(fig(list, 'complaintFollowUp')).map((r) => r.id)).toEqual([c1.id, c2.id]);
    // One visit (in a later month even) makes one of the two followed up: 50 %.
    const withOne = monthIndicators(input({ requests: [c1, c2], followups: [fu(c1.id, 5, '2026-12-01 09:00')] }), '2026-11');
    expect(fig(withOne, 'complaintFollowUp')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it('all reopened: rework is 100 % and red', () => {
    const repairs = [1, 2, 3].map((d) =>
      req({ createdAt: at(`2026-11-0${d} 09:00`), firstDoneAt: at(`2026-11-0${d} 15:00`), doneAt: '', reopenCount: d === 3 ? 2 : 1 }));
    const list = monthIndicators(input({ requests: repairs }), '2026-11');
    expect(fig(list, 'rework')).toMatchObject({ numerator: 3, denominator: 3, value: 100, target: 2, direction: 'lower', status: 'red' });
    expect(problemRefs(fig(list, 'rework'))).toHaveLength(3);
  });

  it('rework: 1 of 50 repairs reopened is 2 %, on target; complaints (not repairs) are not counted', () => {
    const repairs = Array.from({ length: 50 }, (_, i) => req({ createdAt: at('2026-11-02 09:00'), firstDoneAt: at('2026-11-02 12:00'), doneAt: at('2026-11-02 12:00'), reopenCount: i === 0 ? 1 : 0 }));
    const complaint = req({ kind: 'complaint', createdAt: at('2026-11-02 09:00'), firstDoneAt: at('2026-11-02 12:00'), reopenCount: 1 });
    const r = fig(monthIndicators(input({ requests: [...repairs, complaint] }), '2026-11'), 'rework');
    expect(r).toMatchObject({ numerator: 1, denominator: 50, value: 2, status: 'green' });
  });

  it('a request spanning two months: its response counts in the month it was taken, its finish in the month it was done', () => {
    // Taken 31 Oct 17:00, deadline to respond 17:30 (responded 17:20, on time); finish deadline 2 Nov 10:00, done 2 Nov 11:00 (late).
    const r = req({
      createdAt: at('2026-10-31 17:00'), dueRespond: at('2026-10-31 17:30'), respondedAt: at('2026-10-31 17:20'),
      dueFinish: at('2026-11-02 10:00'), doneAt: at('2026-11-02 11:00'), firstDoneAt: at('2026-11-02 11:00'),
    });
    const oct = monthIndicators(input({ requests: [r] }), '2026-10');
    const nov = monthIndicators(input({ requests: [r] }), '2026-11');
    expect(fig(oct, 'onTimeRespond')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(fig(oct, 'onTimeFinish').denominator).toBe(0);
    expect(fig(nov, 'onTimeRespond').denominator).toBe(0);
    expect(fig(nov, 'onTimeFinish')).toMatchObject({ numerator: 0, denominator: 1, value: 0, status: 'red' });
    expect(fig(nov, 'rework')).toMatchObject({ numerator: 0, denominator: 1 });
    // Response time in October: 20 minutes; finish time in November: 31 Oct 17:00–18:00, 1 Nov 08:00–18:00, 2 Nov 08:00–11:00 = 14 working hours.
    expect(timeStats(input({ requests: [r] }), '2026-10')).toEqual([expect.objectContaining({ measure: 'respond', n: 1, median: 1 / 3 })]);
    expect(timeStats(input({ requests: [r] }), '2026-11')).toEqual([expect.objectContaining({ measure: 'finish', n: 1, median: 14, p90: 14, limit: 8, status: 'red' })]);
  });

  it('on-time response: a deadline not yet passed and not yet met is not counted; a passed one without a response is late', () => {
    const now = at('2026-11-10 12:00');
    const pending = req({ createdAt: at('2026-11-10 11:00'), dueRespond: at('2026-11-10 13:00') });
    const missed = req({ createdAt: at('2026-11-09 09:00'), dueRespond: at('2026-11-09 10:00') });
    const ok = req({ createdAt: at('2026-11-09 09:00'), dueRespond: at('2026-11-09 10:00'), respondedAt: at('2026-11-09 09:30') });
    const late = req({ createdAt: at('2026-11-09 09:00'), dueRespond: at('2026-11-09 10:00'), respondedAt: at('2026-11-09 10:30') });
    const r = fig(monthIndicators(input({ requests: [pending, missed, ok, late], now }), '2026-11'), 'onTimeRespond');
    expect(r).toMatchObject({ numerator: 1, denominator: 3 });
    expect(r.value).toBeCloseTo(33.333, 2);
    // An unfinished request whose finish deadline passed in the month is late in that month.
    const overdue = req({ createdAt: at('2026-11-09 09:00'), dueFinish: at('2026-11-09 17:00') });
    expect(fig(monthIndicators(input({ requests: [overdue], now }), '2026-11'), 'onTimeFinish')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('a household count that changes mid-month: complaints per 100 households use the count at the month end', () => {
    // 100 households all year, 100 more registered on 15 November.
    const hh = [...households(100, at('2026-01-05 09:00')), ...households(100, at('2026-11-15 10:00'), '2')];
    const complaints = [
      req({ kind: 'complaint', createdAt: at('2026-10-20 09:00') }),
      req({ kind: 'complaint', createdAt: at('2026-11-02 09:00') }),
      req({ kind: 'complaint', createdAt: at('2026-11-20 09:00') }),
      req({ kind: 'dispute', createdAt: at('2026-11-29 09:00'), reopenCount: 2 }),
      req({ kind: 'repair', createdAt: at('2026-11-29 09:00') }),
    ];
    expect(householdsAt(hh, monthBounds('2026-10', 480).end)).toBe(100);
    const oct = monthIndicators(input({ requests: complaints, households: hh }), '2026-10');
    const nov = monthIndicators(input({ requests: complaints, households: hh }), '2026-11');
    expect(fig(oct, 'complaintsPer100')).toMatchObject({ numerator: 1, denominator: 100, value: 1, status: 'green' });
    expect(fig(nov, 'complaintsPer100')).toMatchObject({ numerator: 3, denominator: 200, value: 1.5, status: 'amber' });
    expect(fig(nov, 'escalated')).toMatchObject({ numerator: 1, denominator: 3, value: 1, target: 0, status: 'red' });
  });

  it('5- and 7-level surveys with different cut-offs, and satisfaction together with follow-ups', () => {
    // Survey A: 5 levels, satisfied from 4: answers 4, 3, 5 → 2 of 3. Survey B: 7 levels, satisfied from 6: answers 5, 6, 4, 7 → 2 of 4.
    const responses = [resp('A', [4, 3, 5], '2026-11-05 10:00'), resp('B', [5, 6, 4, 7], '2026-11-06 10:00', '2-1-101')];
    const r = req({ createdAt: at('2026-11-01 09:00') });
    const followups = [fu(r.id, 5, '2026-11-03 10:00'), fu(r.id, 4, '2026-11-04 10:00'), fu(r.id, 2, '2026-11-04 11:00')];
    const list = monthIndicators(input({ requests: [r], responses, followups, satisfiedFrom: { A: 4, B: 6 } }), '2026-11');
    expect(fig(list, 'satisfactionSurveys')).toMatchObject({ numerator: 4, denominator: 7 });
    expect(fig(list, 'satisfactionSurveys').value).toBeCloseTo(57.143, 2);
    expect(fig(list, 'satisfactionFollowUps')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(fig(list, 'satisfaction')).toMatchObject({ numerator: 6, denominator: 10, value: 60, status: 'red' });
    // The same answers with B's cut-off at 5: 3 of 4 satisfied in B → 5 of 7.
    const lower = monthIndicators(input({ responses, satisfiedFrom: { A: 4, B: 5 } }), '2026-11');
    expect(fig(lower, 'satisfactionSurveys')).toMatchObject({ numerator: 5, denominator: 7 });
    // An answer keyed in December is December's.
    expect(fig(monthIndicators(input({ responses, satisfiedFrom: { A: 4, B: 6 } }), '2026-12'), 'satisfactionSurveys').denominator).toBe(0);
  });

  it('response and finish times per category: median and p90 in working hours against the category limit', () => {
    const hours = [1, 2, 3, 4];
    const rows = hours.map((h) => req({ category: 'lift', createdAt: at('2026-11-03 09:00'), respondedAt: at(`2026-11-03 ${String(9 + h).padStart(2, '0')}:00`) }));
    const [s] = timeStats(input({ requests: rows }), '2026-11');
    expect(s).toMatchObject({ category: 'lift', measure: 'respond', n: 4, median: 2, p90: 4, limit: 1, status: 'red' });
    expect(s.refs.filter((r) => !r.hit)).toHaveLength(3);
  });
});

describe('targets and status', () => {
  it('red / amber / green by direction, with the office targets', () => {
    const t = defaultTargets();
    expect(statusOf(90, t.satisfaction, 'higher')).toBe('green');
    expect(statusOf(86, t.satisfaction, 'higher')).toBe('amber');
    expect(statusOf(84.9, t.satisfaction, 'higher')).toBe('red');
    expect(statusOf(2, t.rework, 'lower')).toBe('green');
    expect(statusOf(2.5, t.rework, 'lower')).toBe('amber');
    expect(statusOf(3.5, t.rework, 'lower')).toBe('red');
    expect(statusOf(null, t.rework, 'lower')).toBe('none');
    const edited = targetsFrom({ targets: { satisfaction: { target: 95 }, rework: { target: 'x' } } });
    expect(edited.satisfaction).toEqual({ target: 95, amber: 5 });
    expect(edited.rework.target).toBe(2);
    expect(fig(monthIndicators(input({ targets: edited, followups: [fu('x', 4, '2026-11-02 10:00')] }), '2026-11'), 'satisfaction')).toMatchObject({ value: 100, target: 95 });
  });
});

describe('segments, breakdowns and worst categories', () => {
  it('age from the ID number, else the birthday', () => {
    expect(birthYearOf('110101195003074514')).toBe(1950);
    expect(birthYearOf('', 1990)).toBe(1990);
    expect(birthYearOf('bad')).toBe(0);
    expect(ageGroup(1950, 2026)).toBe('60-79');
    expect(ageGroup(1940, 2026)).toBe('80plus');
    expect(ageGroup(0, 2026)).toBe('unknown');
  });

  it('groups by category and by customer tag; the worst category is the one with most failing records', () => {
    const lift = [1, 2, 3].map(() => req({ category: 'lift', customerId: 'old', createdAt: at('2026-11-03 09:00'), firstDoneAt: at('2026-11-03 12:00'), reopenCount: 1 }));
    const water = req({ category: 'water-electric', customerId: 'young', createdAt: at('2026-11-03 09:00'), firstDoneAt: at('2026-11-03 12:00'), doneAt: at('2026-11-03 12:00'), dueFinish: at('2026-11-03 17:00') });
    const data = input({ requests: [...lift, water], followups: [fu(water.id, 2, '2026-11-04 09:00')] });
    const byCategory = breakdown(data, '2026-11', 'category', new Map());
    expect(byCategory.map((g) => [g.key, g.requests])).toEqual([['lift', 3], ['water-electric', 1]]);
    expect(fig(byCategory[0].indicators, 'rework').value).toBe(100);
    expect(fig(byCategory[1].indicators, 'satisfactionFollowUps').value).toBe(0);
    const customers = new Map([
      ['old', { id: 'old', kind: 'owner', tags: ['独居', '老人'], birthYear: 1940 }],
      ['young', { id: 'young', kind: 'tenant', tags: [], birthYear: 1995 }],
    ]);
    const byTag = breakdown(data, '2026-11', 'tag', customers);
    expect(byTag.map((g) => [g.key, g.requests]).sort()).toEqual([['', 1], ['独居', 3], ['老人', 3]]);
    expect(breakdown(data, '2026-11', 'age', customers).map((g) => g.key)).toEqual(['80plus', '18-39']);
    const worst = worstCategories(data, '2026-11');
    expect(worst[0]).toEqual({ category: 'lift', requests: 3, problemIds: lift.map((r) => r.id) });
    expect(worst[1]).toEqual({ category: 'water-electric', requests: 1, problemIds: [water.id] });
  });
});

describe('month slices', () => {
  it('give every month of the trend the same figures as all the rows do', async () => {
    const { dashboardModel } = await import('./dashboard');
    const requests: IndicatorRequest[] = [];
    const followups: IndicatorFollowUp[] = [];
    let x = 7;
    const rand = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 600; i++) {
      const t0 = Date.parse('2025-10-01T00:00:00Z') + rand() * 430 * 86_400_000;
      const h = (n: number) => new Date(t0 + n * 3600_000).toISOString();
      const r = req({
        kind: (['repair', 'complaint', 'dispute', 'inquiry'] as const)[i % 4], category: ['lift', 'noise', 'water-electric'][i % 3],
        createdAt: h(0), dueRespond: h(1), respondedAt: rand() < 0.9 ? h(rand() * 2) : '', dueFinish: h(8 + rand() * 200),
        doneAt: rand() < 0.8 ? h(rand() * 400) : '', firstDoneAt: h(rand() * 300), closedAt: rand() < 0.6 ? h(300 + rand() * 500) : '', reopenCount: rand() < 0.1 ? 1 + Math.round(rand()) : 0,
      });
      requests.push(r);
      if (rand() < 0.5) followups.push({ id: `f${i}`, requestId: r.id, satisfaction: 1 + Math.floor(rand() * 5), at: h(500 + rand() * 400) });
    }
    const data = input({ requests, followups, now: '2026-12-20T00:00:00.000Z' });
    const model = dashboardModel(data, '2026-11');
    for (const point of model.trend) {
      const all = monthIndicators(data, point.month);
      expect(point.indicators.map((i) => [i.id, i.numerator, i.denominator]), point.month).toEqual(all.map((i) => [i.id, i.numerator, i.denominator]));
    }
    expect(model.indicators.find((i) => i.id === 'onTimeFinish')!.denominator).toBeGreaterThan(10);
    expect(model.times).toEqual(timeStats(data, '2026-11'));
    const full = worstCategories(data, '2026-11');
    expect(model.worst.map((w) => [w.category, w.requests, [...w.problemIds].sort()])).toEqual(full.map((w) => [w.category, w.requests, [...w.problemIds].sort()]));
  });
});
