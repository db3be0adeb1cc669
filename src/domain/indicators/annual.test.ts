import { describe, expect, it } from 'vitest';
import { annualContent, freezeAnnual, ownersVersion, type MonthFigure } from './annual';
import { defaultTargets, INDICATOR_IDS, type IndicatorId } from './targets';

/** Twelve months of figures, as the dashboard computes them per month (numerator / denominator / value). */
function month(i: number, scale = 1): MonthFigure[] {
  const f = (id: IndicatorId, n: number, d: number, value: number | null): MonthFigure => ({ id, numerator: n, denominator: d, value });
  const pct = (id: IndicatorId, n: number, d: number) => f(id, n, d, d ? (n / d) * 100 : null);
  return [
    pct('satisfaction', (8 + (i % 3)) * scale, 10 * scale),
    pct('satisfactionFollowUps', 7 + (i % 2), 9),
    pct('satisfactionSurveys', 0, 0),
    pct('complaintFollowUp', i % 4, i % 4),
    pct('rework', i === 5 ? 2 : 0, 20 + i),
    pct('onTimeRespond', 18 + (i % 2), 20 + i),
    pct('onTimeFinish', 17, 20 + i),
    f('complaintsPer100', i % 3, 200 + (i === 11 ? 10 : 0), ((i % 3) / 200) * 100),
    f('escalated', i === 7 ? 1 : 0, i % 3, i === 7 ? 1 : 0),
  ];
}

describe('the annual report', () => {
  const months = Array.from({ length: 12 }, (_, i) => month(i));
  const before = Array.from({ length: 12 }, (_, i) => month(i, 2));
  const c = annualContent('2026', months, before, defaultTargets(), { raised: 5, closed: 3 });
  const fig = (id: IndicatorId) => c.figures.find((x) => x.id === id)!;
  const sum = (id: IndicatorId, k: 'numerator' | 'denominator') => months.reduce((s, m) => s + m.find((x) => x.id === id)![k], 0);

  it('is the months summed: numerators and denominators added, then the rate taken', () => {
    expect(c.figures.map((f) => f.id)).toEqual(INDICATOR_IDS);
    for (const id of ['satisfaction', 'satisfactionFollowUps', 'complaintFollowUp', 'rework', 'onTimeRespond', 'onTimeFinish'] as IndicatorId[]) {
      expect(fig(id).numerator, id).toBe(sum(id, 'numerator'));
      expect(fig(id).denominator, id).toBe(sum(id, 'denominator'));
      expect(fig(id).value, id).toBeCloseTo((sum(id, 'numerator') / sum(id, 'denominator')) * 100, 9);
    }
    // By hand: satisfaction 8,9,10 repeating → 108 of 120; rework 2 of 306.
    expect(fig('satisfaction')).toMatchObject({ numerator: 108, denominator: 120, value: 90, status: 'green' });
    expect(fig('rework').numerator).toBe(2);
    expect(fig('rework').denominator).toBe(12 * 20 + 66);
    // Nothing to count all year: no value, no status.
    expect(fig('satisfactionSurveys')).toMatchObject({ value: null, status: 'none' });
    // Complaints per 100 households: the year's complaints over the households at the year's end.
    expect(fig('complaintsPer100')).toMatchObject({ numerator: 12, denominator: 210 });
    expect(fig('complaintsPer100').value).toBeCloseTo((12 / 210) * 100, 9);
    expect(fig('escalated')).toMatchObject({ numerator: 1, value: 1, status: 'red' });
    // Month by month, as computed; the year before beside it.
    expect(fig('satisfaction').months).toEqual(months.map((m) => m[0].value));
    expect(fig('satisfaction').lastYear).toMatchObject({ numerator: 216, denominator: 240, value: 90 });
  });

  it('gives owners the published figures only: no record, number, unit or name can be in it', () => {
    const owners = ownersVersion(c);
    const strings: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string') strings.push(`${key}=${v}`);
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
    };
    walk(owners);
    expect(strings.sort()).toEqual([...INDICATOR_IDS.map((id) => `id=${id}`), 'period=2026'].sort());
    expect(owners.figures.find((f) => f.id === 'satisfaction')).toEqual({ id: 'satisfaction', value: 90, target: 90, lastYear: 90, met: true });
    expect(owners.actions).toEqual({ raised: 5, closed: 3 });
  });

  it('freezes as printed into January of its year, labelled per device', () => {
    const made = freezeAnnual(c, 1, { actor: { staffId: 'm1', name: '王经理', deviceCode: 'A' }, now: '2027-01-05T02:00:00.000Z' }, 'ar1');
    expect(made.label).toBe('AR-2026-A-2');
    expect(made.command.shard).toBe('ledger-2026-01');
    expect(made.command.ops[0]).toMatchObject({ kind: 'create', collection: 'reports', id: 'ar1', fields: { period: '2026', kind: 'annual', label: 'AR-2026-A-2' } });
  });
});
