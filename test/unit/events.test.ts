import { ledgerShardAt } from '../../src/domain/shards';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { createStaff } from '../../src/domain/staff/staff';
import type { EventPlanInput } from '../../src/domain/events/types';
import { attendanceTotals } from '../../src/domain/events/attendance';
import type { ShardName } from '../../src/domain/shards';
import { createCustomer } from '../../src/store/customers';
import { addItem, addRemark, closeAttendance, createEvent, decide, editMinutes, inviteGroups, markPresence, readEvent, remarkToRequest, runEventStep, setInvite, submitForApproval } from '../../src/store/events';
import { contactsOf } from '../../src/store/queries/contacts';
import { merge, openDevice, type Device } from '../helpers/devices';
import { attendanceOf, itemsOf, previousOnTopic, remarksOf, requestStatuses } from '../../src/store/queries/events';
import { notBack, notBackCounts } from '../../src/store/queries/papers';
import { recordPrinted, recordReceived } from '../../src/store/papers';
import { queue } from '../../src/store/queries/requests';

/** A tablet of the office with its own IndexedDB (the shared device harness); `merge` shares the office, as the relay would. */
function tablet(code: string, staffId: string, officeId?: string): Device {
  return openDevice({ officeId, deviceCode: code, staffId, staffName: `员工${code}` });
}

const must = <T>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

const plan: EventPlanInput = {
  title: '第四季度客户座谈会', purpose: '听取意见', scope: 'comprehensive', topic: '', startsAt: '2026-12-12T09:30', place: '会所', form: '座谈',
  groups: { buildings: ['3'], kinds: [], tags: [] }, budget: '', hostId: 'm1', recorderId: 's1',
};

