import { createSignal } from 'solid-js';
import { hotLedgers } from '../domain/shards';
import { loadDeviceConfig, saveDeviceConfig, type DeviceConfig } from '../store/device';
import { OfficeClient } from '../store/office-client';
import { forgetSession, sessionProven } from '../store/session-proof';
import { staffMember } from '../store/queries/staff';

/**
 * The device's session: which office is open and who is using it. Held at module level
 * because there is exactly one per tab; everything else receives the store explicitly.
 */
const [store, setStore] = createSignal<OfficeClient | null>(null);
const [staffId, setStaffId] = createSignal<string | null>(null);
export { store, staffId };

export function openOffice(config: DeviceConfig): OfficeClient {
  const previous = store();
  if (previous && previous.config.officeId === config.officeId) return previous;
  void previous?.close();
  // The documents load in the sync worker, off this thread. The worker loads the office shard
  // (staff and settings) and this month's ledger — a new record is written into it, so the desk
  // can save soonest — as soon as it starts, without waiting for the page to ask; the directory
  // and last month's ledger (the rest of what the worker keeps live) once the first screen is
  // up: lists read the projection and need no document, and a page that needs a record loads
  // its shard at once.
  const [thisMonth, lastMonth] = hotLedgers(new Date().toISOString());
  const office = new OfficeClient(config, ['office', thisMonth]);
  setStore(office);
  setStaffId(config.staffId ?? null);
  if (config.staffId) void resumeStaff(office, config.staffId);
  // Opened on a form that writes (受理登记, 新客户…): the save needs the worker, so it starts now,
  // and the directory (8,000 customers: a second or more of the worker's time, one task it
  // cannot break off) loads only after the first save, or 10 s after this month's ledger is in
  // (the tab could save by then) — a save arriving while it loads would wait for it. A create
  // needs only its month: the form reads customers from the projection.
  const writing = typeof location !== 'undefined' && WRITING_ROUTE.test(location.pathname);
  if (writing) office.start();
  firstScreen.then(async () => {
    office.start();
    if (writing) {
      await office.load(thisMonth).catch(() => undefined);
      // After the save, a moment more: the saved record's page, shown at once, reads it through the worker.
      const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      await Promise.race([office.firstSave.then(() => delay(AFTER_SAVE_MS)), delay(DIRECTORY_AFTER_MS)]);
    }
    for (const shard of ['directory', lastMonth] as const) await office.load(shard).catch(() => undefined);
  });
  void requestPersistence();
  return office;
}

/** The routes of forms that create a record (`/requests/new`, `/customers/new`, …). */
const WRITING_ROUTE = /\/new\/?$/;
/** How long a tab opened on such a form holds the directory's load back at most once it could save, waiting for its first save. */
const DIRECTORY_AFTER_MS = 10_000;
/** After that save: the page it leads to (the saved request's) gets its record from the worker first (measured: it waited out the directory's load). */
const AFTER_SAVE_MS = 1000;

let markFirst: () => void = () => {};
const firstScreen = new Promise<void>((resolve) => {
  markFirst = resolve;
  setTimeout(resolve, 500);
});

/**
 * Resolves once the first screen shows real content (or after 500 ms on a page that does not
 * say): work that page does not need — a chunk fetched ahead for later — waits for it.
 */
export function afterFirstScreen(): Promise<void> {
  return firstScreen;
}

/** Called by the first screen once it shows real content. */
export function firstScreenShown(): void {
  markFirst();
}

/**
 * A reopened device already knows who uses it: say so again to the commands (whose history
 * lines carry the name) and to colleagues' presence, as choosing the profile did.
 */
async function resumeStaff(office: OfficeClient, id: string): Promise<void> {
  // The projection already holds the staff (no document needed, so the worker may start later).
  const row = await staffMember(office.db, id);
  // Colleagues see this person online only if the tablet can prove they entered with their PIN
  // (an edited staffId in localStorage is not shown to anyone as that person).
  if (row && !(await sessionProven(office.config.officeId, id))) return;
  if (row && store() === office && office.config.staffId === id && !office.presence.me()) {
    // Devices set up before the name was kept with the config learn it here.
    office.config.staffName = row.name;
    saveDeviceConfig(office.config);
    office.configChanged();
    office.presence.setUser({ staffId: id, name: row.name, device: office.config.deviceCode });
  }
}

export function resumeSession(): OfficeClient | null {
  const config = loadDeviceConfig();
  return config ? openOffice(config) : null;
}

/** Takes a profile on this device. Callers have checked its PIN first (lock/lock-state.ts `enterAs`). */
export function chooseStaff(id: string, name: string): void {
  const office = store();
  if (!office) return;
  office.config.staffId = id;
  office.config.staffName = name;
  saveDeviceConfig(office.config);
  office.configChanged();
  office.presence.setUser({ staffId: id, name, device: office.config.deviceCode });
  setStaffId(id);
}

export function signOut(): void {
  const office = store();
  if (!office) return;
  forgetSession(office.config.officeId);
  delete office.config.staffId;
  delete office.config.staffName;
  saveDeviceConfig(office.config);
  office.configChanged();
  office.presence.setUser(null);
  setStaffId(null);
}

/** Asks the browser not to evict our IndexedDB; the answer is shown in settings. */
export const [persisted, setPersisted] = createSignal<boolean | null>(null);
export async function requestPersistence(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) {
    setPersisted(null);
    return;
  }
  try {
    const already = await navigator.storage.persisted();
    setPersisted(already || (await navigator.storage.persist()));
  } catch {
    setPersisted(false);
  }
}
