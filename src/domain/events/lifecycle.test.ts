import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { applyToPlain, plainRows, type PlainRecords } from '../plain.fixture';
import type { Result } from '../result';
import { attendanceTotals, addWalkIn, closeAttendance, inGroups, inviteCustomers, markPresence } from './attendance';
import { addItem, closeEvent, createEvent, decidePlan, editItemMinutes, finishAnalysis, finishMinutes, markHeld, submitPlan, updatePlan } from './lifecycle';
import { eventFromRecord, itemFromRecord, projectAttendance, projectRemark } from './record';
import { addRemark, linkRequest, remarkSummary, setAsideRemark } from './remarks';
import type { AttendanceRow, CommunityEvent, EventPlanInput, RemarkRow } from './types';

const ctx = (staffId = 's1', name = '陈晨'): CommandContext => ({ actor: { staffId, name, deviceCode: 'A' }, now: '2026-12-01T02:00:00.000Z' });
const manager = ctx('m1', '王丽');

const plan: EventPlanInput = {
  title: '2026 年第四季度客户座谈会', purpose: '听取业主对小区服务的意见', scope: 'comprehensive', topic: '', startsAt: '2026-12-12T09:30', place: '会所二楼会议室',
  form: '座谈', groups: { buildings: ['3'], kinds: [], tags: [] }, budget: '500 元', hostId: 'm1', recorderId: 's1',
};

/** The records of a little ledger, as plain JSON, with commands applied the way the store applies them. */
class Ledger {
  records: PlainRecords = new Map();
  run<T>(r: Result<T>): T {
    applyToPlain(this.records, r);
    return (r as { value: T }).value;
  }
  event(id: string): CommunityEvent {
    return eventFromRecord(id, this.records.get(`events/${id}`)!);
  }
  rows<T>(collection: string, project: (id: string, r: Record<string, unknown>) => T): T[] {
    return plainRows(this.records, collection).map(([id, r]) => project(id, r));
  }
}

const codeOf = <T>(r: Result<T>) => (r.ok ? 'ok' : r.problems.map((p) => p.code).join(','));

