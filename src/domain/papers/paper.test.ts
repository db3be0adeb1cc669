import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { applyToPlain, type PlainRecords } from '../plain.fixture';
import { markArchived, markPrinted, markReceived, paperFromRecord, paperState, projectPaper } from './paper';

const ctx: CommandContext = { actor: { staffId: 's1', name: '陈晨', deviceCode: 'A' }, now: '2026-12-01T02:00:00.000Z' };

describe('paper that comes back', () => {
  it('goes 未打印 → 已打印 → 已签回 → 已归档, refusing steps out of order', () => {
    expect(paperState(null)).toBe('none');
    expect(markReceived(null, '', ctx)).toMatchObject({ ok: false, problems: [{ code: 'paper.error.notPrinted' }] });
    const printed = markPrinted(null, { form: 'sign-in', ref: 'events/e1', title: '签到表 · 座谈会' }, ctx);
    expect(printed.shard).toBe('ledger-2026-01');
    const id = 'sign-in~events/e1';
    const papers: PlainRecords = applyToPlain(new Map(), printed);
    const rec = papers.get(`papers/${id}`)!;
    expect(printed.ops[0]).toMatchObject({ id, upsert: true });
    expect(projectPaper(id, rec)).toMatchObject({ state: 'printed', form: 'sign-in', ref: 'events/e1' });
    expect(markArchived(paperFromRecord(id, rec), 'A-01', ctx)).toMatchObject({ ok: false, problems: [{ code: 'paper.error.notReceived' }] });
    const received = markReceived(paperFromRecord(id, rec), '', ctx);
    applyToPlain(papers, received);
    expect(projectPaper(id, rec).state).toBe('received');
    expect(markReceived(paperFromRecord(id, rec), '', ctx)).toMatchObject({ ok: false, problems: [{ code: 'paper.error.alreadyReceived' }] });
    expect(markArchived(paperFromRecord(id, rec), '  ', ctx)).toMatchObject({ ok: false, problems: [{ code: 'paper.error.boxRequired' }] });
    const archived = markArchived(paperFromRecord(id, rec), '2026-档-03', ctx);
    applyToPlain(papers, archived);
    expect(projectPaper(id, rec)).toMatchObject({ state: 'archived', box: '2026-档-03' });
    // A reprint counts and keeps the paper's year.
    const again = markPrinted(paperFromRecord(id, rec), { form: 'sign-in', ref: 'events/e1', title: '签到表' }, { ...ctx, now: '2027-01-02T00:00:00.000Z' });
    expect(again.shard).toBe('ledger-2026-01');
    expect(again.ops[0]).toMatchObject({ fields: { printCount: 2 } });
  });

  it('files a paper at once when it comes back with a box number', () => {
    const papers = applyToPlain(new Map(), markPrinted(null, { form: 'request', ref: 'requests/r1', title: 'TS-2612-A-001' }, ctx));
    const rec = papers.get('papers/request~requests/r1')!;
    applyToPlain(papers, markReceived(paperFromRecord('request~requests/r1', rec), ' B-7 ', ctx));
    expect(projectPaper('x', rec)).toMatchObject({ state: 'archived', box: 'B-7' });
  });
});
