import { describe, expect, it } from 'vitest';
import { isPinHash, PIN_LOCK_MS, type PinHash } from '../../src/domain/staff/pin';
import type { HistoryEntry } from '../../src/domain/history';
import type { OfficeStore } from '../../src/store/office-store';
import { openDevice } from '../helpers/devices';
import { addStaffProfile, checkStaffPin, idleLockMinutes, pinLockOf, resetColleaguePin, saveIdleLock, setMyPin } from '../../src/store/staff-pins';

/** The Web Storage interface over a Map: what localStorage is to a tablet, for one test device. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(k: string) { return this.items.get(k) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(k: string) { this.items.delete(k); }
  setItem(k: string, v: string) { this.items.set(k, String(v)); }
}

/** A fresh tablet of a fresh office, nobody chosen on it yet. */
function tablet(): OfficeStore {
  return openDevice({ deviceCode: 'B', staffId: null }).store;
}

/** This tablet is now used by `id` (as choosing the profile does). */
function use(store: OfficeStore, id: string, name: string) {
  store.config.staffId = id;
  store.config.staffName = name;
}

/** The office (its founder, a manager) and a receptionist who joined on the same tablet. */
async function office() {
  const store = tablet();
  const boss = await addStaffProfile(store, { name: '陈经理', role: 'manager', pin: '135790', pinAgain: '135790' }, true);
  if (!boss.ok) throw new Error(JSON.stringify(boss.problems));
  const wang = await addStaffProfile(store, { name: '王丽', role: 'reception', pin: '914273', pinAgain: '914273' });
  if (!wang.ok) throw new Error(JSON.stringify(wang.problems));
  return { store, boss: boss.value.id, wang: wang.value.id };
}

const everything = async (store: OfficeStore) => JSON.stringify(await store.readAll('office', 'staff'));

