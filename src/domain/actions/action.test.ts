import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { applyToPlain, type PlainRecords } from '../plain.fixture';
import { actionFromRecord, checkAction, createAction, isActionOverdue, markActionDone, projectAction, type ActionInput } from './action';

const clerk: CommandContext = { actor: { staffId: 's1', name: '陈晨', deviceCode: 'A' }, now: '2026-11-10T02:00:00.000Z' };
const manager: CommandContext = { actor: { staffId: 'm1', name: '王经理', deviceCode: 'A' }, now: '2026-11-25T02:00:00.000Z' };
const input: ActionInput = {
  kind: 'corrective', source: { ref: 'requests/r1', label: 'TS-2611-A-001' }, cause: '装修管理不到位', action: '装修巡查每晚 21:30 一次',
  teamId: 'security', teamName: '护卫组', ownerId: 's3', ownerName: '李强', due: '2026-11-20',
};

describe('corrective and preventive actions', () => {
  it('refuses an action without what to do, a department or a real due day', () => {
    const bad = createAction({ ...input, action: ' ', teamId: '', teamName: '', due: '2026-11-31' }, clerk);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.code).sort()).toEqual(['action.error.actionRequired', 'action.error.due', 'action.error.teamRequired']);
    expect(createAction({ ...input, source: { ref: 'customers/c1', label: '' } }, clerk)).toMatchObject({ ok: false, problems: [{ code: 'action.error.source' }] });
  });

  it('goes open → overdue → done → 需再整改 (open again) → done → 有效 (closed), checked by a manager only', () => {
    const made = createAction(input, clerk, 'a1');
    if (!made.ok) throw new Error('refused');
    expect(made.value.command.shard).toBe('ledger-2026-11');
    const records: PlainRecords = applyToPlain(new Map(), made.value.command);
    const rec = () => records.get('actions/a1')!;
    const now = () => actionFromRecord('a1', rec());
    expect(projectAction('a1', rec())).toMatchObject({ status: 'open', due: '2026-11-20', teamName: '护卫组', ownerName: '李强', month: '2026-11' });
    expect(isActionOverdue(projectAction('a1', rec()), '2026-11-20')).toBe(false);
    expect(isActionOverdue(projectAction('a1', rec()), '2026-11-21')).toBe(true);

    expect(checkAction(now(), 'effective', '', 'manager', manager)).toMatchObject({ ok: false, problems: [{ code: 'action.error.notDone' }] });
    expect(markActionDone(now(), '  ', clerk)).toMatchObject({ ok: false, problems: [{ code: 'action.error.noteRequired' }] });
    applyToPlain(records, markActionDone(now(), '已排班巡查', { ...clerk, now: '2026-11-22T02:00:00.000Z' }));
    const done = projectAction('a1', rec());
    expect(done.status).toBe('done');
    // Done late is no longer overdue: it waits for the check.
    expect(isActionOverdue(done, '2026-11-25')).toBe(false);

    expect(checkAction(now(), 'effective', '', 'reception', manager)).toMatchObject({ ok: false, problems: [{ code: 'action.error.managerOnly' }] });
    expect(checkAction(now(), 'redo', ' ', 'manager', manager)).toMatchObject({ ok: false, problems: [{ code: 'action.error.redoReason' }] });
    applyToPlain(records, checkAction(now(), 'redo', '巡查记录不全', 'manager', manager, '2026-11-30'));
    expect(projectAction('a1', rec())).toMatchObject({ status: 'open', verdict: 'redo', redoCount: 1, due: '2026-11-30' });
    expect(now().doneNote).toBe('已排班巡查');

    applyToPlain(records, markActionDone(now(), '补齐巡查记录', clerk));
    applyToPlain(records, checkAction(now(), 'effective', '', 'manager', manager));
    expect(projectAction('a1', rec())).toMatchObject({ status: 'closed', verdict: 'effective' });
    expect(isActionOverdue(projectAction('a1', rec()), '2027-01-01')).toBe(false);
    expect(now().history.map((h) => h.action)).toEqual(['action.created', 'action.done', 'action.check.redo', 'action.done', 'action.check.effective']);
    expect(now().checkedByName).toBe('王经理');
  });
});
