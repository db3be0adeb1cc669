import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { plainAfter } from '../plain.fixture';
import type { Result } from '../result';
import { addTask, complaintState, completeTask, decideSettlement, investigate, negotiate, proposeSettlement, sendCorrectiveAction, signAgreement } from './complaint';
import { suggestAssignee } from './dispatch';
import {
  closeRequest, completeWork, dispatch, handOver, isOverdue, needsManagerAttention, recordFollowUp, reopenRequest, reportBack, resumeWork, startWork, takeRequest, waitOnResident,
} from './lifecycle';
import { highestInSeries, numberSeries } from './numbering';
import { projectRequest, requestFromRecord } from './record';
import { defaultServiceSettings } from './settings';
import type { ServiceRequest } from './types';

const settings = defaultServiceSettings();
const at = (iso: string, staffId = 'reception1', name = '王丽'): CommandContext => ({ actor: { staffId, name, deviceCode: 'A' }, now: new Date(`${iso}+08:00`).toISOString() });

/** The request as a replica would show it after the command. */
const apply = (req: ServiceRequest, made: Result<unknown>): ServiceRequest => requestFromRecord(req.id, plainAfter(made, 'requests', req.id, { ...req }));

const blank = (id = 'r1') => requestFromRecord(id, {});
const refused = (r: Result<unknown>) => (r.ok ? null : r.problems[0].code);

function newRepair(): ServiceRequest {
  return apply(blank(), takeRequest({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: '厨房水龙头漏水', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '13812345678', location: '' }, 'BX-2611-A-001', settings, at('2026-11-23T09:00'), 'r1'));
}

