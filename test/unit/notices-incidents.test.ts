import { describe, expect, it } from 'vitest';
import { ledgerShardAt, type ShardName } from '../../src/domain/shards';
import { incidentFigures } from '../../src/domain/incidents/report';
import { callersToCallBack } from '../../src/domain/incidents/incident';
import { createCustomer } from '../../src/store/customers';
import { createUnit } from '../../src/store/units';
import { createNotice, tellCustomer, withdrawNotice } from '../../src/store/notices';
import { noticeAudience, noticeRow, noticesInForce } from '../../src/store/queries/notices';
import { closeIncident, linkCallToIncident, markCalledBack, openIncident } from '../../src/store/incidents';
import { incidentCalls, incidentsBetween, openIncidentsFor } from '../../src/store/queries/incidents';
import { saveResidentList } from '../../src/store/residents';
import { residentsView } from '../../src/store/queries/residents';
import { EMPTY_FILTER } from '../../src/domain/residents/filter';
import type { Office } from '../../src/store/office-api';
import { compare, merge, openDevices } from '../helpers/devices';

/**
 * Notices and incidents through the store, on simulated tablets (issue 20, points 4–6): the
 * audience and call list of a notice to building 3, three households told on two tablets apart
 * giving one register of three lines, an incident of building 2 with five calls linked and
 * listed to call back on closing, and every command refused when its rule fails.
 */
const must = <T,>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const YEAR = new Date().getFullYear();

async function estate(office: Office) {
  for (const code of ['2-1-101', '2-1-102', '2-1-201', '2-1-202', '2-1-301', '3-1-101', '3-1-102', '3-1-201', '3-1-202', '5-1-101'])
    must(await createUnit(office, { code, area: '90', use: code.startsWith('5') ? 'shop' : 'residential', status: 'owner' }));
  const ids: Record<string, string> = {};
  const add = async (name: string, unitCode: string, tags: string[] = [], kind: 'owner' | 'tenant' = 'owner') => (ids[name] = must(await createCustomer(office, { name, phones: [], unitCode, tags, kind })));
  // Building 3: two elderly living alone (one written as two tags), one with limited mobility, two others.
  await add('王秀英', '3-1-101', ['独居老人']);
  await add('李桂兰', '3-1-102', ['独居', '老人']);
  await add('赵建国', '3-1-201', ['行动不便']);
  await add('周敏', '3-1-202', [], 'tenant');
  await add('孙强', '3-1-202');
  // Building 2: five households, one living alone (not in building 3's call list).
  await add('钱芳', '2-1-101', ['独居老人']);
  await add('吴磊', '2-1-102');
  await add('郑洁', '2-1-201', [], 'tenant');
  await add('冯涛', '2-1-202');
  await add('陈静', '2-1-301');
  await add('褚明', '5-1-101');
  return ids;
}

const notice = (over: Partial<Parameters<typeof createNotice>[1]> = {}): Parameters<typeof createNotice>[1] => ({
  kind: 'water', title: '3栋停水通知', body: '因管网检修，12月8日9时至17时停水。', audience: { scope: 'buildings', buildings: ['3'], uses: [], listId: '', listName: '' },
  callNeeds: ['elderlyAlone'], from: new Date().toISOString().slice(0, 10), to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), ...over,
});

