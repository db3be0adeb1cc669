import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCustomer, editNotes, readCustomer, updateCustomer } from '../../src/store/customers';
import { searchCustomers } from '../../src/store/queries/customers';
import type { OfficeStore } from '../../src/store/office-store';
import { ShardDoc } from '../../src/store/shard-doc';
import { newId } from '../../src/domain/ids';
import { createStaff } from '../../src/domain/staff/staff';
import { compare, merge, openDevice, openDevices, type Via } from '../helpers/devices';

/** A device of its own office (staff s1 王丽 on device A unless said otherwise), its store in this thread. */
function open(officeId: string, staffId = 's1', deviceCode = 'A'): OfficeStore {
  return openDevice({ officeId, staffId, deviceCode, staffName: staffId === 's1' ? '王丽' : '赵强' }).store;
}

// The write path, merging and compaction hold for the store in this thread and for the app's
// path through the sync worker's code (a MessageChannel, structured cloning, OfficeClient).
describe.each<Via>(['store', 'worker'])('via %s', (via) => {
  describe('the write path', () => {
    it('resolves a command only once the update and its projection row are in IndexedDB', async () => {
      const device = openDevice({ via });
      const made = await createCustomer(device.office, { name: '张伟', phones: ['13812345678'], unitCode: '3栋2单元1101' }, '老人独居');
      expect(made.ok).toBe(true);
      // A second, independent connection (another tab, or the app after a crash) sees it all.
      const other = device.openDb();
      const rows = await other.customers.toArray();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: '张伟', unitCode: '3-2-1101', phones: ['13812345678'] });
      expect(await other.updates.where('shard').equals('directory').count()).toBeGreaterThan(0);
      other.close();
    });

    it('reopens from disk with every field, text and history line', async () => {
      const first = openDevice({ via });
      const made = await createCustomer(first.office, { name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101' }, '');
      if (!made.ok) throw new Error('create failed');
      await editNotes(first.office, made.value, '需要上门');
      await updateCustomer(first.office, made.value, { name: '张伟', phones: ['13812345679'], unitCode: '3-2-1101' });
      const again = await first.reopen();
      const c = await readCustomer(again.office, made.value);
      expect(c).toMatchObject({ name: '张伟', phones: ['13812345679'], notes: '需要上门' });
      expect(c!.history.map((h) => h.action)).toEqual(['history.created', 'history.notesEdited', 'history.updated']);
      expect(c!.history.every((h) => h.by === 's1' && h.byName === '王丽' && h.device === 'A')).toBe(true);
    });

    it('shows a watched record’s changes as they are made', async () => {
      const device = openDevice({ via });
      const made = await createCustomer(device.office, { name: '张伟', phones: [], unitCode: '' });
      if (!made.ok) throw new Error('create failed');
      const seen: unknown[] = [];
      const stop = device.office.watch('directory', 'customers', made.value, (r) => seen.push(r?.name));
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      await updateCustomer(device.office, made.value, { name: '张伟强', phones: [], unitCode: '' });
      await expect.poll(() => seen.at(-1)).toBe('张伟强');
      stop();
    });

    it('refuses a duplicate phone with the holder named', async () => {
      const { office } = openDevice({ via });
      await createCustomer(office, { name: '李娜', phones: ['13900001111'], unitCode: '1-1-101' });
      const dup = await createCustomer(office, { name: '张伟', phones: ['139 0000 1111'], unitCode: '' });
      expect(dup.ok).toBe(false);
      if (!dup.ok) expect(dup.problems[0].params).toMatchObject({ name: '李娜', unit: '1-1-101' });
    });

    it('reports a missing record instead of applying half a command', async () => {
      const { office } = openDevice({ via });
      const r = await updateCustomer(office, 'nope', { name: 'x', phones: [], unitCode: '' });
      expect(r).toEqual({ ok: false, problems: [{ code: 'error.notFound' }] });
    });
  });

  describe('merging', () => {
    it('keeps both people’s edits of different fields and both notes', async () => {
      const [a, b] = openDevices(2, { via });
      const made = await createCustomer(a.office, { name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101' }, '原备注');
      if (!made.ok) throw new Error('create failed');
      await merge([a, b], ['directory']);
      // Offline, at the same time:
      await updateCustomer(a.office, made.value, { name: '张伟', phones: ['13812345679'], unitCode: '3-2-1101' });
      await updateCustomer(b.office, made.value, { name: '张伟强', phones: ['13812345678'], unitCode: '3-2-1101' });
      await editNotes(a.office, made.value, '原备注，A补充');
      await editNotes(b.office, made.value, 'B开头：原备注');
      // Back online:
      await merge([a, b], ['directory']);
      for (const device of [a, b]) {
        const c = await readCustomer(device.office, made.value);
        expect(c).toMatchObject({ name: '张伟强', phones: ['13812345679'], notes: 'B开头：原备注，A补充' });
      }
      await compare([a, b], ['directory']);
    });
  });

  describe('compaction', () => {
    it('folds a long update log into one row without losing anything', async () => {
      const device = openDevice({ via });
      const made = await createCustomer(device.office, { name: '张伟', phones: [], unitCode: '' });
      if (!made.ok) throw new Error('create failed');
      let text = '';
      for (let i = 0; i < 420; i++) {
        text += String(i % 10);
        await editNotes(device.office, made.value, text);
      }
      const rows = await device.store.db.updates.where('shard').equals('directory').count();
      expect(rows).toBeLessThan(100);
      const fresh = new ShardDoc(device.openDb(), 'directory');
      await fresh.load();
      expect((fresh.doc.getMap('customers').get(made.value) as Y.Map<unknown>).get('notes')!.toString()).toBe(text);
      fresh.destroy();
    });

    it('keeps a row another tab wrote meanwhile when it compacts', async () => {
      const tab1 = openDevice({ via });
      const tab2 = openDevice({ officeId: tab1.config.officeId, via, sameDiskAs: tab1 });
      const made = await createCustomer(tab1.office, { name: '张伟', phones: [], unitCode: '' });
      if (!made.ok) throw new Error('create failed');
      await tab2.office.load('directory');
      // Tab 2 writes a customer tab 1's document never sees; tab 1 then compacts its log.
      const other = await createCustomer(tab2.office, { name: '李娜', phones: [], unitCode: '' });
      if (!other.ok) throw new Error('create failed');
      let text = '';
      for (let i = 0; i < 420; i++) await editNotes(tab1.office, made.value, (text += 'x'));
      const fresh = new ShardDoc(tab1.openDb(), 'directory');
      await fresh.load();
      expect(fresh.doc.getMap('customers').has(other.value)).toBe(true);
      fresh.destroy();
    });
  });
});

describe('projection', () => {
  it('is updated by a colleague’s edit arriving from sync, and rebuilt when stale', async () => {
    const here = openDevice({ staffId: 's1', staffName: '王丽' });
    const store = here.store;
    // A colleague's device makes a customer; its update arrives as a remote one (origin 'relay').
    const colleague = openDevice({ officeId: here.config.officeId, staffId: 's2', staffName: '赵强', deviceCode: 'B' });
    const made = await createCustomer(colleague.store, { name: '赵强', phones: [], unitCode: '5-0302' });
    if (!made.ok) throw new Error('create failed');
    await merge([here, colleague], ['directory']);
    expect((await searchCustomers(store.db, '赵')).map((r) => r.name)).toEqual(['赵强']);

    // Wipe the projection and mark it stale: the next open derives it again from the document.
    await store.db.customers.clear();
    await store.db.meta.put({ key: 'projection:directory', value: 'stale' });
    const fresh = new ShardDoc(store.db, 'directory');
    await fresh.load();
    expect((await store.db.customers.toArray()).map((r) => r.name)).toEqual(['赵强']);
    fresh.destroy();
  });

  it('finds customers by name fragment, phone digits and any unit form', async () => {
    const store = open(newId());
    await createCustomer(store, { name: '欧阳娜娜', phones: ['13812345678'], unitCode: '3-2-1101' });
    await createCustomer(store, { name: '张伟', phones: ['13900001111'], unitCode: '5-1-0302' });
    const names = async (q: string) => (await searchCustomers(store.db, q)).map((r) => r.name);
    expect(await names('阳娜')).toEqual(['欧阳娜娜']);
    expect(await names('5678')).toEqual(['欧阳娜娜']);
    expect(await names('0000')).toEqual(['张伟']);
    expect(await names('3栋2单元1101')).toEqual(['欧阳娜娜']);
    expect(await names('3#2-1101')).toEqual(['欧阳娜娜']);
    expect(await names('5-1-0302')).toEqual(['张伟']);
    expect(await names('')).toHaveLength(2);
  });
});

describe('office settings', () => {
  it('names the office on first use (the settings record is created by the command)', async () => {
    const { setOfficeName } = await import('../../src/domain/staff/staff');
    const store = open(newId());
    const cmd = setOfficeName('翠湖花园管理处', store.context());
    if (!cmd.ok) throw new Error('refused');
    expect(await store.run(cmd.value)).toEqual({ ok: true, value: undefined });
    expect(await store.db.settings.get('office')).toMatchObject({ name: '翠湖花园管理处' });
  });
});

describe('personal data', () => {
  it('records in the history who revealed a full phone or ID number', async () => {
    const { revealIdNumber, revealPhone } = await import('../../src/store/customers');
    const store = open(newId());
    const boss = createStaff('王丽', 'manager', store.context(), 's1', '', { creator: 'founder' });
    if (!boss.ok) throw new Error('staff');
    await store.run(boss.value.command);
    const made = await createCustomer(store, { name: '张伟', phones: ['13812345678'], unitCode: '', idNumber: '11010519491231002X' });
    if (!made.ok) throw new Error('create failed');
    expect((await revealPhone(store, made.value)).ok).toBe(true);
    expect((await revealIdNumber(store, made.value)).ok).toBe(true);
    const c = await readCustomer(store, made.value);
    expect(c!.history.slice(-2).map((h) => [h.action, h.byName])).toEqual([['history.phoneRevealed', '王丽'], ['history.idRevealed', '王丽']]);
    // The history itself never holds the full number.
    await updateCustomer(store, made.value, { name: '张伟', phones: ['13812345679'], unitCode: '' });
    const again = await readCustomer(store, made.value);
    expect(JSON.stringify(again!.history)).not.toContain('13812345679');
  });

  it('refuses a second customer with the same ID number, naming the first', async () => {
    const store = open(newId());
    await createCustomer(store, { name: '李娜', phones: [], unitCode: '', idNumber: '11010519491231002X' });
    const dup = await createCustomer(store, { name: '李小娜', phones: [], unitCode: '', idNumber: '11010519491231002x' });
    expect(!dup.ok && dup.problems[0]).toMatchObject({ code: 'customer.error.duplicateId', params: { name: '李娜' } });
  });

  it('refuses a unit the register does not know, once the office keeps a register', async () => {
    const { createUnit } = await import('../../src/store/units');
    const store = open(newId());
    expect((await createCustomer(store, { name: '甲', phones: [], unitCode: '9-9-909' })).ok).toBe(true);
    await createUnit(store, { code: '3-2-1101', area: '', use: 'residential', status: 'owner' });
    const r = await createCustomer(store, { name: '乙', phones: [], unitCode: '9-9-909' });
    expect(!r.ok && r.problems[0].code).toBe('customer.error.unknownUnit');
    expect((await createCustomer(store, { name: '丙', phones: [], unitCode: '3栋2单元1101' })).ok).toBe(true);
  });
});
