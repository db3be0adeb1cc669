import { describe, expect, it } from 'vitest';
import { spliceBetween } from './text-diff';

const apply = (s: string, sp: ReturnType<typeof spliceBetween>) => (sp ? s.slice(0, sp.index) + sp.insert + s.slice(sp.index + sp.remove) : s);

describe('spliceBetween', () => {
  it.each([
    ['', 'abc'],
    ['abc', ''],
    ['老人独居', '老人独居，行动不便'],
    ['老人独居', '独居'],
    ['aaaa', 'aaaaa'],
    ['hello world', 'hello brave new world'],
  ])('%j → %j', (from, to) => {
    expect(apply(from, spliceBetween(from, to))).toBe(to);
  });

  it('touches only what changed', () => {
    expect(spliceBetween('老人独居', '老人独居，行动不便')).toEqual({ index: 4, remove: 0, insert: '，行动不便' });
    expect(spliceBetween('same', 'same')).toBeNull();
  });
});