describe('a notice to building 3', () => {
  it('reaches exactly the building, its call list is exactly its elderly living alone, and three tellings on two tablets apart make one register of three lines', async () => {
    const [a, b] = openDevices(2);
    const ids = await estate(a.office);
    const id = must(await createNotice(a.office, notice()));
    const ledger = ledgerShardAt(new Date().toISOString()) as ShardName;
    await merge([a, b], ['office', 'directory', ledger]);

    const row = (await noticeRow(b.office.db, id))!;
    const { audience, callList } = await noticeAudience(b.office.db, row, YEAR);
    expect(audience.map((c) => c.name).sort()).toEqual(['周敏', '孙强', '李桂兰', '王秀英', '赵建国'].sort());
    expect(callList.map((c) => c.name).sort()).toEqual(['李桂兰', '王秀英']);

    // Apart: tablet A phones the two elderly, tablet B tells 赵建国 on a visit.
    must(await tellCustomer(a.office, id, ids['王秀英'], 'phone'));
    must(await tellCustomer(a.office, id, ids['李桂兰'], 'phone'));
    must(await tellCustomer(b.office, id, ids['赵建国'], 'visit'));
    await merge([a, b], [ledger]);
    await compare([a, b], [ledger]);
    for (const d of [a, b]) {
      const { tellings } = await noticeAudience(d.office.db, row, YEAR);
      expect(tellings.map((t) => [t.customerName, t.channel, t.byName])).toEqual(
        expect.arrayContaining([['王秀英', 'phone', '员工1'], ['李桂兰', 'phone', '员工1'], ['赵建国', 'visit', '员工2']]),
      );
      expect(tellings).toHaveLength(3);
    }
    expect((await noticesInForce(a.office.db, notice().from)).map((n) => n.id)).toEqual([id]);
  });

  it('refuses with a clear reason: no buildings, dates reversed, a missing list, someone of another building, a withdrawn notice', async () => {
    const [a] = openDevices(1);
    const ids = await estate(a.office);
    expect(await createNotice(a.office, notice({ audience: { scope: 'buildings', buildings: [], uses: [], listId: '', listName: '' } }))).toMatchObject({ ok: false, problems: [{ code: 'notice.error.noBuildings' }] });
    expect(await createNotice(a.office, notice({ from: '2026-12-09', to: '2026-12-08' }))).toMatchObject({ ok: false, problems: [{ code: 'notice.error.toBeforeFrom' }] });
    expect(await createNotice(a.office, notice({ audience: { scope: 'list', buildings: [], uses: [], listId: 'nope', listName: '' } }))).toMatchObject({ ok: false, problems: [{ code: 'notice.error.noList' }] });
    expect(await createNotice(a.office, notice({ title: ' ', body: '' }))).toMatchObject({ ok: false, problems: [{ code: 'notice.error.titleRequired' }, { code: 'notice.error.bodyRequired' }] });
    const id = must(await createNotice(a.office, notice()));
    expect(await tellCustomer(a.office, id, ids['钱芳'], 'phone')).toMatchObject({ ok: false, problems: [{ code: 'notice.error.notInAudience', params: { name: '钱芳' } }] });
    expect(await withdrawNotice(a.office, id, '')).toMatchObject({ ok: false, problems: [{ code: 'notice.error.reasonRequired' }] });
    must(await withdrawNotice(a.office, id, '检修取消'));
    expect(await tellCustomer(a.office, id, ids['王秀英'], 'phone')).toMatchObject({ ok: false, problems: [{ code: 'notice.error.withdrawn' }] });
    expect(await noticesInForce(a.office.db, notice().from)).toEqual([]);
  });

  it('to a saved list and to a unit type', async () => {
    const [a] = openDevices(1);
    await estate(a.office);
    const listId = must(await saveResidentList(a.office, null, '独居老人', { ...EMPTY_FILTER, needs: ['elderlyAlone'] }));
    expect(await saveResidentList(a.office, null, '独居老人', { ...EMPTY_FILTER, kinds: ['tenant'] })).toMatchObject({ ok: false, problems: [{ code: 'residents.error.nameTaken' }] });
    expect(await saveResidentList(a.office, null, '全部', EMPTY_FILTER)).toMatchObject({ ok: false, problems: [{ code: 'residents.error.emptyFilter' }] });
    const byList = must(await createNotice(a.office, notice({ audience: { scope: 'list', buildings: [], uses: [], listId, listName: '' } })));
    const listRow = (await noticeRow(a.office.db, byList))!;
    expect(listRow.audience.listName).toBe('独居老人');
    expect((await noticeAudience(a.office.db, listRow, YEAR)).audience.map((c) => c.name).sort()).toEqual(['李桂兰', '王秀英', '钱芳'].sort());
    const shops = must(await createNotice(a.office, notice({ audience: { scope: 'uses', buildings: [], uses: ['shop'], listId: '', listName: '' } })));
    expect((await noticeAudience(a.office.db, (await noticeRow(a.office.db, shops))!, YEAR)).audience.map((c) => c.name)).toEqual(['褚明']);
  });
});