describe('a seminar from plan to close', () => {
  it('goes plan → approval (rejected, revised, approved) → held → minutes → analysis → closed, refusing steps out of turn', () => {
    const l = new Ledger();
    const { id } = l.run(createEvent('seminar', plan, ctx()));
    expect(l.event(id).status).toBe('plan');
    // No agenda yet: a seminar cannot be submitted.
    expect(codeOf(submitPlan(l.event(id), 0, ctx()))).toBe('event.error.agendaRequired');
    const item = l.run(addItem(l.event(id), 'agenda', '物业费使用情况通报', 1, '', ctx()));
    l.run(addItem(l.event(id), 'agenda', '停车管理', 2, '', ctx()));
    // Not held yet: no minutes, no remarks, no tick.
    expect(codeOf(editItemMinutes(l.event(id), itemFromRecord(item.id, l.records.get(`eventItems/${item.id}`)!), '开场', ctx()))).toBe('event.error.notHeld');
    expect(codeOf(markHeld(l.event(id), ctx()))).toBe('event.error.notApproved');

    l.run(submitPlan(l.event(id), 2, ctx()));
    expect(l.event(id).status).toBe('submitted');
    expect(codeOf(submitPlan(l.event(id), 2, ctx()))).toBe('approval.error.alreadySubmitted');
    expect(codeOf(updatePlan(l.event(id), { ...plan, budget: '800 元' }, ctx()))).toBe('event.error.planLocked');
    // Only a manager decides, and a rejection says why.
    expect(codeOf(decidePlan(l.event(id), { approve: true, comment: '' }, 'reception', ctx()))).toBe('approval.error.managerOnly');
    expect(codeOf(decidePlan(l.event(id), { approve: false, comment: ' ' }, 'manager', manager))).toBe('approval.error.commentRequired');
    l.run(decidePlan(l.event(id), { approve: false, comment: '预算偏高，请压缩' }, 'manager', manager));
    expect(l.event(id)).toMatchObject({ status: 'rejected', approvalComment: '预算偏高，请压缩', decidedByName: '王丽' });
    expect(codeOf(markHeld(l.event(id), ctx()))).toBe('event.error.notApproved');

    // Revised and submitted again, then approved; the approved plan cannot be changed.
    l.run(updatePlan(l.event(id), { ...plan, budget: '300 元' }, ctx()));
    expect(l.event(id).history.at(-1)).toMatchObject({ action: 'event.planEdited', changes: [{ field: 'budget', from: '500 元', to: '300 元' }] });
    l.run(submitPlan(l.event(id), 2, ctx()));
    l.run(decidePlan(l.event(id), { approve: true, comment: '同意' }, 'manager', manager));
    expect(l.event(id).status).toBe('approved');
    expect(codeOf(updatePlan(l.event(id), plan, ctx()))).toBe('event.error.planLocked');
    expect(codeOf(decidePlan(l.event(id), { approve: true, comment: '' }, 'manager', manager))).toBe('approval.error.notSubmitted');
    expect(codeOf(finishMinutes(l.event(id), ctx()))).toBe('event.error.illegal');

    l.run(markHeld(l.event(id), ctx()));
    l.run(editItemMinutes(l.event(id), itemFromRecord(item.id, l.records.get(`eventItems/${item.id}`)!), '通报了上半年收支', ctx()));
    // Minutes are finished only once the attendance is closed.
    expect(codeOf(finishMinutes(l.event(id), ctx()))).toBe('event.error.attendanceOpen');
    l.run(closeAttendance(l.event(id), ctx()));
    l.run(finishMinutes(l.event(id), ctx()));
    expect(codeOf(closeEvent(l.event(id), [], () => undefined, ctx()))).toBe('event.error.analysisFirst');
    // The analysis must say what was decided.
    expect(codeOf(finishAnalysis(l.event(id), ctx()))).toBe('event.error.analysisMissing');
    l.records.get(`events/${id}`)!.decisions = '增设电动车充电桩';
    l.run(finishAnalysis(l.event(id), ctx()));
    l.run(closeEvent(l.event(id), [], () => undefined, ctx()));
    expect(l.event(id).status).toBe('closed');
    expect(codeOf(closeEvent(l.event(id), [], () => undefined, ctx()))).toBe('event.error.alreadyClosed');
    expect(l.event(id).history.map((h) => h.action)).toEqual([
      'event.created', 'event.agendaAdded', 'event.agendaAdded', 'approval.submitted', 'approval.rejected', 'event.planEdited', 'approval.submitted', 'approval.approved',
      'event.held', 'event.attendanceClosed', 'event.minutesDone', 'event.analysed', 'event.closed',
    ]);
    expect(l.event(id).history.find((h) => h.action === 'approval.approved')?.data).toMatchObject({ approverRole: 'manager' });
  });

  it('closes only when every remark is handled, its request closed, or set aside with a reason', () => {
    const l = new Ledger();
    const { id } = l.run(createEvent('seminar', plan, ctx()));
    l.run(addItem(l.event(id), 'agenda', '议程', 1, '', ctx()));
    l.run(submitPlan(l.event(id), 1, ctx()));
    l.run(decidePlan(l.event(id), { approve: true, comment: '' }, 'manager', manager));
    expect(codeOf(addRemark(l.event(id), { customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', topic: '停车', kind: 'complaint', text: '车位被占' }, ctx()))).toBe('event.error.notHeld');
    l.run(markHeld(l.event(id), ctx()));
    const r1 = l.run(addRemark(l.event(id), { customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', topic: '停车', kind: 'complaint', text: '车位被占' }, ctx()));
    const r2 = l.run(addRemark(l.event(id), { customerId: 'c2', customerName: '李娜', unitCode: '3-1-501', topic: '绿化', kind: 'suggestion', text: '多种桂花' }, ctx()));
    expect(codeOf(addRemark(l.event(id), { customerId: '', customerName: '', unitCode: '', topic: '', kind: 'inquiry', text: '  ' }, ctx()))).toBe('remark.error.textRequired');
    l.run(closeAttendance(l.event(id), ctx()));
    l.run(finishMinutes(l.event(id), ctx()));
    l.records.get(`events/${id}`)!.decisions = '整改停车秩序';
    l.run(finishAnalysis(l.event(id), ctx()));
    const remarks = () => l.rows('remarks', projectRemark);
    const remark = (rid: string) => remarks().find((r) => r.id === rid)!;
    const requests = new Map<string, string>();
    const status = (rid: string) => requests.get(rid);

    l.run(linkRequest(l.event(id), remark(r1.id), { id: 'q1', number: 'TS-2612-A-001' }, ctx()));
    expect(codeOf(linkRequest(l.event(id), remark(r1.id), { id: 'q2', number: 'TS-2612-A-002' }, ctx()))).toBe('remark.error.alreadyLinked');
    requests.set('q1', 'inProgress');
    expect(closeEvent(l.event(id), remarks(), status, ctx())).toMatchObject({ ok: false, problems: [{ code: 'event.error.remarksOpen', params: { n: 2 } }] });
    requests.set('q1', 'closed');
    expect(closeEvent(l.event(id), remarks(), status, ctx())).toMatchObject({ ok: false, problems: [{ code: 'event.error.remarksOpen', params: { n: 1 } }] });
    expect(codeOf(setAsideRemark(l.event(id), remark(r2.id), '  ', ctx()))).toBe('remark.error.reasonRequired');
    l.run(setAsideRemark(l.event(id), remark(r2.id), '桂花不适合本地土壤，改种其他', ctx()));
    l.run(closeEvent(l.event(id), remarks(), status, ctx()));
    expect(l.event(id).status).toBe('closed');
    expect(remarkSummary(remarks()).map((s) => `${s.topic}/${s.kind}/${s.count}`).sort()).toEqual(['停车/complaint/1', '绿化/suggestion/1']);
  });
});

describe('attendance', () => {
  const held = (): [Ledger, string] => {
    const l = new Ledger();
    const { id } = l.run(createEvent('activity', { ...plan, title: '重阳节敬老活动' }, ctx()));
    l.run(submitPlan(l.event(id), 0, ctx()));
    l.run(decidePlan(l.event(id), { approve: true, comment: '' }, 'manager', manager));
    return [l, id];
  };
  const households = Array.from({ length: 5 }, (_, i) => ({ customerId: `c${i}`, name: `住户${i}`, unitCode: `3-1-${101 + i}`, kind: 'owner' }));

  it('invites each household once, ticks each on its own record, and counts walk-ins and proxies', () => {
    const [l, id] = held();
    const rows = (): AttendanceRow[] => l.rows('attendance', projectAttendance);
    expect(l.run(inviteCustomers(l.event(id), households.filter((c) => inGroups(c, plan.groups)), rows(), ctx())).count).toBe(5);
    expect(codeOf(inviteCustomers(l.event(id), households, rows(), ctx()))).toBe('attendance.error.nobodyNew');
    expect(codeOf(markPresence(l.event(id), rows()[0], 'present', ctx()))).toBe('attendance.error.notHeld');
    l.run(markHeld(l.event(id), ctx()));
    const [a, b, c] = rows();
    l.run(markPresence(l.event(id), a, 'present', ctx()));
    l.run(markPresence(l.event(id), b, 'proxy', ctx(), '女儿代签'));
    l.run(markPresence(l.event(id), c, 'absent', ctx()));
    expect(codeOf(addWalkIn(l.event(id), households[0], rows(), ctx()))).toBe('attendance.error.alreadyListed');
    l.run(addWalkIn(l.event(id), { customerId: 'w1', name: '路过的业主', unitCode: '5-1-302' }, rows(), ctx()));
    expect(attendanceTotals(rows(), false)).toMatchObject({ invited: 5, present: 2, proxy: 1, absent: 1, unmarked: 2, walkIns: 1, attended: 3 });
    l.run(closeAttendance(l.event(id), ctx()));
    // Unticked households count as absent once it is closed; nobody ticks after that.
    expect(attendanceTotals(rows(), true)).toMatchObject({ absent: 3, unmarked: 0, attended: 3 });
    expect(codeOf(markPresence(l.event(id), rows()[3], 'present', ctx()))).toBe('attendance.error.closed');
  });

  it('picks invitees by building, customer type or tag', () => {
    const c = { customerId: 'x', name: '张伟', unitCode: '3栋2单元1101', kind: 'tenant', tags: ['独居老人'] };
    expect(inGroups(c, { buildings: ['3'], kinds: [], tags: [] })).toBe(true);
    expect(inGroups(c, { buildings: ['5'], kinds: [], tags: [] })).toBe(false);
    expect(inGroups(c, { buildings: [], kinds: ['tenant'], tags: [] })).toBe(true);
    expect(inGroups(c, { buildings: [], kinds: [], tags: ['独居老人'] })).toBe(true);
    expect(inGroups(c, { buildings: [], kinds: [], tags: [] })).toBe(false);
  });
});

// Used above only for its type in `remarks()`; keeps the import honest.
export type { RemarkRow };