function newComplaint(): ServiceRequest {
  return apply(blank('t1'), takeRequest({ kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'walkIn', description: '楼上装修噪音，晚上十点后仍施工', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' }, 'TS-2611-A-001', settings, at('2026-11-23T09:00'), 't1'));
}

describe('intake', () => {
  it('registers with number, owner, team by dispatch rule and deadlines in working hours', () => {
    const r = newRepair();
    expect(r).toMatchObject({ number: 'BX-2611-A-001', status: 'accepted', ownerId: 'reception1', teamId: 'engineering', description: '厨房水龙头漏水' });
    // 水电维修: finish in 8 working hours from Monday 09:00 → Monday 17:00; report back in 12 → Tuesday 12:00.
    expect(r.due.finish).toBe(new Date('2026-11-23T17:00:00+08:00').toISOString());
    expect(r.due.reportBack).toBe(new Date('2026-11-24T12:00:00+08:00').toISOString());
    expect(r.history[0]).toMatchObject({ action: 'request.accepted', byName: '王丽' });
  });

  it('refuses a missing description, a category of another kind, and no customer or place', () => {
    const r = takeRequest({ kind: 'praise', category: 'lift', urgency: 'normal', channel: 'phone', description: ' ', customerId: '', customerName: '', unitCode: '', phone: '', location: '' }, 'X', settings, at('2026-11-23T09:00'));
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['request.error.categoryKind', 'request.error.descriptionRequired', 'request.error.whoOrWhere']);
  });
});

describe('request states', () => {
  it('goes 受理 → 派工 → 处理中 → 完工 → 回访 → 关闭', () => {
    let r = newRepair();
    r = apply(r, dispatch(r, 'engineering', 'tech1', at('2026-11-23T09:05'), { team: '工程组', assignee: '李师傅' }));
    expect(r.status).toBe('dispatched');
    r = apply(r, startWork(r, at('2026-11-23T09:30', 'tech1', '李师傅')));
    expect(r.status).toBe('inProgress');
    r = apply(r, completeWork(r, '更换阀芯', true, '2026-11-23', at('2026-11-23T10:30', 'tech1', '李师傅')));
    expect(r).toMatchObject({ status: 'done', signed: true, signedDate: '2026-11-23' });
    r = apply(r, reportBack(r, '已电话告知业主', at('2026-11-23T11:00')));
    r = apply(r, recordFollowUp(r, 'phone', 5, '很满意', at('2026-11-24T10:00')));
    expect(r.status).toBe('followUp');
    r = apply(r, closeRequest(r, at('2026-11-24T10:05'), 'reception'));
    expect(r.status).toBe('closed');
    expect(r.history.map((h) => h.action)).toEqual([
      'request.accepted', 'request.dispatched', 'request.started', 'request.completed', 'request.reportedBack', 'request.followedUp', 'request.closed',
    ]);
  });

  it('refuses illegal transitions with the action and the current state', () => {
    const r = newRepair();
    expect(startWork(r, at('2026-11-23T09:01'))).toMatchObject({ ok: false, problems: [{ code: 'request.error.illegal', params: { action: 'start', status: 'reqstatus.accepted' } }] });
    expect(refused(completeWork(r, 'x', false, '', at('2026-11-23T09:01')))).toBe('request.error.illegal');
    expect(refused(recordFollowUp(r, 'phone', 5, '', at('2026-11-23T09:01')))).toBe('request.error.illegal');
    expect(refused(reopenRequest(r, 'x', at('2026-11-23T09:01')))).toBe('request.error.illegal');
    expect(refused(completeWork(apply(r, dispatch(r, 'engineering', '', at('2026-11-23T09:02'), { team: '', assignee: '' })), ' ', false, '', at('2026-11-23T09:03')))).toBe('request.error.reportRequired');
  });

  it('keeps every reassignment in the history', () => {
    let r = newRepair();
    r = apply(r, dispatch(r, 'engineering', 'tech1', at('2026-11-23T09:05'), { team: '工程组', assignee: '李师傅' }));
    r = apply(r, dispatch(r, 'engineering', 'tech2', at('2026-11-23T09:10'), { team: '工程组', assignee: '赵师傅' }));
    expect(r.assigneeId).toBe('tech2');
    expect(r.history.filter((h) => h.action === 'request.reassigned')[0].data).toMatchObject({ fromAssignee: 'tech1', assignee: '赵师傅' });
    expect(refused(dispatch(r, 'engineering', 'tech2', at('2026-11-23T09:11'), { team: '', assignee: '' }))).toBe('request.error.sameAssignee');
  });

  it('hands first-contact ownership over on record only', () => {
    const r = newRepair();
    const moved = apply(r, handOver(r, 'reception2', '陈晨', at('2026-11-23T12:00')));
    expect(moved.ownerId).toBe('reception2');
    expect(moved.history.at(-1)).toMatchObject({ action: 'request.handedOver', data: { to: '陈晨' } });
  });

  it('counts reopening as rework and calls the manager after the second', () => {
    let r = newRepair();
    r = apply(r, dispatch(r, 'engineering', 'tech1', at('2026-11-23T09:05'), { team: '工程组', assignee: '李师傅' }));
    r = apply(r, completeWork(r, '修好', false, '', at('2026-11-23T10:00')));
    r = apply(r, reopenRequest(r, '又漏了', at('2026-11-24T09:00')));
    expect(r).toMatchObject({ status: 'dispatched', reopenCount: 1 });
    expect(needsManagerAttention(projectRequest(r))).toBe(false);
    r = apply(r, completeWork(r, '再修', false, '', at('2026-11-24T10:00')));
    r = apply(r, reopenRequest(r, '还漏', at('2026-11-25T09:00')));
    expect(needsManagerAttention(projectRequest(r))).toBe(true);
  });

  it('stops the clock while waiting on the resident and moves the deadline on', () => {
    let r = newRepair();
    const due = r.due.finish;
    r = apply(r, waitOnResident(r, '业主不在家', at('2026-11-23T10:00')));
    expect(isOverdue(projectRequest(r), new Date('2026-12-01T00:00:00Z'))).toBe(false);
    r = apply(r, resumeWork(r, settings, at('2026-11-23T15:00')));
    // Waited 5 working hours: the deadline moves from Mon 17:00 by 5 h → 0.5 h Monday, 4.5 h Tuesday → Tue 13:00.
    expect(r.due.finish).toBe(new Date('2026-11-24T13:00:00+08:00').toISOString());
    expect(r.due.finish > due).toBe(true);
    expect(isOverdue(projectRequest(r), new Date('2026-11-24T14:30:00+08:00'))).toBe(true);
  });
});

describe('the close rule', () => {
  const doneRepair = () => {
    let r = newRepair();
    r = apply(r, dispatch(r, 'engineering', 'tech1', at('2026-11-23T09:05'), { team: '工程组', assignee: '李师傅' }));
    return apply(r, completeWork(r, '修好', true, '2026-11-23', at('2026-11-23T10:00')));
  };

  it('needs a satisfied follow-up', () => {
    const r = doneRepair();
    expect(refused(closeRequest(r, at('2026-11-23T11:00'), 'reception'))).toBe('request.error.closeNeedsSatisfied');
    const unhappy = apply(r, recordFollowUp(r, 'phone', 2, '还有异响', at('2026-11-23T12:00')));
    expect(refused(closeRequest(unhappy, at('2026-11-23T12:05'), 'reception'))).toBe('request.error.closeNeedsSatisfied');
    expect(projectRequest(unhappy).followUpDue).toBe(1);
    const happy = apply(unhappy, recordFollowUp(unhappy, 'visit', 4, '满意', at('2026-11-24T09:00')));
    expect(closeRequest(happy, at('2026-11-24T09:05'), 'reception').ok).toBe(true);
  });

  it('lets only a manager close without one, and only with a written reason', () => {
    const r = doneRepair();
    expect(refused(closeRequest(r, at('2026-11-23T11:00'), 'manager'))).toBe('request.error.closeReasonRequired');
    const closed = apply(r, closeRequest(r, at('2026-11-23T11:00'), 'manager', '业主已搬走，联系不上'));
    expect(closed.history.at(-1)).toMatchObject({ action: 'request.closedByManager', data: { reason: '业主已搬走，联系不上', approverRole: 'manager' } });
  });

  it('closes an inquiry when answered', () => {
    const q = apply(blank('q1'), takeRequest({ kind: 'inquiry', category: 'fees', urgency: 'normal', channel: 'phone', description: '物业费怎么交', customerId: 'c1', customerName: '张伟', unitCode: '', phone: '', location: '' }, 'ZX-2611-A-001', settings, at('2026-11-23T09:00'), 'q1'));
    expect(closeRequest(q, at('2026-11-23T09:03'), 'reception', '已答复').ok).toBe(true);
  });
});

describe('the complaint workflow', () => {
  it('investigation → proposal → manager approval → negotiation → signed agreement → tasks → done → follow-up → close', () => {
    let t = newComplaint();
    expect(refused(proposeSettlement(t, '赔礼道歉', ['apology'], at('2026-11-23T09:10')))).toBe('request.error.investigateFirst');
    t = apply(t, investigate(t, { facts: '1102 室装修夜间施工', cause: '装修管理不到位', responsibility: 'company', severity: 'general' }, at('2026-11-23T10:00')));
    expect(t.status).toBe('inProgress');
    t = apply(t, proposeSettlement(t, '上门致歉，限定施工时间', ['apology'], at('2026-11-23T10:30'), 'p1'));
    expect(refused(proposeSettlement(t, '再一个', [], at('2026-11-23T10:31')))).toBe('request.error.proposalPending');
    expect(projectRequest(t).awaitingApproval).toBe(1);
    expect(refused(decideSettlement(t, 'p1', true, '', 'reception', at('2026-11-23T11:00')))).toBe('request.error.managerOnly');
    expect(refused(decideSettlement(t, 'p1', false, '', 'manager', at('2026-11-23T11:00', 'm1', '刘经理')))).toBe('request.error.rejectReasonRequired');
    t = apply(t, decideSettlement(t, 'p1', false, '还应赔偿清洁费', 'manager', at('2026-11-23T11:00', 'm1', '刘经理')));
    t = apply(t, proposeSettlement(t, '上门致歉并承担清洁费', ['apology', 'compensation'], at('2026-11-23T11:30'), 'p2'));
    t = apply(t, decideSettlement(t, 'p2', true, '同意', 'manager', at('2026-11-23T12:00', 'm1', '刘经理')));
    // Approved and not yet signed: no new proposal, no 完工; signing is possible straight away.
    expect(refused(proposeSettlement(t, '再一个', [], at('2026-11-23T12:30')))).toBe('request.error.proposalApproved');
    expect(refused(completeWork(t, '已落实', false, '', at('2026-11-23T12:40')))).toBe('request.error.needsSignedAgreement');
    expect(signAgreement(t, '2026-11-23', at('2026-11-23T13:00')).ok).toBe(true);
    t = apply(t, negotiate(t, 'agreed', '业主接受', at('2026-11-23T14:00')));
    t = apply(t, signAgreement(t, '2026-11-23', at('2026-11-23T14:10')));
    t = apply(t, addTask(t, '工程部', '监督装修时间', at('2026-11-23T14:20'), 'k1'));
    expect(refused(completeWork(t, '已落实', false, '', at('2026-11-23T15:00')))).toBe('request.error.tasksOpen');
    t = apply(t, completeTask(t, 'k1', at('2026-11-24T09:00')));
    t = apply(t, sendCorrectiveAction(t, '工程部', '装修登记时告知施工时间', at('2026-11-24T09:10')));
    t = apply(t, completeWork(t, '已落实', false, '', at('2026-11-24T09:30')));
    t = apply(t, reportBack(t, '当天电话告知', at('2026-11-24T09:40')));
    expect(refused(closeRequest(t, at('2026-11-24T09:45'), 'reception'))).toBe('request.error.closeNeedsSatisfied');
    t = apply(t, recordFollowUp(t, 'phone', 4, '满意', at('2026-11-25T10:00')));
    t = apply(t, closeRequest(t, at('2026-11-25T10:05'), 'reception'));
    const state = complaintState(t.history);
    expect(state.proposals.map((p) => p.status)).toEqual(['rejected', 'approved']);
    expect(state).toMatchObject({ stage: 'signed', agreementSignedOn: '2026-11-23', tasks: [{ done: true }], corrective: [{ department: '工程部' }] });
    expect(t.status).toBe('closed');
  });

  it('goes back to a new proposal when the customer wants it revised', () => {
    let t = newComplaint();
    t = apply(t, investigate(t, { facts: '事实', cause: '', responsibility: 'thirdParty', severity: 'minor' }, at('2026-11-23T10:00')));
    t = apply(t, proposeSettlement(t, '方案一', [], at('2026-11-23T10:10'), 'p1'));
    t = apply(t, decideSettlement(t, 'p1', true, '', 'manager', at('2026-11-23T10:20', 'm1', '刘经理')));
    expect(refused(negotiate(t, 'revise', '', at('2026-11-23T10:30')))).toBe('request.error.reviseReasonRequired');
    t = apply(t, negotiate(t, 'revise', '业主要求书面道歉', at('2026-11-23T10:30')));
    expect(complaintState(t.history).stage).toBe('investigated');
    expect(proposeSettlement(t, '方案二', ['apology'], at('2026-11-23T10:40')).ok).toBe(true);
  });

  it('keeps both steps when two staff work one complaint at once', () => {
    let t = newComplaint();
    // Tablet 1 records the investigation while tablet 2 reassigns: both commands from the same base.
    const investigation = investigate(t, { facts: '事实', cause: '原因', responsibility: 'company', severity: 'general' }, at('2026-11-23T10:00'));
    const reassign = dispatch(t, 'security', 'guard1', at('2026-11-23T10:00', 'reception2', '陈晨'), { team: '护卫组', assignee: '周保安' });
    t = apply(apply(t, investigation), reassign);
    expect(t).toMatchObject({ teamId: 'security', assigneeId: 'guard1', investigation: { facts: '事实' } });
  });
});

describe('numbers and dispatch', () => {
  it('numbers per device and series', () => {
    expect(numberSeries('complaint', '2026-11-23', 'B')).toBe('TS-2611-B');
    expect(highestInSeries('BX-2611-A', ['BX-2611-A-009', 'BX-2611-A-010', 'BX-2611-B-044', 'TS-2611-A-099'])).toBe(10);
  });

  it('suggests the team member with the least open work', () => {
    const staff = [{ id: 'a', name: '李师傅', teamId: 'engineering' }, { id: 'b', name: '赵师傅', teamId: 'engineering' }, { id: 'c', name: '周保安', teamId: 'security' }];
    const open = new Map([['a', 3], ['b', 1]]);
    expect(suggestAssignee('engineering', staff, (id) => open.get(id) ?? 0)).toBe('b');
    expect(suggestAssignee('environment', staff, () => 0)).toBe('');
  });
});
