import * as Y from 'yjs';
import { ledgerShardAt } from '../../src/domain/shards';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { dispatch } from '../../src/domain/requests/lifecycle';
import { investigate } from '../../src/domain/requests/complaint';
import type { OfficeStore } from '../../src/store/office-store';
import { compare, merge, openDevice, type Device } from '../helpers/devices';
import { readRequest, runStep, takeRequest } from '../../src/store/requests';
import { queue } from '../../src/store/queries/requests';
import type { IntakeInput } from '../../src/domain/requests/lifecycle';

/** A device of the office; the same code again is another tab of that device (same disk). */
const disks = new Map<string, Device>();
function tablet(officeId: string, deviceCode: string, staffId = `s-${deviceCode}`): Device {
  const key = `${officeId}/${deviceCode}`;
  const d = openDevice({ officeId, deviceCode, staffId, staffName: `员工${deviceCode}`, sameDiskAs: disks.get(key) });
  if (!disks.has(key)) disks.set(key, d);
  return d;
}
const device = (officeId: string, deviceCode: string, staffId?: string): OfficeStore => tablet(officeId, deviceCode, staffId).store;

const repair = (n: number): IntakeInput => ({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: `漏水 ${n}`, customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' });
const complaint: IntakeInput = { kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'phone', description: '噪音', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' };

const ledger = () => ledgerShardAt(new Date().toISOString());

describe('human numbers', () => {
  it('never repeat when two devices create requests offline, before or after they merge', async () => {
    const office = newId();
    const [A, B] = [tablet(office, 'A'), tablet(office, 'B')];
    const [a, b] = [A.store, B.store];
    const made: string[] = [];
    for (let i = 0; i < 25; i++) {
      for (const d of [a, b]) {
        const r = await takeRequest(d, repair(i));
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        made.push(r.value.number);
      }
    }
    expect(new Set(made).size).toBe(50);
    expect(made[0]).toMatch(/^BX-\d{4}-A-001$/);
    // Back online: both ledgers merge and every number is still unique.
    await merge([A, B], [ledger()]);
    await compare([A, B], [ledger()]);
    const numbers = [...(await a.shard(ledger())).doc.getMap<Y.Map<unknown>>('requests').values()].map((r) => r.get('number'));
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
  });

  it('never repeat between two tabs of one device taking requests at the same moment', async () => {
    const office = newId();
    const tab1 = device(office, 'C');
    const tab2 = device(office, 'C');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => takeRequest(i % 2 ? tab1 : tab2, repair(i))));
    const numbers = results.map((r) => (r.ok ? r.value.number : 'refused'));
    expect(new Set(numbers).size).toBe(20);
  });
});

describe('two staff on one complaint', () => {
  it('keep both the investigation and the reassignment', async () => {
    const office = newId();
    const [A, B] = [tablet(office, 'A'), tablet(office, 'B')];
    const [a, b] = [A.store, B.store];
    const made = await takeRequest(a, complaint);
    if (!made.ok) throw new Error('refused');
    await runStep(a, made.value.id, (req, ctx) => dispatch(req, 'admin', 'clerk1', ctx, { team: '行政组', assignee: '孙主任' }));
    await merge([A, B], [ledger()]);
    // At the same time, offline from each other:
    const r1 = await runStep(a, made.value.id, (req, ctx) => investigate(req, { facts: '夜间施工', cause: '', responsibility: 'company', severity: 'general' }, ctx));
    const r2 = await runStep(b, made.value.id, (req, ctx) => dispatch(req, 'security', 'guard1', ctx, { team: '护卫组', assignee: '周保安' }));
    expect([r1.ok, r2.ok]).toEqual([true, true]);
    await merge([A, B], [ledger()]);
    for (const d of [a, b]) {
      const req = await readRequest(d, made.value.id);
      expect(req).toMatchObject({ teamId: 'security', assigneeId: 'guard1', status: 'inProgress', investigation: { facts: '夜间施工' } });
      expect(req!.history.map((h) => h.action).sort()).toEqual(['request.accepted', 'request.dispatched', 'request.investigated', 'request.reassigned'].sort());
    }
  });
});

describe('queues', () => {
  it('put a new request into its team queue and the open queue, and overdue ones into 已超时', async () => {
    const store = device(newId(), 'A');
    const made = await takeRequest(store, repair(1));
    if (!made.ok) throw new Error('refused');
    const now = new Date();
    const team = await queue(store.db, 'team', { me: 's-A', teamId: 'engineering', now, todayEnd: now.toISOString() });
    expect(team.rows.map((r) => r.number)).toEqual([made.value.number]);
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const overdue = await queue(store.db, 'overdue', { me: 's-A', now: later, todayEnd: later.toISOString() });
    expect(overdue.total).toBe(1);
    const mine = await queue(store.db, 'mine', { me: 's-A', now, todayEnd: now.toISOString() });
    expect(mine.total).toBe(1); // the first-contact owner sees it until it is handed over
  });
});

describe('projection of the month ledgers', () => {
  it('keeps this month’s requests when an older month’s ledger is opened (and rebuilt) afterwards', async () => {
    // The requests, contacts and follow-ups tables are shared by every ledger-YYYY-MM shard. A device
    // opens this month's ledger, then an older one; rebuilding one must not drop the other's rows.
    const office = newId();
    const a = device(office, 'A');
    const thisMonth = ledgerShardAt(new Date().toISOString());
    const older = ledgerShardAt(new Date(Date.now() - 400 * 86_400_000).toISOString());
    const r = await takeRequest(a, repair(1));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(await a.db.requests.count()).toBe(1);
    await a.shard(older);
    expect((await a.db.requests.toArray()).map((x) => x.number)).toEqual([r.value.number]);

    // After a projection version change every ledger is rebuilt on the next open, this month first.
    await a.db.meta.bulkDelete([`projection:${thisMonth}`, `projection:${older}`]);
    await a.close();
    const again = device(office, 'A');
    await again.shard(thisMonth);
    await again.shard(older);
    expect((await again.db.requests.toArray()).map((x) => x.number)).toEqual([r.value.number]);
  });

  it('show a page at a time in deadline order, with the full count', async () => {
    const store = device(newId(), 'P');
    for (let i = 0; i < 12; i++) await takeRequest(store, repair(i));
    const now = new Date();
    const first = await queue(store.db, 'mine', { me: 's-P', now, todayEnd: now.toISOString(), limit: 5 });
    expect(first.rows).toHaveLength(5);
    expect(first.total).toBe(12);
    const dues = first.rows.map((r) => r.dueFinish);
    expect(dues).toEqual([...dues].sort());
    const team = await queue(store.db, 'team', { me: 's-P', teamId: 'engineering', now, todayEnd: now.toISOString(), limit: 10 });
    expect([team.rows.length, team.total]).toEqual([10, 12]);
  });
});
