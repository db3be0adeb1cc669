import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/days';
import { DEFAULT_HANDOVER_DOCUMENTS } from '../../src/domain/moves/handover';
import { officeDay } from '../../src/domain/requests/work-time';
import { categoriesFor } from '../../src/domain/requests/settings';
import { ledgerShardAt, type ShardName } from '../../src/domain/shards';
import { createStaff, type StaffRole } from '../../src/domain/staff/staff';
import { DEFAULT_LABELS } from '../../src/domain/surveys/survey';
import { createCustomer } from '../../src/store/customers';
import {
  acceptRenovationOf, applyForRenovation, changeOwnerOf, decideRenovationOf, endRelation, inspectRenovation, linkComplaint, moveIn, readRenovation, submitRenovationOf,
} from '../../src/store/moves';
import type { Office } from '../../src/store/office-api';
import { savePlan } from '../../src/store/plans';
import { movesToday, relationsOfUnit } from '../../src/store/queries/moves';
import { serviceSettings } from '../../src/store/queries/settings';
import { followUpsToMake } from '../../src/store/queries/surveys';
import { dueTasks } from '../../src/store/queries/tasks';
import { readRequest, takeRequest } from '../../src/store/requests';
import { createSurvey, readSurvey } from '../../src/store/surveys';
import { createUnit } from '../../src/store/units';
import { compare, merge, openDevices } from '../helpers/devices';

/**
 * Moves through the store on simulated tablets: a change of owner moves surveys and plan tasks to
 * the new owner and keeps the old one in the unit's history; a handover with a defect and a
 * request taken on another tablet at the same time merge; a renovation runs to acceptance with
 * the unit's status and 今日 following.
 */
const must = <T,>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

async function staff(office: Office, id: string, role: StaffRole) {
  must(await office.run(must(createStaff(id, role, office.context(), id, '', { creator: 'founder' })).command));
}

async function todayOf(office: Office) {
  return officeDay(new Date(), (await serviceSettings(office.db)).calendar);
}

