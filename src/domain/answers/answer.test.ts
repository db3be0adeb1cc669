import { describe, expect, it } from 'vitest';
import { applyToPlain } from '../plain.fixture';
import { answerFromRecord, answerTerms, needsReview, projectAnswer, saveAnswer, useAnswer } from './answer';

const ctx = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T08:00:00.000Z' };
const fakePinyin = (s: string) => (s === '漏水报修' ? ['lou', 'shui', 'bao', 'xiu'] : null);

describe('standard answers', () => {
  it('are found by fragment, pinyin, initials and the office synonyms', () => {
    const terms = answerTerms({ title: '漏水报修', category: '维修', synonyms: ['渗水', '滴水'] }, fakePinyin);
    for (const q of ['漏水', '报修', 'loushui', 'shuibaoxiu', 'lsbx', '渗水', '维修']) expect(terms.some((t) => t.startsWith(q)), q).toBe(true);
  });

  it('bump their version when the wording changes, count uses from the history, and flag a past review date', () => {
    const made = saveAnswer(null, { category: '收费', title: '物业费缴纳', wording: '可在前台或微信缴纳', effective: '2026-01-01', review: '2026-11-01', keeperId: 's1', keeperName: '王丽', synonyms: [] }, ctx, 'a1');
    const records = applyToPlain(new Map(), made);
    applyToPlain(records, useAnswer({ id: 'a1', version: 1 }, 'ZX-1', ctx));
    const a = answerFromRecord('a1', records.get('answers/a1')!);
    expect(projectAnswer(a).uses).toBe(1);
    const next = saveAnswer(a, { ...a, wording: '可在前台、微信或银行代扣缴纳' }, ctx);
    expect(next.ok && next.value.command?.ops[0]).toMatchObject({ fields: { version: 2 } });
    expect(needsReview(a, '2026-11-23')).toBe(true);
    expect(needsReview({ review: '2027-01-01' }, '2026-11-23')).toBe(false);
    const bad = saveAnswer(null, { ...a, review: '2025-01-01' }, ctx);
    expect(bad.ok ? '' : bad.problems[0].code).toBe('answer.error.reviewBeforeEffective');
  });
});
