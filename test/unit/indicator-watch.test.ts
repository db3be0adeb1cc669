import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IndicatorInput } from '../../src/domain/indicators/compute';
import { DEFAULT_LABELS, type SurveyInput } from '../../src/domain/surveys/survey';
import { dropKeptIndicatorRows, watchIndicatorInput, whenKeptRowsStale } from '../../src/store/queries/indicator-watch';
import { createSurvey, readSurvey, saveResponse } from '../../src/store/surveys';
import { openDevice } from '../helpers/devices';

const year = new Date().getUTCFullYear();
const month = new Date().toISOString().slice(0, 7);
const input: SurveyInput = {
  title: '满意度调查', intro: '', levels: 5, satisfiedFrom: 4,
  questions: [{ type: 'scale', text: '总体', options: DEFAULT_LABELS[5] }],
  target: { kind: 'all' }, firstWave: { label: '第一轮', start: `${year}-01-01` },
};

/** Collects what a watch hands over; `next(n)` resolves on the n-th delivery (awaited, not polled). */
function collector() {
  const got: IndicatorInput[] = [];
  const waiting = new Map<number, () => void>();
  return {
    got,
    listener: (rows: IndicatorInput) => {
      got.push(rows);
      waiting.get(got.length)?.();
    },
    async next(n: number) {
      if (got.length < n) await new Promise<void>((resolve) => waiting.set(n, resolve));
      return got[n - 1];
    },
  };
}

describe('统计 rows kept between visits', () => {
  it('come back at once when nothing changed, are read again after a write, and follow writes while watched', async () => {
    dropKeptIndicatorRows();
    const d = openDevice();
    const made = await createSurvey(d.office, input);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    const survey = (await readSurvey(d.office, made.value))!;
    expect((await saveResponse(d.office, survey, 1, '1-1-101', 'paper', { q1: 5 })).ok).toBe(true);

    // First visit: read once the watch has run.
    const first = collector();
    let stop = watchIndicatorInput(d.store.db, month, first.listener);
    expect((await first.next(1)).responses).toHaveLength(1);
    stop();

    // Back again with nothing written: the kept rows, handed over before the call returns.
    const again = collector();
    stop = watchIndicatorInput(d.store.db, month, again.listener);
    expect(again.got).toHaveLength(1);
    expect(again.got[0].responses).toBe(first.got[0].responses);
    expect(again.got[0].now >= first.got[0].now).toBe(true);
    stop();

    // A write while nobody looks: the next visit reads the rows again, and sees it.
    expect((await saveResponse(d.office, survey, 1, '1-1-102', 'phone', { q1: 2 })).ok).toBe(true);
    await whenKeptRowsStale();
    const later = collector();
    stop = watchIndicatorInput(d.store.db, month, later.listener);
    expect(later.got).toHaveLength(0);
    expect((await later.next(1)).responses.map((r) => r.unitCode).sort()).toEqual(['1-1-101', '1-1-102']);

    // While watched, a colleague's answer arrives: delivered again.
    expect((await saveResponse(d.office, survey, 1, '1-1-103', 'door', { q1: 4 })).ok).toBe(true);
    expect((await later.next(2)).responses).toHaveLength(3);
    stop();

    // Another month is read on its own.
    const other = collector();
    stop = watchIndicatorInput(d.store.db, `${year - 1}-06`, other.listener);
    expect(other.got).toHaveLength(0);
    await other.next(1);
    stop();
    dropKeptIndicatorRows();
  });
});
