/**
 * Month ledgers (issue 23): a tablet keeps this and last month loaded, loads any other month
 * when a record of it is opened or written and unloads it again when idle; a colleague's edit
 * to a month it has not loaded reaches its projection through the office's change feed; and
 * year ledgers of the old build are split on tablets and on the relay without losing an edit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandContext } from '../../src/domain/actor';
import { dispatch, takeRequest as takeCommand, type IntakeInput } from '../../src/domain/requests/lifecycle';
import { requestFromRecord } from '../../src/domain/requests/record';
import type { ServiceRequest } from '../../src/domain/requests/types';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import type { ShardName } from '../../src/domain/shards';
import { applyCommand } from '../../src/store/apply';
import type { LinliDB } from '../../src/store/db';
import type { Office } from '../../src/store/office-api';
import { readRequest, runStep, takeRequest } from '../../src/store/requests';
import { LOCAL_ORIGIN, ShardDoc } from '../../src/store/shard-doc';
import type { Relay } from '../../sync-server/relay';
import { openDevice, type Device } from '../helpers/devices';
import { whenSynced, yClient } from '../helpers/client';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import WebSocket from 'ws';

const settings = defaultServiceSettings();
const repair = (text: string): IntakeInput => ({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: text, customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' });
/** A workflow step (accepted → dispatched) that the tests make on a record. */
const step = (req: ServiceRequest, ctx: CommandContext) => dispatch(req, 'team1', ctx.actor.staffId, ctx, { team: '一组', assignee: ctx.actor.name });
const ctxAt = (now: string, deviceCode = 'A'): CommandContext => ({ actor: { staffId: `s-${deviceCode}`, name: `员工${deviceCode}`, deviceCode }, now });

/** A request taken at `now` (a past month) through the app's write path. */
async function requestAt(office: Office, now: string, text: string, number: string): Promise<string> {
  const made = takeCommand(repair(text), number, settings, ctxAt(now, office.config.deviceCode));
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  expect((await office.run(made.value.command)).ok).toBe(true);
  return made.value.id;
}

/**
 * Resolves when `check` holds, checking again after each month this device unloads or refreshes
 * from the change feed (the events that bring colleagues' edits to a month it has not loaded).
 */