describe('moves on the store', () => {
  it('a change of owner: the old owner stays in the unit history with dates; the next survey and plan tasks go to the new owner only', async () => {
    const [a] = openDevices(1);
    const today = await todayOf(a.office);
    await staff(a.office, 's1', 'manager');
    must(await createUnit(a.office, { code: '3-2-1101', area: '98', use: 'residential', status: 'owner' }));
    const oldId = must(await createCustomer(a.office, { name: '张伟', phones: ['13800000001'], unitCode: '3-2-1101', kind: 'owner', unitFrom: '2015-05-01' }));
    const newId = must(await createCustomer(a.office, { name: '李娜', phones: ['13800000002'], unitCode: '', kind: 'owner' }));
    must(await savePlan(a.office, null, {
      name: '业主月度电话', group: { kinds: ['owner'], buildings: [], tags: [], grades: [], complaintSince: '' }, recurrence: { every: 'month', day: 1 },
      start: today, ownerId: 's1', teamId: '', templateId: '', active: true,
    }));
    const before = await dueTasks(a.office.db, today, (await serviceSettings(a.office.db)).calendar, 62);
    expect(new Set(before.filter((t) => t.source === 'plan').map((t) => t.customerName))).toEqual(new Set(['张伟', '李娜']));

    const settings = await serviceSettings(a.office.db);
    const oldRequest = must(await takeRequest(a.office, {
      kind: 'repair', category: categoriesFor(settings, 'repair')[0].id, urgency: 'normal', channel: 'phone', description: '阳台漏水', customerId: oldId, customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '',
    }));
    must(await changeOwnerOf(a.office, '3-2-1101', newId, today));

    const { current, former } = await relationsOfUnit(a.office.db, '3-2-1101');
    expect(current.map((t) => [t.customerName, t.role, t.from])).toEqual([['李娜', 'owner', today]]);
    expect(former.map((t) => [t.customerId, t.from, t.to, t.endReason])).toEqual([[oldId, '2015-05-01', today, 'ownerChange']]);
    // Plans: the former owner (kind still 业主) gets none.
    const after = await dueTasks(a.office.db, today, (await serviceSettings(a.office.db)).calendar, 62);
    expect(new Set(after.filter((t) => t.source === 'plan').map((t) => t.customerName))).toEqual(new Set(['李娜']));
    // The next survey: the household 3-2-1101 is the new owner's.
    const surveyId = must(await createSurvey(a.office, {
      title: '年度满意度调查', intro: '', levels: 5, satisfiedFrom: 4, questions: [{ type: 'scale', text: '总体', options: [...DEFAULT_LABELS[5]] }],
      target: { kind: 'all' }, firstWave: { label: '第一轮', start: today },
    }));
    const survey = (await readSurvey(a.office, surveyId))!;
    const tasks = await followUpsToMake(a.office.db, survey, 1, today);
    expect(tasks.map((t) => [t.unitCode, t.customerName])).toEqual([['3-2-1101', '李娜']]);
    // Their requests stay on the unit.
    expect((await a.office.db.requests.where('unitCode').equals('3-2-1101').toArray()).map((r) => [r.number, r.customerName])).toEqual([[oldRequest.number, '张伟']]);
    // Moving out lists the unit's open requests on the checklist; without the keys count it is refused.
    const newTenure = current[0].id;
    const refused = await endRelation(a.office, newTenure, '3-2-1101', { to: today, reason: 'moveOut' });
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).toEqual(['moves.error.keysRequired']);
    must(await endRelation(a.office, newTenure, '3-2-1101', { to: today, reason: 'moveOut', checklist: { keysReturned: 2, readings: { water: '1', electricity: '2', gas: '' }, openRequests: [] } }));
    const out = await relationsOfUnit(a.office.db, '3-2-1101');
    expect(out.current).toEqual([]);
    expect(out.former.map((t) => t.customerName).sort()).toEqual(['张伟', '李娜'].sort());
    const record = await a.office.read('directory', 'tenures', newTenure);
    expect(record?.moveOut).toMatchObject({ keysReturned: 2, openRequests: [oldRequest.number] });
  });

  it('two tablets, one doing a handover with a defect and one taking a request on the unit at once, merge into one office', async () => {
    const [a, b] = openDevices(2);
    const today = await todayOf(a.office);
    const ledger = ledgerShardAt(new Date().toISOString());
    const shards: ShardName[] = ['office', 'directory', ledger];
    await staff(a.office, 's1', 'manager');
    must(await createUnit(a.office, { code: '5-1-302', area: '88', use: 'residential', status: 'vacant' }));
    const buyer = must(await createCustomer(a.office, { name: '王芳', phones: ['13900000009'], unitCode: '', kind: 'owner' }));
    await merge([a, b], shards);

    const settings = await serviceSettings(b.office.db);
    const [handover, request] = await Promise.all([
      moveIn(a.office, {
        unitCode: '5-1-302', customerId: buyer, role: 'owner', day: today, leaseEnd: '', documents: DEFAULT_HANDOVER_DOCUMENTS.map((name) => ({ name, signed: true })), keys: 3,
        readings: { water: '12', electricity: '345', gas: '6' }, defects: ['卫生间地漏反味'],
      }),
      takeRequest(b.office, {
        kind: 'repair', category: categoriesFor(settings, 'repair')[0].id, urgency: 'normal', channel: 'phone', description: '楼道灯不亮', customerId: '', customerName: '', unitCode: '5-1-302', phone: '', location: '',
      }),
    ]);
    must(handover);
    must(request);
    await merge([a, b], shards);
    await compare([a, b], shards);
    for (const d of [a, b]) {
      const rows = await d.office.db.requests.where('unitCode').equals('5-1-302').toArray();
      expect(rows.map((r) => r.number).sort()).toEqual([...rows.map((r) => r.number)].sort());
      expect(rows.length).toBe(2);
      const warranty = await Promise.all(rows.map((r) => readRequest(d.office, r.id)));
      expect(warranty.filter((r) => r?.warranty).map((r) => r!.description)).toEqual(['卫生间地漏反味']);
      expect((await relationsOfUnit(d.office.db, '5-1-302')).current.map((t) => t.customerName)).toEqual(['王芳']);
      expect(await d.office.db.handovers.count()).toBe(1);
    }
  });

  it('a renovation: approved (unit 装修中, inspection on 今日), inspected with a finding, accepted (unit back); a noise complaint linked', async () => {
    const [a] = openDevices(1);
    const today = await todayOf(a.office);
    await staff(a.office, 's1', 'manager');
    const unitId = must(await createUnit(a.office, { code: '2-1-501', area: '90', use: 'residential', status: 'owner' }));
    const owner = must(await createCustomer(a.office, { name: '陈静', phones: ['13700000007'], unitCode: '2-1-501', kind: 'owner' }));
    const { id } = must(await applyForRenovation(a.office, {
      unitCode: '2-1-501', customerId: owner, contractor: '好家装饰', contractorPhone: '13600000000', workers: 5, start: today, end: addDays(today, 2), scope: '厨卫改造', deposit: 3000, inspectEvery: 7,
    }));
    must(await submitRenovationOf(a.office, id));
    must(await decideRenovationOf(a.office, id, { approve: true, comment: '' }));
    expect((await a.office.db.units.get(unitId))!.status).toBe('renovating');
    let day = await movesToday(a.office.db, today);
    expect(day.inspections.map((r) => r.id)).toEqual([id]);
    expect(day.ending.map((r) => r.id)).toEqual([id]);
    must(await inspectRenovation(a.office, id, { day: today, findings: '施工时间超出规定', problem: true, rectify: true }));
    day = await movesToday(a.office.db, today);
    expect(day.inspections).toEqual([]);
    const settings = await serviceSettings(a.office.db);
    const noise = must(await takeRequest(a.office, {
      kind: 'complaint', category: categoriesFor(settings, 'complaint')[0].id, urgency: 'normal', channel: 'phone', description: '楼上装修噪音', customerId: '', customerName: '', unitCode: '2-1-401', phone: '', location: '',
    }));
    must(await linkComplaint(a.office, id, noise.number));
    expect((await readRequest(a.office, noise.id))!.renovationId).toBe(id);
    must(await acceptRenovationOf(a.office, id, today, '验收合格'));
    expect((await readRenovation(a.office, id))!.status).toBe('accepted');
    expect((await a.office.db.units.get(unitId))!.status).toBe('owner');
    expect((await movesToday(a.office.db, today)).ending).toEqual([]);
  });
});