describe('staff PINs in the store', () => {
  it('keeps a salted PBKDF2 hash in the office document, never the PIN', async () => {
    const { store, boss, wang } = await office();
    const record = await store.read('office', 'staff', wang);
    const pin = record?.pin as PinHash;
    expect(isPinHash(pin)).toBe(true);
    expect(pin.iterations).toBeGreaterThanOrEqual(100_000);
    expect(atob(pin.salt)).toHaveLength(16);
    expect(await everything(store)).not.toContain('914273');
    // Every update on disk, as bytes: the PIN is in none of them.
    const updates = await store.db.updates.toArray();
    const text = updates.map((u) => new TextDecoder('utf-8', { fatal: false }).decode(u.update)).join('');
    expect(text).not.toContain('914273');
    expect(text).not.toContain('135790');
    // Same PIN, other profile: another salt, another hash.
    const li = await addStaffProfile(store, { name: '李娜', role: 'reception', pin: '914273', pinAgain: '914273' });
    if (!li.ok) throw new Error('refused');
    const other = (await store.read('office', 'staff', li.value.id))?.pin as PinHash;
    expect(other.salt).not.toBe(pin.salt);
    expect(other.hash).not.toBe(pin.hash);
    expect((await store.read('office', 'staff', boss))?.role).toBe('manager');
  });

  it('checks a typed PIN: right, wrong (with tries left), malformed (not counted)', async () => {
    const { store, wang } = await office();
    const storage = new MemoryStorage();
    expect(await checkStaffPin(store, wang, '914273', { storage })).toEqual({ ok: true, value: { mustChange: false } });
    expect(await checkStaffPin(store, wang, '914274', { storage })).toEqual({ ok: false, problems: [{ code: 'pin.error.wrong', field: 'pin', params: { left: 4 } }] });
    expect(await checkStaffPin(store, wang, '12', { storage })).toEqual({ ok: false, problems: [{ code: 'pin.error.format', field: 'pin' }] });
    expect(await checkStaffPin(store, wang, '000000', { storage })).toMatchObject({ ok: false, problems: [{ params: { left: 3 } }] });
    // The right PIN starts the count again.
    expect((await checkStaffPin(store, wang, '914273', { storage })).ok).toBe(true);
    expect(await checkStaffPin(store, wang, '000000', { storage })).toMatchObject({ ok: false, problems: [{ params: { left: 4 } }] });
  });

  it('five wrong PINs lock the profile on this device for five minutes, even for the right PIN; then it opens', async () => {
    const { store, wang, boss } = await office();
    const storage = new MemoryStorage();
    let now = new Date(2025, 2, 3, 9, 30).getTime();
    const deps = { storage, now: () => now };
    for (let i = 0; i < 4; i++) expect((await checkStaffPin(store, wang, '111111', deps)).ok).toBe(false);
    const fifth = await checkStaffPin(store, wang, '111111', deps);
    expect(fifth).toEqual({ ok: false, problems: [{ code: 'pin.error.locked', field: 'pin', params: { name: '王丽', time: '09:35', minutes: 5 } }] });
    expect(pinLockOf(store, wang, deps)).toBe(now + PIN_LOCK_MS);
    now += 60_000;
    expect(await checkStaffPin(store, wang, '914273', deps)).toMatchObject({ ok: false, problems: [{ code: 'pin.error.locked', params: { minutes: 4 } }] });
    // Another profile on the same tablet is not locked, nor is this one on another tablet.
    expect((await checkStaffPin(store, boss, '135790', deps)).ok).toBe(true);
    expect((await checkStaffPin(store, wang, '914273', { storage: new MemoryStorage(), now: () => now })).ok).toBe(true);
    // Kept on the device: a reload (a new read of the storage) still sees the lock.
    expect(JSON.parse(storage.getItem(`linli.pinTries.${store.config.officeId}`)!)[wang].lockedUntil).toBe(now - 60_000 + PIN_LOCK_MS);
    now += PIN_LOCK_MS - 60_000;
    expect(pinLockOf(store, wang, deps)).toBeNull();
    expect((await checkStaffPin(store, wang, '914273', deps)).ok).toBe(true);
  });

  it('a newcomer cannot create a manager profile; a manager can', async () => {
    const { store, boss } = await office();
    expect(await addStaffProfile(store, { name: '假经理', role: 'manager', pin: '2468', pinAgain: '2468' })).toEqual({ ok: false, problems: [{ code: 'staff.error.managerGrant', field: 'role' }] });
    use(store, boss, '陈经理');
    expect((await addStaffProfile(store, { name: '周经理', role: 'manager', pin: '2468', pinAgain: '2468' })).ok).toBe(true);
  });

  it('says every problem of the new-profile form at once, and creates nothing', async () => {
    const { store } = await office();
    const before = (await store.db.staff.count());
    expect(await addStaffProfile(store, { name: '', role: 'reception', pin: '12', pinAgain: '12' })).toEqual({
      ok: false,
      problems: [{ code: 'staff.error.nameRequired', field: 'name' }, { code: 'pin.error.format', field: 'pin' }],
    });
    expect(await addStaffProfile(store, { name: '赵敏', role: 'reception', pin: '2468', pinAgain: '8642' })).toEqual({ ok: false, problems: [{ code: 'pin.error.mismatch', field: 'pinAgain' }] });
    expect(await store.db.staff.count()).toBe(before);
  });

  it('a manager resets a colleague’s PIN to a temporary one; the colleague replaces it; history has no PIN', async () => {
    const { store, boss, wang } = await office();
    const storage = new MemoryStorage();
    // Not as the receptionist.
    use(store, wang, '王丽');
    expect(await resetColleaguePin(store, boss, { pin: '5555', again: '5555' }, { storage })).toEqual({ ok: false, problems: [{ code: 'pin.error.resetManagerOnly' }] });
    use(store, boss, '陈经理');
    // 王丽 had locked herself out; the reset ends that.
    for (let i = 0; i < 5; i++) await checkStaffPin(store, wang, '000000', { storage });
    expect(pinLockOf(store, wang, { storage })).not.toBeNull();
    expect(await resetColleaguePin(store, wang, { pin: '5555', again: '5555' }, { storage })).toEqual({ ok: true, value: undefined });
    expect(pinLockOf(store, wang, { storage })).toBeNull();
    expect(await checkStaffPin(store, wang, '914273', { storage })).toMatchObject({ ok: false, problems: [{ code: 'pin.error.wrong' }] });
    expect(await checkStaffPin(store, wang, '5555', { storage })).toEqual({ ok: true, value: { mustChange: true } });
    // She sets her own, with the temporary one as proof.
    expect(await setMyPin(store, wang, { next: '7777', again: '7777', current: '0000' }, { storage })).toMatchObject({ ok: false, problems: [{ code: 'pin.error.wrong' }] });
    expect(await setMyPin(store, wang, { next: '7777', again: '7777', current: '5555' }, { storage })).toEqual({ ok: true, value: undefined });
    expect(await checkStaffPin(store, wang, '7777', { storage })).toEqual({ ok: true, value: { mustChange: false } });
    expect((await checkStaffPin(store, wang, '5555', { storage })).ok).toBe(false);
    const history = (await store.read('office', 'staff', wang))?.history as HistoryEntry[];
    expect(history.map((h) => [h.action, h.byName])).toEqual([['history.created', '王丽'], ['history.pinReset', '陈经理'], ['history.pinSet', '王丽']]);
    const json = JSON.stringify(history);
    for (const secret of ['5555', '7777', '914273', 'PBKDF2', 'salt', 'hash']) expect(json).not.toContain(secret);
  });

  it('a profile from before PINs sets one on first use, with no current PIN; then it is asked', async () => {
    const store = tablet();
    const { createStaff } = await import('../../src/domain/staff/staff');
    const old = createStaff('老张', 'team', { now: new Date().toISOString() }, 'old1', 'engineering');
    if (!old.ok) throw new Error('refused');
    await store.run(old.value.command);
    const storage = new MemoryStorage();
    expect(await checkStaffPin(store, 'old1', '1234', { storage })).toEqual({ ok: false, problems: [{ code: 'pin.error.notSet', field: 'pin' }] });
    expect(await setMyPin(store, 'old1', { next: '8080', again: '8080' }, { storage })).toEqual({ ok: true, value: undefined });
    expect(await setMyPin(store, 'old1', { next: '9090', again: '9090' }, { storage })).toMatchObject({ ok: false, problems: [{ code: 'pin.error.required' }] });
    expect((await checkStaffPin(store, 'old1', '8080', { storage })).ok).toBe(true);
  });

  it('the idle time is 10 minutes until a manager sets another; others cannot', async () => {
    const { store, boss, wang } = await office();
    expect(await idleLockMinutes(store)).toBe(10);
    use(store, wang, '王丽');
    expect(await saveIdleLock(store, '3')).toEqual({ ok: false, problems: [{ code: 'lock.error.managerOnly' }] });
    use(store, boss, '陈经理');
    expect(await saveIdleLock(store, '3')).toEqual({ ok: true, value: true });
    expect(await idleLockMinutes(store)).toBe(3);
  });
});
