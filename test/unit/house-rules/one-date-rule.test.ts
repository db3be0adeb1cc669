import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDay, isMonthDay } from '../../../src/domain/days';
import { sourceFiles } from '../../helpers/source-graph';

// A date typed as YYYY-MM-DD is checked by one function, `isDay` (domain/days.ts). Four of the
// copies it replaced tested the shape only and let 2026-02-30 through.
const SHAPE = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const copiesOfTheRule = (text: string) => text.split('\n').flatMap((line, i) => (SHAPE.test(line) ? [i + 1] : []));

describe('one date rule', () => {
  it('no source file but domain/days.ts tests the YYYY-MM-DD shape itself', () => {
    const found = sourceFiles(path.resolve('src'))
      .filter((f) => !f.endsWith(path.join('domain', 'days.ts')) && !f.endsWith('.test.ts'))
      .flatMap((f) => copiesOfTheRule(fs.readFileSync(f, 'utf8')).map((line) => `${path.relative('.', f)}:${line}`));
    expect(found).toEqual([]);
  });

  it('finds a planted copy', () => {
    expect(copiesOfTheRule("const ok = /^\\d{4}-\\d{2}-\\d{2}$/.test(start);")).toEqual([1]);
  });

  it('takes real days only, and never throws', () => {
    expect(['2024-02-29', '2026-12-31'].map(isDay)).toEqual([true, true]);
    expect(['2026-02-30', '2026-13-01', '9999-99-99', '2026-1-1', ''].map(isDay)).toEqual([false, false, false, false, false]);
  });
});

describe('one month-day rule', () => {
  it('knows which month and day some year has', () => {
    expect([[2, 29], [4, 30], [12, 31]].map(([m, d]) => isMonthDay(m, d))).toEqual([true, true, true]);
    expect([[2, 30], [4, 31], [13, 1], [0, 1], [1.5, 1]].map(([m, d]) => isMonthDay(m, d))).toEqual([false, false, false, false, false]);
  });
});