describe('an incident for building 2', () => {
  it('five calls linked in one tap each, closing lists the five callers to call back, and the month counts it', async () => {
    const [a, b] = openDevices(2);
    const ids = await estate(a.office);
    const id = must(await openIncident(a.office, { kind: 'power', title: '2栋停电', buildings: ['2'], startsAt: '2026-12-07T09:00', endsAt: '2026-12-07T13:00', script: '供电局正在抢修，预计13点恢复。', answerId: '', answerVersion: 0 }));
    const ledger = ledgerShardAt(new Date().toISOString()) as ShardName;
    await merge([a, b], ['office', 'directory', ledger]);
    const callers = ['钱芳', '吴磊', '郑洁', '冯涛', '陈静'];
    // Building 2's callers are offered the incident at intake; building 3's are not.
    expect((await openIncidentsFor(b.office.db, '2-1-101')).map((i) => i.id)).toEqual([id]);
    expect(await openIncidentsFor(b.office.db, '3-1-101')).toEqual([]);
    // Two tablets take the calls, each link one command.
    for (const [n, name] of callers.entries()) must(await linkCallToIncident(n % 2 ? b.office : a.office, id, ids[name]));
    expect(await linkCallToIncident(a.office, id, ids['王秀英'])).toMatchObject({ ok: false, problems: [{ code: 'incident.error.otherBuilding' }] });
    await merge([a, b], [ledger]);
    await compare([a, b], [ledger]);
    expect(await markCalledBack(a.office, id, (await incidentCalls(a.office.db, id))[0].id)).toMatchObject({ ok: false, problems: [{ code: 'incident.error.notClosed' }] });
    expect(await closeIncident(a.office, id, ' ')).toMatchObject({ ok: false, problems: [{ code: 'incident.error.outcomeRequired' }] });
    must(await closeIncident(a.office, id, '更换2栋配电房跳闸开关，12时40分恢复供电。'));
    expect(await closeIncident(a.office, id, '再关一次')).toMatchObject({ ok: false, problems: [{ code: 'incident.error.closed' }] });
    expect(await linkCallToIncident(a.office, id, ids['吴磊'])).toMatchObject({ ok: false, problems: [{ code: 'incident.error.closed' }] });
    const calls = await incidentCalls(a.office.db, id);
    expect(callersToCallBack(calls).map((c) => c.name).sort()).toEqual([...callers].sort());
    must(await markCalledBack(a.office, id, calls[0].id));
    expect(await markCalledBack(a.office, id, calls[0].id)).toMatchObject({ ok: false, problems: [{ code: 'incident.error.calledBack' }] });
    const month = await incidentsBetween(a.office.db, '2000-01-01', '2100-01-01');
    expect(incidentFigures(month.incidents, month.calls, { start: '2000-01-01', end: '2100-01-01' })).toMatchObject({ opened: 1, closed: 1, calls: 5, toCallBack: 4 });
  });

  it('refuses an incident without buildings, words to read, or with its end before its start', async () => {
    const [a] = openDevices(1);
    expect(await openIncident(a.office, { kind: 'water', title: '停水', buildings: [], startsAt: '2026-12-07T09:00', endsAt: '2026-12-07T08:00', script: '', answerId: '', answerVersion: 0 })).toMatchObject({
      ok: false, problems: [{ code: 'incident.error.noBuildings' }, { code: 'incident.error.endBeforeStart' }, { code: 'incident.error.scriptRequired' }],
    });
  });
});

describe('lists of the people who live here', () => {
  it('filters combine, and the counts per building equal the records', async () => {
    const [a] = openDevices(1);
    await estate(a.office);
    const all = await residentsView(a.office.db, EMPTY_FILTER, YEAR);
    expect(all.rows).toHaveLength(11);
    const b3 = await residentsView(a.office.db, { ...EMPTY_FILTER, buildings: ['3'] }, YEAR);
    const tenants = await residentsView(a.office.db, { ...EMPTY_FILTER, kinds: ['tenant'] }, YEAR);
    const both = await residentsView(a.office.db, { ...EMPTY_FILTER, buildings: ['3'], kinds: ['tenant'] }, YEAR);
    expect(both.rows.map((c) => c.name)).toEqual(['周敏']);
    expect(both.rows).toEqual(b3.rows.filter((r) => tenants.rows.some((t) => t.id === r.id)));
    const needs = await residentsView(a.office.db, { ...EMPTY_FILTER, buildings: ['3'], needs: ['elderlyAlone', 'mobility'] }, YEAR);
    expect(needs.rows.map((c) => c.name)).toEqual(['王秀英', '李桂兰', '赵建国']);
    // Per building, each figure equals a count of the records themselves.
    for (const c of all.counts) {
      const mine = all.rows.filter((r) => r.unitCode.split('-')[0] === c.building);
      expect(c.people).toBe(mine.length);
      expect(c.households).toBe(new Set(mine.map((r) => r.unitCode)).size);
      expect(c.tenants).toBe(mine.filter((r) => r.kind === 'tenant').length);
    }
    expect(all.counts.find((c) => c.building === '3')).toMatchObject({ people: 5, households: 4, elderlyAlone: 2, mobility: 1, tenants: 1, tenantShare: 1 / 5 });
    expect(all.counts.find((c) => c.building === '2')).toMatchObject({ elderlyAlone: 1 });
  });
});