describe('seminar on two tablets', () => {
  it('keeps both staff members’ ticks and minutes made offline, and turns a remark into a linked request', async () => {
    const da = tablet('A', 'm1');
    const db = tablet('B', 's2', da.config.officeId);
    const [a, b] = [da.store, db.store];
    const ledger: ShardName = ledgerShardAt(new Date().toISOString());
    must(await a.run(must(createStaff('王丽', 'manager', a.context(), 'm1', '', { creator: 'founder' })).command));
    for (let i = 1; i <= 6; i++) must(await createCustomer(a, { name: `住户${i}`, phones: [], unitCode: `3-1-${100 + i}` }));
    must(await createCustomer(a, { name: '外楼住户', phones: [], unitCode: '5-1-302' }));
    const id = must(await createEvent(a, 'seminar', plan));
    must(await addItem(a, id, 'agenda', '物业费使用通报'));
    must(await submitForApproval(a, id));
    must(await decide(a, id, true, '同意'));
    expect(must(await inviteGroups(a, id))).toBe(6);
    // A call's answer goes on the invitation and into the customer's contact log, in one command.
    const [first] = await attendanceOf(a.db, id);
    must(await setInvite(a, id, first.id, 'confirmed', '座谈会邀请：确认参加'));
    expect((await attendanceOf(a.db, id)).find((r) => r.id === first.id)?.invite).toBe('confirmed');
    expect((await contactsOf(a.db, first.customerId)).map((c) => [c.channel, c.summary])).toEqual([['phone', '座谈会邀请：确认参加']]);
    must(await runEventStep(a, id, 'held'));
    await merge([da, db], ['office', 'directory', ledger]);

    // Offline, each ticks half the list and types into the same agenda item.
    const rowsA = await attendanceOf(a.db, id);
    const rowsB = await attendanceOf(b.db, id);
    const [item] = await itemsOf(a.db, id);
    for (const r of rowsA.slice(0, 3)) must(await markPresence(a, id, r.id, 'present'));
    for (const r of rowsB.slice(3, 5)) must(await markPresence(b, id, r.id, 'proxy', '家属'));
    must(await editMinutes(a, id, item.id, '甲：收支已公示'));
    must(await editMinutes(b, id, item.id, '乙：住户要求按月公布'));
    await merge([da, db], [ledger]);
    for (const d of [a, b]) {
      expect(attendanceTotals(await attendanceOf(d.db, id), false)).toMatchObject({ invited: 6, present: 3, proxy: 2, unmarked: 1, attended: 5 });
      const minutes = String((await d.read(ledger, 'eventItems', item.id))?.minutes);
      expect(minutes).toContain('甲：收支已公示');
      expect(minutes).toContain('乙：住户要求按月公布');
    }

    // A remark becomes a complaint in the security team's queue, linked both ways.
    must(await closeAttendance(b, id));
    must(await addRemark(b, id, { customerId: rowsB[0].customerId, customerName: rowsB[0].name, unitCode: rowsB[0].unitCode, topic: '停车', kind: 'complaint', text: '外来车辆占用车位' }));
    const remarkId = (await remarksOf(b.db, id))[0].id;
    const request = must(await remarkToRequest(b, id, remarkId));
    expect(request.number).toMatch(/^TS-\d{4}-B-001$/);
    const [remark] = await remarksOf(b.db, id);
    expect(remark).toMatchObject({ requestId: request.id, requestNumber: request.number });
    expect((await requestStatuses(b.db, [remark])).get(request.id)?.status).toBe('accepted');
    const stored = await b.read(ledger, 'requests', request.id);
    expect(stored).toMatchObject({ sourceEventId: id, remarkId, channel: 'seminar', description: '外来车辆占用车位' });
    const team = await queue(b.db, 'team', { me: 's2', teamId: 'security', now: new Date(), todayEnd: '9' });
    expect(team.rows.map((r) => r.number)).toContain(request.number);
    // The close rule holds it open while the complaint is open.
    must(await runEventStep(b, id, 'minutes'));
    expect(await runEventStep(b, id, 'analysis')).toMatchObject({ ok: false, problems: [{ code: 'event.error.analysisMissing' }] });
    expect((await readEvent(b, id))?.status).toBe('minutes');
  });

  it('shows the next seminar on a topic what became of the last one’s remarks', async () => {
    const a = tablet('A', 'm1').store;
    must(await a.run(must(createStaff('王丽', 'manager', a.context(), 'm1', '', { creator: 'founder' })).command));
    const topic = { ...plan, scope: 'topic' as const, topic: '停车' };
    const first = must(await createEvent(a, 'seminar', { ...topic, title: '停车专题一', startsAt: '2026-06-01T09:00' }));
    must(await addItem(a, first, 'agenda', '停车'));
    must(await submitForApproval(a, first));
    must(await decide(a, first, true, ''));
    must(await runEventStep(a, first, 'held'));
    must(await addRemark(a, first, { customerId: '', customerName: '', unitCode: '', topic: '停车', kind: 'suggestion', text: '增加访客车位' }));
    must(await createEvent(a, 'seminar', { ...plan, title: '综合座谈会', startsAt: '2026-09-01T09:00' }));
    const second = must(await createEvent(a, 'seminar', { ...topic, title: '停车专题二', startsAt: '2026-12-01T09:00' }));
    const previous = await previousOnTopic(a.db, (await readEvent(a, second))!);
    expect(previous?.event.title).toBe('停车专题一');
    expect(previous?.remarks.map((r) => r.text)).toEqual(['增加访客车位']);
  });

  it('counts printed papers not back yet, and lowers the count when one is signed back', async () => {
    const a = tablet('A', 'm1').store;
    must(await recordPrinted(a, [{ form: 'sign-in', ref: 'events/e1', title: '签到表' }, { form: 'sign-in', ref: 'events/e2', title: '签到表' }]));
    must(await recordPrinted(a, [{ form: 'request', ref: 'requests/r1', title: 'TS-1' }]));
    expect(Object.fromEntries(await notBackCounts(a.db))).toEqual({ 'sign-in': 2, request: 1 });
    must(await recordReceived(a, 'sign-in', 'events/e1', 'A-03'));
    expect((await notBack(a.db, 'sign-in')).map((p) => p.ref)).toEqual(['events/e2']);
    expect(await recordReceived(a, 'sign-in', 'events/e1', '')).toMatchObject({ ok: false, problems: [{ code: 'paper.error.alreadyReceived' }] });
  });
});
