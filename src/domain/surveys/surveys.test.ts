import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { plainAfter } from '../plain.fixture';
import { linkRequest, nonRespondents, projectResponse, recordResponse, responseId, responseRates, isUnsatisfiedWithComment } from './response';
import { requestFromAnswer } from './to-request';
import { defaultServiceSettings } from '../requests/settings';
import { takeRequest } from '../requests/lifecycle';
import { requestFromRecord } from '../requests/record';
import { createSurvey, DEFAULT_LABELS, surveyFromRecord, targetUnits, type SurveyInput } from './survey';

const ctx: CommandContext = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-05T02:00:00.000Z' };
const base: SurveyInput = {
  title: '第四季度满意度调查', intro: '', levels: 7, satisfiedFrom: 5,
  questions: [
    { type: 'scale', text: '总体', options: DEFAULT_LABELS[7] },
    { type: 'single', text: '最常联系方式', options: ['电话', '前台'] },
    { type: 'text', text: '意见', options: [] },
  ],
  target: { kind: 'all' }, firstWave: { label: '第一轮', start: '2026-11-01' },
};

function survey(input = base) {
  return surveyFromRecord('sv1', plainAfter(createSurvey(input, ctx, 'sv1'), 'surveys', 'sv1'));
}

describe('surveys', () => {
  it('checks the questionnaire: title, cut-off within the scale, one label per level', () => {
    const bad = createSurvey({ ...base, title: ' ', satisfiedFrom: 8, questions: [{ type: 'scale', text: 'x', options: DEFAULT_LABELS[5] }] }, ctx);
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(['survey.error.titleRequired', 'survey.error.satisfiedFrom', 'survey.error.scaleLabels']);
    expect(survey().questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(createSurvey({ ...base, firstWave: { label: '第一轮', start: '2026-02-30' } }, ctx)).toMatchObject({ ok: false, problems: [{ code: 'survey.error.waveStart' }] });
  });

  it('one record per household per wave, in the ledger of the wave\'s year; answers one field per question', () => {
    const s = survey();
    const made = recordResponse(s, 1, '3-2-1101', 'paper', { q1: 3, q3: '电梯太慢' }, ctx, false);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.value.id).toBe(responseId('sv1', 1, '3-2-1101'));
    expect(made.value.command.shard).toBe('ledger-2026-01');
    // Made where there was none (the household's first answer), saying who and when.
    const stored = plainAfter(made, 'responses', made.value.id);
    expect(stored).toMatchObject({ surveyId: 'sv1', wave: 1, unitCode: '3-2-1101', channel: 'paper', at: ctx.now, by: 's1' });
    expect(stored.history).toEqual([expect.objectContaining({ action: 'history.created', by: 's1', at: ctx.now })]);
    const row = projectResponse(made.value.id, stored);
    expect(row).toMatchObject({ building: '3', levels: { q1: 3 }, lowest: 3, comment: '电梯太慢' });
    expect(isUnsatisfiedWithComment(s, row)).toBe(true);
    // The same household again: the one record, its answers replaced field by field, one more history line.
    const again = recordResponse(s, 1, '3-2-1101', 'phone', { q1: 6 }, ctx, true);
    const after = plainAfter(again, 'responses', made.value.id, stored);
    expect(projectResponse(made.value.id, after)).toMatchObject({ channel: 'phone', levels: { q1: 6 }, lowest: 6, comment: '电梯太慢' });
    expect((after.history as { action: string }[]).map((h) => h.action)).toEqual(['history.created', 'history.updated']);
    expect(recordResponse(s, 1, '3-2-1101', 'paper', { q1: 8 }, ctx, false)).toMatchObject({ ok: false, problems: [{ code: 'survey.error.level', params: { n: 1, levels: 7 } }] });
    expect(recordResponse(s, 2, '3-2-1101', 'paper', { q1: 3 }, ctx, false)).toMatchObject({ ok: false });
    expect(recordResponse(s, 1, '3-2-1101', 'paper', {}, ctx, false)).toMatchObject({ ok: false, problems: [{ code: 'survey.error.empty' }] });
  });

  it('targets households and reports the response rate per building and who did not answer', () => {
    const units = [
      { code: '1-1-101', building: '1', use: 'residential' }, { code: '1-1-102', building: '1', use: 'residential' },
      { code: '2-1-101', building: '2', use: 'residential' }, { code: 'P-001', building: '', use: 'parking' },
    ];
    const customers = [{ kind: 'tenant', tags: ['老人'], unitCodes: ['1-1-102'] }, { kind: 'owner', tags: [], unitCodes: ['2-1-101'] }];
    expect(targetUnits({ kind: 'all' }, units, customers)).toEqual(['1-1-101', '1-1-102', '2-1-101']);
    expect(targetUnits({ kind: 'building', buildings: ['2'] }, units, customers)).toEqual(['2-1-101']);
    expect(targetUnits({ kind: 'type', customerKinds: ['tenant'] }, units, customers)).toEqual(['1-1-102']);
    expect(targetUnits({ kind: 'tag', tags: ['老人'] }, units, customers)).toEqual(['1-1-102']);
    // A saved list: the households of its resolved members only (none when it resolved to nobody).
    expect(targetUnits({ kind: 'list', listId: 'l1', listName: '名单' }, units, customers, [customers[1]])).toEqual(['2-1-101']);
    expect(targetUnits({ kind: 'list', listId: 'l1', listName: '名单' }, units, customers)).toEqual([]);
    const targeted = targetUnits({ kind: 'all' }, units, customers);
    const rows = [projectResponse('x', { surveyId: 'sv1', wave: 1, unitCode: '1-1-101', 'a.q1': 5, 't.q1': 'scale' })];
    expect(responseRates(targeted, rows)).toEqual([
      { building: '1', targeted: 2, answered: 1, rate: 50 },
      { building: '2', targeted: 1, answered: 0, rate: 0 },
    ]);
    expect(nonRespondents(targeted, rows)).toEqual(['1-1-102', '2-1-101']);
  });
});

