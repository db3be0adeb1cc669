import { describe, expect, it } from 'vitest';
import { ageBandOf, checkFilter, EMPTY_FILTER, filterRows, type ResidentRow } from './filter';
import { specialNeedsOf } from './needs';

const row = (id: string, over: Partial<ResidentRow> = {}): ResidentRow => ({ id, kind: 'owner', grade: 'normal', tags: [], unitCode: '3-1-101', birthYear: 0, unitFrom: '', unitTo: '', ...over });

describe('lists of the people who live here: the filter', () => {
  it('reads special needs from either script and from 独居 + 老人 written apart', () => {
    expect(specialNeedsOf(['独居老人'])).toEqual(['elderlyAlone']);
    expect(specialNeedsOf(['獨居老人', '行動不便'])).toEqual(['mobility', 'elderlyAlone']);
    expect(specialNeedsOf(['独居', '老人'])).toEqual(['elderlyAlone']);
    expect(specialNeedsOf(['独居'])).toEqual([]);
  });

  it('age bands by the year of birth; unknown when none', () => {
    expect([ageBandOf(2010, 2026), ageBandOf(1980, 2026), ageBandOf(1960, 2026), ageBandOf(1940, 2026), ageBandOf(0, 2026)]).toEqual(['under18', 'adult', 'senior', 'elderly', 'unknown']);
  });

  it('alternatives within a field, all fields together; relation dates by range', () => {
    const rows = [
      row('a', { kind: 'tenant', unitTo: '2027-01-31' }),
      row('b', { kind: 'tenant', unitCode: '2-1-101', unitTo: '2027-01-15' }),
      row('c', { birthYear: 1940, tags: ['独居老人'] }),
      row('d', { kind: 'tenant', unitTo: '2027-06-30' }),
    ];
    const f = (over: Partial<typeof EMPTY_FILTER>) => filterRows(rows, { ...EMPTY_FILTER, ...over }, 2026).map((r) => r.id);
    expect(f({})).toEqual(['a', 'b', 'c', 'd']);
    expect(f({ buildings: ['2', '3'] })).toEqual(['a', 'b', 'c', 'd']);
    expect(f({ kinds: ['tenant'], buildings: ['3'] })).toEqual(['a', 'd']);
    expect(f({ kinds: ['tenant'], toAfter: '2027-01-01', toBefore: '2027-01-31' })).toEqual(['a', 'b']);
    expect(f({ kinds: ['tenant'], buildings: ['3'], toAfter: '2027-01-01', toBefore: '2027-01-31' })).toEqual(['a']);
    expect(f({ needs: ['elderlyAlone'], ageBands: ['elderly'] })).toEqual(['c']);
  });

  it('refuses dates that are not days and ranges the wrong way round', () => {
    expect(checkFilter({ ...EMPTY_FILTER, fromAfter: '2026-13-01' })).toMatchObject({ ok: false, problems: [{ code: 'residents.error.badDate', field: 'fromAfter' }] });
    expect(checkFilter({ ...EMPTY_FILTER, toAfter: '2027-02-01', toBefore: '2027-01-01' })).toMatchObject({ ok: false, problems: [{ code: 'residents.error.rangeReversed' }] });
  });
});
