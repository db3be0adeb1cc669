import { describe, expect, it } from 'vitest';
import { layoutFields } from './form-layout';

describe('form layout', () => {
  const f = (label: string, wide = false) => ({ label, wide });
  const labels = (rows: ReturnType<typeof layoutFields>) => rows.map((r) => r.map((x) => x.label).join('+'));

  it('pairs half fields and gives wide ones a row', () => {
    expect(labels(layoutFields([f('a'), f('b'), f('c'), f('d')]))).toEqual(['a+b', 'c+d']);
    expect(labels(layoutFields([f('a'), f('w', true), f('b'), f('c')]))).toEqual(['a', 'w', 'b+c']);
    expect(labels(layoutFields([f('a'), f('b'), f('c')]))).toEqual(['a+b', 'c']);
    expect(layoutFields([])).toEqual([]);
  });
});
