import { describe, expect, it } from 'vitest';
import { DEFAULT_CARE } from './care-settings';
import { careTasks, finishTask, isSuperseded, planTasks, templateOfTask, upsertTasks } from './task';
import { starterTemplates } from '../templates/starters';
import type { PlanRow } from '../plans/plan';
import { applyToPlain, plainAfter, plainRows, type PlainRecords } from '../plain.fixture';
import { templateFromRecord } from '../templates/template';

const ctx = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T08:00:00.000Z' };
const ctxB = { actor: { staffId: 's2', name: '李娜', deviceCode: 'B' }, now: '2026-11-23T09:30:00.000Z' };
const customer = (id: string, extra: Partial<{ tags: string[]; consent: boolean }> = {}) => ({
  id, name: `客户${id}`, unitCode: '3-2-1101', unitCodes: ['3-2-1101'], kind: 'owner' as const, grade: 'normal' as const, tags: extra.tags ?? ['独居老人'], consent: extra.consent ?? true,
  dates: [{ kind: 'birthday' as const, calendar: 'lunar' as const, month: 10, day: 15 }],
});
const plan: PlanRow = {
  id: 'p1', name: '独居老人月度电话', group: { kinds: [], buildings: [], tags: ['独居老人'], grades: [], complaintSince: '' }, recurrence: { every: 'month', day: 1 },
  start: '2026-01-01', ownerId: 's1', teamId: '', templateId: '', active: true,
};

describe('tasks', () => {
  it('have the same ids on every device: two devices generating at different times make the same tasks', () => {
    const customers = [customer('c1'), customer('c2'), customer('c3', { tags: [] })];
    const a = planTasks(plan, customers, new Set(), new Map(), '2026-11-20');
    const b = planTasks(plan, customers, new Set(), new Map(), '2026-11-20');
    expect(a.map((t) => t.id)).toEqual(['plan:p1:c1:2026-12-01', 'plan:p1:c2:2026-12-01']);
    expect(b).toEqual(a);
    // The records differ only in who generated them (their history), never in their ids or fields.
    const tasksAfter = (made: ReturnType<typeof upsertTasks>) => plainRows(applyToPlain(new Map(), made), 'tasks').map(([id, { history: _history, ...fields }]) => [id, fields]);
    expect(tasksAfter(upsertTasks(a, ctx)).map(([id]) => id)).toEqual(['plan:p1:c1:2026-12-01', 'plan:p1:c2:2026-12-01']);
    expect(tasksAfter(upsertTasks(a, ctx))).toEqual(tasksAfter(upsertTasks(b, ctxB)));
    const [, history] = plainRows(applyToPlain(new Map(), upsertTasks(b, ctxB)), 'tasks')[0];
    expect(history.history).toEqual([expect.objectContaining({ by: 's2', at: ctxB.now })]);
  });

  it('care: a lunar birthday a few days ahead makes a greeting task, due the set days before; none without consent', () => {
    // 农历十月十五 of 2026 is 2026-11-23 (lunar-javascript).
    const tasks = careTasks([customer('c1'), customer('c2', { consent: false })], DEFAULT_CARE, '2026-11-18');
    expect(tasks).toEqual([expect.objectContaining({ id: 'care:birthday.L:10-15:c1:2026-11-23', due: '2026-11-20', occursOn: '2026-11-23', dateKind: 'birthday' })]);
  });

  it('after the last contact: a newer contact supersedes the task and makes the next one', () => {
    const after: PlanRow = { ...plan, recurrence: { every: 'afterContact', days: 10 } };
    const [first] = planTasks(after, [customer('c1')], new Set(), new Map([['c1', '2026-11-10']]), '2026-11-18');
    expect(first).toMatchObject({ due: '2026-11-20', basis: '2026-11-10', resets: 1 });
    const contacted = new Map([['c1', '2026-11-19']]);
    expect(isSuperseded(first, contacted)).toBe(true);
    const [next] = planTasks(after, [customer('c1')], new Set(), contacted, '2026-11-19');
    expect(next.due).toBe('2026-11-29');
    expect(isSuperseded(next, contacted)).toBe(false);
  });

  it('a skip needs a reason', () => {
    expect(finishTask({ id: 'x', due: '2026-11-20' }, 'skipped', ' ', ctx).ok).toBe(false);
    const done = finishTask({ id: 'x', due: '2027-01-02' }, 'done', '', ctx);
    expect(done.ok && done.value.shard).toBe('ledger-2027-01');
    const skipped = plainAfter(finishTask({ id: 'x', due: '2026-11-20' }, 'skipped', ' 住户出差 ', ctx), 'taskResults', 'x');
    expect(skipped).toMatchObject({ outcome: 'skipped', reason: '住户出差', by: 's1', byName: '王丽', at: ctx.now });
    expect(skipped.history).toEqual([expect.objectContaining({ by: 's1', at: ctx.now })]);
  });
});

describe('the template a task prints', () => {
  it('a care task made before the office chose its birthday template prints the one chosen since', () => {
    const [task] = careTasks([customer('c1')], DEFAULT_CARE, '2026-11-18');
    expect(task.templateId).toBe('');
    expect(templateOfTask(task, { care: DEFAULT_CARE.templates, plans: {} })).toBe('');
    expect(templateOfTask(task, { care: { ...DEFAULT_CARE.templates, birthday: 'tpl-birthday' }, plans: {} })).toBe('tpl-birthday');
    const [call] = planTasks(plan, [customer('c1')], new Set(), new Map(), '2026-11-20');
    expect(templateOfTask(call, { care: DEFAULT_CARE.templates, plans: { p1: 'tpl-call' } })).toBe('tpl-call');
  });

  it('a new office starts with letters for birthdays and move-in days, chosen in its care settings', () => {
    const office = applyToPlain(new Map(), starterTemplates('hans', ctx));
    const names = (records: PlainRecords) => plainRows(records, 'templates').map(([id, r]) => templateFromRecord(id, r).name);
    expect(names(office)).toEqual(['生日贺信（范本）', '入住周年贺信（范本）']);
    expect(plainRows(office, 'templates').map(([id]) => id)).toEqual(['starter-birthday', 'starter-move-in']);
    expect(office.get('settings/care')?.templates).toEqual({ birthday: 'starter-birthday', moveIn: 'starter-move-in', anniversary: '' });
    expect(names(applyToPlain(new Map(), starterTemplates('hant', ctx))).some((n) => n.includes('賀信'))).toBe(true);
  });
});
