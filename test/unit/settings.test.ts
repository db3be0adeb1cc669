import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { createStaff, type StaffRole } from '../../src/domain/staff/staff';
import type { OfficeStore } from '../../src/store/office-store';
import { merge, openDevice, secondConnection, type Device } from '../helpers/devices';
import { serviceSettings } from '../../src/store/queries/settings';
import { saveServiceSettings, updateStaffMember } from '../../src/store/settings';


/**
 * A device used by `staffId`, whose profile (with `role`) is on it: the shared device harness,
 * each device with its own IndexedDB, as two tablets have; `merge` is what the relay does.
 */
async function device(staffId: string, role: StaffRole, deviceCode = 'A', officeId?: string): Promise<Device> {
  const d = openDevice({ officeId, deviceCode, staffId, staffName: staffId });
  const made = createStaff(staffId, role, { now: new Date().toISOString() }, staffId, '', { creator: 'founder' });
  if (!made.ok) throw new Error('staff refused');
  expect((await d.store.run(made.value.command)).ok).toBe(true);
  return d;
}

function edited() {
  const s = structuredClone(defaultServiceSettings());
  s.categories[0].teamId = 'environment';
  s.categories[0].normal.finish = 12;
  s.calendar.holidays = ['2025-10-01', '2025-10-02'];
  return s;
}

describe('service settings in the store', () => {
  it('a manager saves them; serviceSettings(db) returns them, also from a fresh connection', async () => {
    const store = (await device('m1', 'manager')).store;
    expect(await serviceSettings(store.db)).toEqual(defaultServiceSettings());
    const next = edited();
    expect(await saveServiceSettings(store, next)).toEqual({ ok: true, value: true });
    const read = await serviceSettings(store.db);
    expect(read.categories[0]).toMatchObject({ id: 'water-electric', teamId: 'environment', normal: { respond: 1, finish: 12, reportBack: 12 } });
    expect(read.calendar.holidays).toEqual(['2025-10-01', '2025-10-02']);
    // Another tab (or the app after a restart) reads the same from IndexedDB.
    const other = secondConnection(store);
    const row = await other.settings.get('service');
    expect(row?.data).toMatchObject({ updatedBy: 'm1', calendar: { holidays: ['2025-10-01', '2025-10-02'] } });
    expect(row?.data).not.toHaveProperty('history');
    other.close();
    // Saving the same again changes nothing.
    expect(await saveServiceSettings(store, next)).toEqual({ ok: true, value: false });
  });

  it('keeps the history of changes in the office document', async () => {
    const store = (await device('m1', 'manager')).store;
    await saveServiceSettings(store, edited());
    const record = await store.read('office', 'settings', 'service');
    const history = record!.history as { action: string; by: string; changes: { field: string }[] }[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'history.updated', by: 'm1' });
    expect(history[0].changes.map((c) => c.field)).toEqual(['service.categoryTeam', 'service.limitsNormal', 'service.holidays']);
  });

  it('refuses a receptionist and a team member, and nothing is written', async () => {
    for (const [who, role] of [['r1', 'reception'], ['t1', 'team']] as const) {
      const store = (await device(who, role)).store;
      expect(await saveServiceSettings(store, edited())).toEqual({ ok: false, problems: [{ code: 'settings.error.managerOnly' }] });
      expect(await store.db.settings.get('service')).toBeUndefined();
      expect(await serviceSettings(store.db)).toEqual(defaultServiceSettings());
    }
  });

  it('refuses invalid settings with the problems', async () => {
    const store = (await device('m1', 'manager')).store;
    const bad = edited();
    bad.calendar.holidays = ['2025-13-01'];
    const r = await saveServiceSettings(store, bad);
    expect(r).toEqual({ ok: false, problems: [{ code: 'settings.error.badDate', field: 'calendar.holidays', params: { date: '2025-13-01' } }] });
  });

  it('two managers offline: one changes the calendar, the other a category; after the merge both stand', async () => {
    const da = await device('m1', 'manager', 'A');
    const db = await device('m2', 'manager', 'B', da.config.officeId);
    const [a, b] = [da.store, db.store];
    // The record exists on both once a first save has reached both (the very first upsert of a
    // missing record is a whole-record write: two first saves at once would keep one).
    const base = defaultServiceSettings();
    base.calendar.start = '08:00';
    expect((await saveServiceSettings(a, base)).ok).toBe(true);
    await merge([da, db], ['office']);

    const calendarEdit = structuredClone(base);
    calendarEdit.calendar.holidays = ['2025-10-01'];
    const categoryEdit = structuredClone(base);
    categoryEdit.categories[1].teamId = 'admin';
    expect(await saveServiceSettings(a, calendarEdit)).toEqual({ ok: true, value: true });
    expect(await saveServiceSettings(b, categoryEdit)).toEqual({ ok: true, value: true });
    await merge([da, db], ['office']);
    for (const store of [a, b]) {
      const s = await serviceSettings(store.db);
      expect(s.calendar.holidays).toEqual(['2025-10-01']);
      expect(s.categories[1].teamId).toBe('admin');
    }
  });
});

describe('staff in the store', () => {
  it('a manager puts a receptionist in a team as a team member; a receptionist may not', async () => {
    const managerDevice = await device('m1', 'manager');
    const manager = managerDevice.store;
    const made = createStaff('李师傅', 'reception', { now: new Date().toISOString() }, 's9');
    if (!made.ok) throw new Error('refused');
    await manager.run(made.value.command);
    expect(await updateStaffMember(manager, 's9', { role: 'team', teamId: 'engineering' })).toEqual({ ok: true, value: true });
    expect(await updateStaffMember(manager, 's9', { teamId: 'nope' })).toEqual({ ok: false, problems: [{ code: 'staff.error.badTeam', field: 'team' }] });
    expect(await updateStaffMember(manager, 'm1', { role: 'reception' })).toEqual({ ok: false, problems: [{ code: 'staff.error.lastManager', field: 'role' }] });
    expect(await manager.db.staff.get('s9')).toMatchObject({ role: 'team', teamId: 'engineering' });

    const receptionDevice = await device('r1', 'reception', 'B', managerDevice.config.officeId);
    const reception = receptionDevice.store;
    await merge([managerDevice, receptionDevice], ['office']);
    expect(await reception.db.staff.get('s9')).toMatchObject({ role: 'team', teamId: 'engineering' });
    expect(await updateStaffMember(reception, 's9', { teamId: 'environment' })).toEqual({ ok: false, problems: [{ code: 'staff.error.managerOnly' }] });
  });
});