async function eventually<T>(events: EventTarget, read: () => Promise<T>, check: (row: T) => boolean, what: string, ms = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  try {
    for (;;) {
      const next = new Promise<void>((resolve) => events.addEventListener('change', () => resolve(), { once: true }));
      const row = await read();
      if (check(row)) return row;
      await Promise.race([next, timeout]);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves the next time the device unloads `shard`. */
function unloaded(events: EventTarget, shard: ShardName): Promise<void> {
  return new Promise((resolve) => events.addEventListener(shard, () => resolve(), { once: true }));
}

function tablet(officeId: string, deviceCode: string, relay?: Relay, token?: string, extra: { sameDiskAs?: Device } = {}) {
  const events = new EventTarget();
  const device = openDevice({
    officeId,
    deviceCode,
    staffId: `s-${deviceCode}`,
    staffName: `员工${deviceCode}`,
    ...(relay ? { relay: { url: wsUrl(relay), token: token! } } : {}),
    ...extra,
    store: {
      idleUnloadMs: 30,
      onUnloaded: (shard) => {
        events.dispatchEvent(new Event(shard));
        events.dispatchEvent(new Event('change'));
      },
      onRefreshed: () => events.dispatchEvent(new Event('change')),
    },
  });
  return { device, events };
}

let dataDir = '';
let relay: Relay | undefined;
beforeEach(async () => {
  dataDir = await tempDir('linli-months-');
});
afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await removeDir(dataDir);
});

describe('month ledgers on one tablet', () => {
  it('a record of a month that was unloaded opens and is edited', async () => {
    const { device, events } = tablet(`office-m-${Date.now()}`, 'A');
    const gone = unloaded(events, 'ledger-2025-03');
    const id = await requestAt(device.office, '2025-03-14T02:00:00.000Z', '三月的漏水', 'BX-2503-A-001');
    await gone;
    expect(device.store.loaded()).not.toContain('ledger-2025-03');
    // Opened again: the month loads on demand, the record is there and takes a step.
    const again = await readRequest(device.office, id);
    expect(again?.description).toBe('三月的漏水');
    const goneAgain = unloaded(events, 'ledger-2025-03');
    expect((await runStep(device.office, id, step)).ok).toBe(true);
    expect((await device.office.db.requests.get(id))?.status).toBe('dispatched');
    await goneAgain;
    expect((await readRequest(device.office, id))?.status).toBe('dispatched');
  });
});

describe('month ledgers between tablets', () => {
  it("a colleague's edit to a month this tablet has not opened reaches its projection", async () => {
    relay = await relayIn(dataDir);
    const office = await relay.offices.add('翠湖花园');
    const second = await relay.offices.join(office.id, (await relay.offices.invite(office.id, { createdByDevice: office.deviceCode })).code);
    if (!second.ok) throw new Error('join');
    const a = tablet(office.id, office.deviceCode, relay, office.token);
    const b = tablet(office.id, second.device.deviceCode, relay, second.device.token);
    const id = await requestAt(a.device.office, '2024-11-05T01:00:00.000Z', '去年十一月', 'BX-2411-A-001');
    await eventually(b.events, () => b.device.office.db.requests.get(id), (r) => !!r, 'the new request on B');
    expect(b.device.store.loaded()).not.toContain('ledger-2024-11');
    // A step on A: B hears of it through the feed and loads, syncs and unloads the month.
    expect((await runStep(a.device.office, id, step)).ok).toBe(true);
    await eventually(b.events, () => b.device.office.db.requests.get(id), (r) => r?.status === 'dispatched', 'the step on B');
  });
});

/** What a tablet on the old build holds: a year ledger in its IndexedDB (and maybe edits not sent). */
async function oldBuildLedger(db: LinliDB, year: number, state: Uint8Array | null): Promise<ShardDoc> {
  const shard = new ShardDoc(db, `ledger-${year}`);
  await shard.load();
  if (state) Y.applyUpdate(shard.doc, state, 'relay');
  await shard.flushed();
  return shard;
}

describe('year ledgers of the old build', () => {
  it('a tablet offline through the upgrade keeps its pending edits; an old build still connected is heard; numbers stay unique', async () => {
    const year = new Date().getUTCFullYear();
    const thisMonth = new Date().toISOString().slice(0, 7);
    relay = await relayIn(dataDir);
    const office = await relay.offices.add('翠湖花园');
    const ws = wsUrl(relay);
    // Before the upgrade: an old-build tablet writes a year ledger with records of three months.
    const old = yClient(ws, `${office.id}/ledger-${year}`, office.token);
    await whenSynced(old.provider);
    const made = [`${year}-01-10T03:00:00.000Z`, `${year}-02-10T03:00:00.000Z`, new Date().toISOString()].map((now, i) => {
      const cmd = takeCommand(repair(`旧版 ${i}`), `BX-0000-A-00${i + 1}`, settings, ctxAt(now));
      if (!cmd.ok) throw new Error('take');
      applyCommand(old.doc, { ...cmd.value.command, shard: `ledger-${year}` }, 'old');
      return cmd.value.id;
    });
    // Tablet B (old build) synced that year, then went offline and made an edit it never sent.
    const b0 = tablet(office.id, 'B');
    const bDb = b0.device.openDb();
    const bYear = await oldBuildLedger(bDb, year, Y.encodeStateAsUpdate(old.doc));
    const req0 = (bYear.doc.getMap('requests').get(made[0]) as Y.Map<unknown>);
    expect(req0).toBeInstanceOf(Y.Map);
    const started = step(requestFromRecord(made[0], req0.toJSON()), ctxAt(new Date().toISOString(), 'B'));
    if (!started.ok) throw new Error('start');
    applyCommand(bYear.doc, { ...started.value, shard: `ledger-${year}` }, LOCAL_ORIGIN);
    // B also took a numbered request of this month before the upgrade (its counter is in meta).
    const taken = takeCommand(repair('B 旧版编号'), `BX-${thisMonth.slice(2, 4)}${thisMonth.slice(5, 7)}-B-001`, settings, ctxAt(new Date().toISOString(), 'B'));
    if (!taken.ok) throw new Error('take');
    applyCommand(bYear.doc, { ...taken.value.command, shard: `ledger-${year}` }, LOCAL_ORIGIN);
    await bYear.flushed();
    await bDb.meta.put({ key: `pending:ledger-${year}`, value: 2 });
    await bDb.meta.put({ key: `seq:BX-${thisMonth.slice(2, 4)}${thisMonth.slice(5, 7)}-B`, value: 1 });
    bYear.destroy();
    bDb.close();
    await b0.device.close();

    // The upgrade: the relay restarts on the new build and splits the year into months.
    old.provider.destroy();
    await relay.close();
    relay = await relayIn(dataDir);
    const ws2 = wsUrl(relay);
    const joinB = await relay.offices.join(office.id, (await relay.offices.invite(office.id, { createdByDevice: office.deviceCode })).code);
    const joinC = await relay.offices.join(office.id, (await relay.offices.invite(office.id, { createdByDevice: office.deviceCode })).code);
    if (!joinB.ok || !joinC.ok) throw new Error('join');

    // An old build still connected to the year room after the upgrade: a new record and an edit.
    const still = yClient(ws2, `${office.id}/ledger-${year}`, office.token);
    await whenSynced(still.provider);
    const late = takeCommand(repair('升级后旧版新建'), 'BX-0000-A-009', settings, ctxAt(`${year}-02-20T03:00:00.000Z`));
    if (!late.ok) throw new Error('take');
    applyCommand(still.doc, { ...late.value.command, shard: `ledger-${year}` }, 'old');
    (still.doc.getMap('requests').get(made[1]) as Y.Map<unknown>).set('description', '旧版改过');

    // B comes back on the new build (same disk): it splits its year and sends its pending months.
    const b = tablet(office.id, 'B', relay, joinB.device.token, { sameDiskAs: b0.device });
    const c = tablet(office.id, joinC.device.deviceCode, relay, joinC.device.token);
    await b.device.store.migration();
    expect(await b.device.store.db.updates.where('shard').equals(`ledger-${year}`).count()).toBe(0);
    const cDb = c.device.office.db;
    // C (new build, never had the year) ends with every edit: B's offline step, B's request, the old build's.
    await eventually(c.events, () => cDb.requests.get(made[0]), (r) => r?.status === 'dispatched', "B's offline step on C");
    await eventually(c.events, () => cDb.requests.get(taken.value.id), (r) => !!r, "B's offline request on C");
    await eventually(c.events, () => cDb.requests.get(late.value.id), (r) => !!r, "the old build's new request on C");
    await eventually(c.events, () => cDb.requests.get(made[1]), (r) => r?.summary === '旧版改过', "the old build's edit on C");
    for (const [i, id] of [made[0], made[1], made[2], taken.value.id, late.value.id].entries()) expect(await readRequest(c.device.office, id), `${i} ${(await cDb.requests.get(id))?.createdAt}`).not.toBeNull();
    // Each record is in one month only, where the rule puts it.
    const feb = await readRequest(c.device.office, late.value.id);
    expect(feb?.createdAt.slice(0, 7)).toBe(`${year}-02`);
    expect((await c.device.store.shard(`ledger-${year}-01` as ShardName)).doc.getMap('requests').has(late.value.id)).toBe(false);

    // Numbers: B's next request of this month does not repeat the one it took on the old build.
    const next = await takeRequest(b.device.office, repair('B 新版'));
    expect(next.ok && next.value.number).toBe(`BX-${thisMonth.slice(2, 4)}${thisMonth.slice(5, 7)}-B-002`);
    const numbers = (await cDb.requests.toArray()).map((r) => r.number);
    await eventually(c.events, () => cDb.requests.count(), (n) => n === 6, 'six requests on C');
    const all = (await cDb.requests.toArray()).map((r) => r.number);
    expect(new Set(all).size).toBe(all.length);
    void numbers;
    still.provider.destroy();
  });
});

describe('a month whose sync stalls', () => {
  it('goes back in the queue after its wait, and the months behind it still arrive', async () => {
    relay = await relayIn(dataDir);
    const office = await relay.offices.add('翠湖花园');
    const second = await relay.offices.join(office.id, (await relay.offices.invite(office.id, { createdByDevice: office.deviceCode })).code);
    if (!second.ok) throw new Error('join');
    // Tablet B's socket for October 2024 hears nothing from the relay (a connection that hangs).
    class Stalling extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        if (url.includes('/ledger-2024-10')) Object.defineProperty(this, 'onmessage', { set: () => undefined, get: () => null });
      }
    }
    const a = tablet(office.id, office.deviceCode, relay, office.token);
    const events = new EventTarget();
    const b = openDevice({
      officeId: office.id, deviceCode: second.device.deviceCode, staffId: 's-B', staffName: '员工B',
      relay: { url: wsUrl(relay), token: second.device.token },
      store: { idleUnloadMs: 30, refreshWaitMs: 1000, WebSocketImpl: Stalling as unknown as typeof globalThis.WebSocket, onRefreshed: () => events.dispatchEvent(new Event('change')) },
    });
    // October first (the feed names the rooms in the order they were made, so B's queue starts
    // with it and is stuck there), then November: without the wait, November queues behind
    // October for ever.
    await requestAt(a.device.office, '2024-10-05T01:00:00.000Z', '十月', 'BX-2410-A-001');
    const nov = await requestAt(a.device.office, '2024-11-05T01:00:00.000Z', '十一月', 'BX-2411-A-001');
    await eventually(events, () => b.office.db.requests.get(nov), (r) => !!r, 'November on B', 30_000);
  });
});
