import { describe, expect, it } from 'vitest';
import { rebaseSplice, spliceBetween } from './text-diff';

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

describe('rebaseSplice', () => {
  const apply = (text: string, s: ReturnType<typeof rebaseSplice>) => (s ? text.slice(0, s.index) + s.insert + text.slice(s.index + s.remove) : text);
  it('is the plain splice when nobody else changed the text', () => {
    expect(apply('需上门。', rebaseSplice('需上门。', '需上门。老人', '需上门。'))).toBe('需上门。老人');
  });
  it('moves my typing past what a colleague inserted before it, and keeps theirs', () => {
    // I typed 独 at the end of what I saw; meanwhile a colleague wrote B： at the start.
    expect(apply('B：需上门。', rebaseSplice('需上门。', '需上门。独', 'B：需上门。'))).toBe('B：需上门。独');
  });
  it('leaves my typing where it was when the colleague wrote after it', () => {
    expect(apply('需上门。A补充', rebaseSplice('需上门。', '需上门。', '需上门。A补充'))).toBe('需上门。A补充');
    expect(apply('需上门。A补充', rebaseSplice('需上门。', '急需上门。', '需上门。A补充'))).toBe('急需上门。A补充');
  });
  it('never deletes words a colleague wrote that I had not seen', () => {
    // I selected 上门 and deleted it; meanwhile a colleague corrected 门 to 楼 in it.
    expect(apply('需上楼。', rebaseSplice('需上门。', '需。', '需上楼。'))).toBe('需上楼。');
    // I deleted 上门; a colleague added 维修 right after it: my deletion and their words both stand.
    expect(apply('需上门维修。', rebaseSplice('需上门。', '需。', '需上门维修。'))).toBe('需维修。');
    // Both typing at the same place: both words stay.
    expect(apply('需上门。甲', rebaseSplice('需上门。', '需上门。乙', '需上门。甲'))).toBe('需上门。甲乙');
  });
});
