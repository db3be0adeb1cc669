import { describe, expect, it } from 'vitest';
import { canonicalUnitCode } from './unit-code';

describe('canonicalUnitCode', () => {
  it.each([
    ['3-2-1101', '3-2-1101'],
    ['3栋2单元1101', '3-2-1101'],
    ['3栋2单元1101室', '3-2-1101'],
    ['3幢2单元1101', '3-2-1101'],
    ['3#2-1101', '3-2-1101'],
    ['３－２－１１０１', '3-2-1101'],
    [' 3 栋 2 单元 1101 ', '3-2-1101'],
    ['5-0302', '5-0302'],
    ['5栋0302', '5-0302'],
    ['1101', '1101'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalUnitCode(raw)).toBe(expected);
  });

  it.each(['', '张伟', '3栋', 'abc-def'])('rejects %j', (raw) => {
    expect(canonicalUnitCode(raw)).toBeNull();
  });
});
