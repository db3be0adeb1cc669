import { describe, expect, it } from 'vitest';
import { plainAfter } from '../plain.fixture';
import type { CommandContext } from '../actor';
import { lunarDateText, mergeTemplate, mergeValues, salutationOf } from './merge';
import { checkTemplate, fieldsIn, saveTemplate, templateFromRecord } from './template';

const ctx: CommandContext = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T08:00:00.000Z' };

describe('templates', () => {
  it('refuses an unknown merge field at save, naming it', () => {
    const r = checkTemplate({ kind: 'letter', name: '生日贺信', body: '尊敬的{{称呼}}：祝{{客户名字}}生日快乐，{{ 管理处 }}' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ code: 'template.error.unknownField', params: expect.objectContaining({ field: '客户名字' }) })]);
    expect(fieldsIn('{{称呼}} {{ 管理处 }} {{称呼}}')).toEqual(['称呼', '管理处']);
  });

  it('saves a new version only when something changed, with the change in the history', () => {
    const made = saveTemplate(null, { kind: 'letter', name: '生日贺信', body: '祝{{称呼}}生日快乐' }, ctx, 't1');
    if (!made.ok || !made.value.command) throw new Error('refused');
    const create = made.value.command.ops[0];
    expect(create).toMatchObject({ kind: 'create', collection: 'templates', fields: { version: 1 } });
    const current = templateFromRecord('t1', plainAfter(made, 'templates', 't1'));
    expect(saveTemplate(current, { kind: 'letter', name: '生日贺信 ', body: '祝{{称呼}}生日快乐' }, ctx)).toEqual({ ok: true, value: { id: 't1', command: null } });
    const next = saveTemplate(current, { kind: 'letter', name: '生日贺信', body: '祝{{称呼}}生日快乐！' }, ctx);
    if (!next.ok || !next.value.command) throw new Error('refused');
    expect(next.value.command.ops[0]).toMatchObject({ kind: 'set', fields: { version: 2, body: '祝{{称呼}}生日快乐！' } });
    expect(next.value.command.ops[1]).toMatchObject({ kind: 'log', entry: { changes: [{ field: 'body' }] } });
  });

  it('merges the customer, office and staff into the body', () => {
    const values = mergeValues({
      customer: { name: '欧阳娜娜', gender: 'female', unitCode: '3-2-1101', dates: [{ kind: 'birthday', calendar: 'lunar', month: 6, day: 8, leap: true }] },
      officeName: '翠湖花园管理处', staffName: '王丽', date: '2026-11-23',
    });
    const text = mergeTemplate('尊敬的{{称呼}}（{{房号}}）：值此{{农历生日}}生日之际，{{管理处}}祝您生日快乐！{{经办人}} {{日期}}', values);
    expect(text).toBe('尊敬的欧阳女士（3-2-1101）：值此农历闰六月初八生日之际，翠湖花园管理处祝您生日快乐！王丽 2026年11月23日');
    expect(salutationOf('张伟', 'male')).toBe('张先生');
    expect(salutationOf('张伟', '')).toBe('张伟');
    expect(lunarDateText(12, 29)).toBe('腊月廿九');
    expect(lunarDateText(1, 30)).toBe('正月三十');
    expect(lunarDateText(11, 15)).toBe('冬月十五');
  });

  it('keeps markup and braces in merged values inert: inserted once, as text', () => {
    const values = mergeValues({ customer: { name: '<img src=x onerror=alert(1)>{{管理处}}', gender: '', unitCode: '1-1-101', dates: [] }, officeName: '翠湖', staffName: '王丽', date: '2026-11-23' });
    expect(mergeTemplate('{{客户姓名}}|{{管理处}}', values)).toBe('<img src=x onerror=alert(1)>{{管理处}}|翠湖');
  });
});