describe('an unhappy answer becomes a request', () => {
  const s = () => survey({ ...base, questions: [{ type: 'scale', text: '电梯运行', options: DEFAULT_LABELS[7] }, { type: 'scale', text: '总体', options: DEFAULT_LABELS[7] }, { type: 'text', text: '意见', options: [] }] });
  const rowOf = (answers: Record<string, number | string>) => {
    const sv = s();
    const made = recordResponse(sv, 1, '3-2-1101', 'paper', Object.fromEntries(sv.questions.map((q, i) => [q.id, answers[i]]).filter(([, a]) => a !== undefined)), ctx, false);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    const stored = plainAfter(made, 'responses', made.value.id);
    return { stored, row: projectResponse(made.value.id, stored) };
  };
  it('a low mark about the lifts is a complaint (其他 while 电梯 takes repairs only), by the survey channel, naming its answer', () => {
    const sv = s();
    const { stored, row } = rowOf({ 0: 2, 1: 5, 2: '电梯经常停运，等很久' });
    const input = requestFromAnswer(sv, sv.waves[0], row, defaultServiceSettings(), { id: 'c1', name: '张伟' });
    expect(input).toMatchObject({ kind: 'complaint', category: 'other', channel: 'survey', customerId: 'c1', unitCode: '3-2-1101', source: { surveyId: 'sv1', wave: 1, responseId: row.id } });
    const taken = takeRequest(input, 'TS-1', defaultServiceSettings(), ctx, 'r1');
    const request = plainAfter(taken, 'requests', 'r1');
    expect(requestFromRecord('r1', request)).toMatchObject({ kind: 'complaint', category: 'other', channel: 'survey' });
    expect(request).toMatchObject({ sourceSurveyId: 'sv1', sourceWave: 1, sourceResponseId: row.id });
    // The answer then names its request, and its history says which one was made.
    const linked = plainAfter(linkRequest(row, sv.waves[0], 'r1', 'TS-1', ctx), 'responses', row.id, stored);
    expect(projectResponse(row.id, linked).requestId).toBe('r1');
    expect((linked.history as { action: string }[]).at(-1)).toMatchObject({ action: 'survey.requestMade', by: 's1', data: { requestId: 'r1', number: 'TS-1' } });
  });
  it('a comment on a question about nothing the office names goes to 其他 as a complaint', () => {
    const sv = s();
    const input = requestFromAnswer(sv, sv.waves[0], rowOf({ 1: 1, 2: '总之不好' }).row, defaultServiceSettings(), null);
    expect(input).toMatchObject({ kind: 'complaint', category: 'other' });
    // Words of a category that takes complaints find it: 物业费 → 收费, 保安 → 安全与停车.
    expect(requestFromAnswer(sv, sv.waves[0], rowOf({ 1: 2, 2: '物业费涨得太多' }).row, defaultServiceSettings(), null)).toMatchObject({ kind: 'complaint', category: 'fees' });
    expect(requestFromAnswer(sv, sv.waves[0], rowOf({ 1: 2, 2: '保安晚上不巡逻' }).row, defaultServiceSettings(), null)).toMatchObject({ kind: 'complaint', category: 'security-parking' });
  });
});
