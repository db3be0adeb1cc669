import { ledgerShard } from '../../src/domain/shards';
import { describe, expect, it } from 'vitest';
import { merge, openDevice, type Device } from '../helpers/devices';
import { createCustomer } from '../../src/store/customers';
import { logContact } from '../../src/store/contacts';
import { savePlan } from '../../src/store/plans';
import { finishTask, generateTasks } from '../../src/store/tasks';
import { todayView } from '../../src/store/queries/today';
import type { ShardName } from '../../src/domain/shards';
import { addDays } from '../../src/domain/days';
import { officeDay, officeDaysRange } from '../../src/domain/requests/work-time';
import { takeRequest } from '../../src/domain/requests/lifecycle';
import { serviceSettings } from '../../src/store/queries/settings';

/**
 * Two tablets of one office generate the same plan tasks while apart (fake-indexeddb, one
 * IndexedDB each); once their documents meet, every task is there once, and what one tablet
 * did with a task survives whichever copy of the task the merge kept.
 */
/** A tablet of the office (its own IndexedDB), staff `s-<code>`: the shared device harness. */
function device(deviceCode: string, officeId?: string): Device {
  return openDevice({ officeId, deviceCode, staffId: `s-${deviceCode}`, staffName: `员工${deviceCode}` });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

describe('plan tasks on two offline devices', () => {
  it('are generated with the same ids and merged once; a task done on one stays done', async () => {
    // One office, two tablets each with its own IndexedDB; their documents meet through merge(), as through the relay.
    const da = device('A');
    const db = device('B', da.config.officeId);
    const [a, b] = [da.store, db.store];
    // The office's directory and plan exist on both before they go apart.
    for (const [name, tags] of [['张伟', ['独居老人']], ['李娜', ['独居老人']], ['王强', []]] as const) {
      const made = await createCustomer(a, { name, phones: [], unitCode: '3-2-1101', tags: [...tags] });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
    }
    const now = new Date();
    const plan = await savePlan(a, null, {
      name: '独居老人每周电话', group: { kinds: [], buildings: [], tags: ['独居老人'], grades: [], complaintSince: '' }, recurrence: { every: 'afterContact', days: 7 },
      start: day(now), ownerId: '', teamId: '', templateId: '', active: true,
    });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    await merge([da, db], ['directory', 'office']);

    // Apart: both generate, A does one task.
    expect(await generateTasks(a, now)).toBe(2);
    expect(await generateTasks(b, now)).toBe(2);
    const onA = await todayView(a.db, 's-A', now);
    expect(onA.planTasks.map((t) => t.customerName).sort()).toEqual(['张伟', '李娜']);
    const done = onA.planTasks[0];
    expect((await finishTask(a, done, 'done', '')).ok).toBe(true);
    // Generating again adds nothing.
    expect(await generateTasks(a, now)).toBe(0);

    const ledger: ShardName = ledgerShard(day(now).slice(0, 7));
    await merge([da, db], [ledger]);
    for (const d of [a, b]) {
      expect(await d.db.tasks.count()).toBe(2);
      const view = await todayView(d.db, `s-${d.config.deviceCode}`, now);
      expect(view.planTasks.map((t) => t.id)).toEqual(onA.planTasks.filter((t) => t.id !== done.id).map((t) => t.id));
      expect((await d.read(ledger, 'tasks', done.id))?.customerName).toBe(done.customerName);
    }
  });

  it('an after-last-contact task is reset by a logged contact', async () => {
    const a = device('A').store;
    const made = await createCustomer(a, { name: '赵敏', phones: [], unitCode: '1-1-101', tags: ['独居老人'] });
    if (!made.ok) throw new Error('refused');
    const now = new Date();
    await savePlan(a, null, {
      name: '回访', group: { kinds: [], buildings: [], tags: ['独居老人'], grades: [], complaintSince: '' }, recurrence: { every: 'afterContact', days: 7 },
      start: day(now), ownerId: '', teamId: '', templateId: '', active: true,
    });
    await generateTasks(a, now);
    expect((await todayView(a.db, 's-A', now)).planTasks).toHaveLength(1);
    await logContact(a, { customerId: made.value, unitCode: '1-1-101', channel: 'phone', summary: '电话问候' });
    // The contact resets the plan: nothing due today, the next task a week on.
    expect((await todayView(a.db, 's-A', now)).planTasks).toHaveLength(0);
    await generateTasks(a, now);
    const next = await a.db.tasks.where('customerId').equals(made.value).toArray();
    const today = officeDay(now, (await serviceSettings(a.db)).calendar);
    expect(next.map((t) => t.due).sort()).toContain(addDays(today, 7));
  });

  it('a plan for "complained since" counts complaints from the office’s midnight of that day, not UTC’s', async () => {
    const a = device('A').store;
    const ids: string[] = [];
    for (const name of ['早到', '前晚']) {
      const made = await createCustomer(a, { name, phones: [], unitCode: '1-1-101', tags: [] });
      if (!made.ok) throw new Error('refused');
      ids.push(made.value);
    }
    const now = new Date();
    const settings = await serviceSettings(a.db);
    const today = officeDay(now, settings.calendar);
    // 01:00 today in the office (before UTC's midnight in Beijing), and 23:00 the evening before.
    const { start } = officeDaysRange(today, today, settings.calendar);
    const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString();
    for (const [i, when] of [[0, at(60)], [1, at(-60)]] as const) {
      const ctx = { ...a.context(), now: when };
      const made = takeRequest({ kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'phone', description: '噪音', customerId: ids[i], customerName: '', unitCode: '1-1-101', phone: '', location: '' }, `TS-${i}`, settings, ctx);
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      expect((await a.run(made.value.command)).ok).toBe(true);
    }
    await savePlan(a, null, {
      name: '投诉回访', group: { kinds: [], buildings: [], tags: [], grades: [], complaintSince: today }, recurrence: { every: 'afterContact', days: 7 },
      start: today, ownerId: '', teamId: '', templateId: '', active: true,
    });
    await generateTasks(a, now);
    expect((await a.db.tasks.toArray()).map((t) => t.customerId)).toEqual([ids[0]]);
  });
});
