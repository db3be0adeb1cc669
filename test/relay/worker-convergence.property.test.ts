/**
 * Property: three tablets running the app's own store through the sync worker's code path
 * (`serveOffice` over a MessageChannel, `OfficeClient` on the "page" side, each tablet with its
 * own IndexedDB) and the real relay, driven by seeded random schedules of customer edits, notes
 * typed at the same time, network drops, tablet restarts and relay restarts, always end with the
 * same documents and the same projection rows — and every edit the app reported as saved is there.
 * (`convergence.property.test.ts` holds the same property for bare shards, with SIGKILLs.)
 *
 * Service requests are taken in three different months, so their records live in three month
 * ledgers, and the tablets unload a month 30 ms after its last use: months load, unload and come
 * back mid-run, and colleagues' edits reach months a tablet has not loaded (the change feed).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/domain/actor';
import { dispatch, takeRequest as takeCommand } from '../../src/domain/requests/lifecycle';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { ledgerShard, type ShardName } from '../../src/domain/shards';
import { createCustomer, editNotes, readCustomer, updateCustomer } from '../../src/store/customers';
import { readRequest, runStep } from '../../src/store/requests';
import { startRelay, type Relay } from '../../sync-server/relay';
import { compare, converged, openDevice, type Device } from '../helpers/devices';
import { removeDir, tempDir } from '../helpers/relay';

const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_201);
// 60 schedules. Schedules 35 and 49 of seed 20261201 once lost a typed marker in about half the runs:
// a keystroke's command was applied in the worker after a colleague's words had reached the text,
// and without its base the splice replaced them (fixed in domain/text-edit.ts; test/unit/text-race.test.ts).
// PROPERTY_PATH replays from one schedule (fast-check's `path`).
const RUNS = Number(process.env.PROPERTY_WORKER_RUNS ?? 60);
const TABLETS = 3;

/** The months requests are taken in (each its own ledger shard). */
const MONTHS = ['2025-11', '2025-12', '2026-01'];
const LEDGERS = MONTHS.map(ledgerShard) as ShardName[];

type Step =
  | { kind: 'create'; t: number; ack: boolean }
  | { kind: 'request'; t: number; month: number }
  | { kind: 'dispatch'; t: number; which: number }
  | { kind: 'rename'; t: number; who: number; name: string }
  | { kind: 'type'; t: number; who: number }
  | { kind: 'drop'; t: number }
  | { kind: 'back'; t: number }
  | { kind: 'restart'; t: number }
  | { kind: 'relay' };

const tablet = fc.integer({ min: 0, max: TABLETS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), t: tablet, ack: fc.constant(true) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('request' as const), t: tablet, month: fc.integer({ min: 0, max: MONTHS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dispatch' as const), t: tablet, which: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('rename' as const), t: tablet, who: fc.nat(), name: fc.constantFrom('张伟', '李娜', '王芳', '欧阳娜娜') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('type' as const), t: tablet, who: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), t: tablet }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('back' as const), t: tablet }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), t: tablet }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'relay' as const }) },
);

let dataDir = '';
let relay: Relay;
beforeEach(async () => {
  dataDir = await tempDir('linli-worker-prop-');
});
afterEach(async () => {
  await relay?.close().catch(() => undefined);
  await removeDir(dataDir);
});

async function synced(devices: Device[], timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!devices.every((d) => d.office.sync.status().state === 'synced' && d.office.sync.status().pending === 0)) {
    if (Date.now() > deadline) throw new Error(`not synced: ${devices.map((d) => JSON.stringify(d.office.sync.status())).join(' ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tablets through the sync worker and the relay', () => {
  it(`converge with nothing saved lost (${RUNS} schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        relay = await startRelay({ dataDir, port: 0, log: () => {} });
        const office = await relay.offices.add(`翠湖花园-${Math.random()}`);
        const port = relay.port;
        const url = relay.url.replace(/^http/, 'ws');
        const devices: Device[] = [];
        const online = [true, true, true];
        const open = (i: number) =>
          openDevice({ officeId: office.id, deviceCode: String.fromCharCode(65 + i), staffId: `s${i + 1}`, staffName: `员工${i + 1}`, via: 'worker', relay: { url, token: office.token }, store: { idleUnloadMs: 30 } });
        for (let i = 0; i < TABLETS; i++) devices.push(open(i));
        const customers: string[] = [];
        const markers = new Map<string, string[]>();
        /** Requests taken (id), and those a tablet dispatched (saved: must be dispatched at the end). */
        const requests: string[] = [];
        const dispatched = new Set<string>();
        let n = 0;
        for (const s of steps) {
          switch (s.kind) {
            case 'request': {
              const office = devices[s.t].office;
              const ctx: CommandContext = { ...office.context(), now: `${MONTHS[s.month]}-15T02:00:00.000Z` };
              const made = takeCommand({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: `报修${++n}`, customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' }, `BX-${n}`, defaultServiceSettings(), ctx);
              expect(made.ok).toBe(true);
              if (!made.ok) break;
              expect((await office.run(made.value.command)).ok).toBe(true);
              requests.push(made.value.id);
              break;
            }
            case 'dispatch': {
              if (!requests.length) break;
              const id = requests[s.which % requests.length];
              const office = devices[s.t].office;
              const req = await readRequest(office, id);
              if (!req || req.status !== 'accepted') break; // not here yet, or dispatched already
              expect((await runStep(office, id, (r, ctx) => dispatch(r, 'team1', ctx.actor.staffId, ctx, { team: '一组', assignee: ctx.actor.name }))).ok).toBe(true);
              dispatched.add(id);
              break;
            }
            case 'create': {
              const made = await createCustomer(devices[s.t].office, { name: `客户${++n}`, phones: [], unitCode: '' });
              expect(made.ok).toBe(true);
              if (made.ok) customers.push(made.value);
              break;
            }
            case 'rename': {
              if (!customers.length) break;
              const id = customers[s.who % customers.length];
              if (!(await readCustomer(devices[s.t].office, id))) break; // not on this tablet yet
              expect((await updateCustomer(devices[s.t].office, id, { name: s.name, phones: [], unitCode: '' })).ok).toBe(true);
              break;
            }
            case 'type': {
              if (!customers.length) break;
              const id = customers[s.who % customers.length];
              const current = await readCustomer(devices[s.t].office, id);
              if (!current) break;
              const marker = `[${s.t}:${++n}]`;
              // At the end of what this tablet has: concurrent typing on other tablets merges around it.
              // The text it typed into is given as the base, as the notes editor does: a colleague's
              // words that arrive between this read and the save are then kept (rebaseSplice), not
              // taken for a deletion (seen under load: another tablet's marker lost).
              const saved = await editNotes(devices[s.t].office, id, current.notes + marker, current.notes);
              expect(saved.ok).toBe(true);
              markers.set(id, [...(markers.get(id) ?? []), marker]);
              break;
            }
            case 'drop':
              online[s.t] = false;
              (devices[s.t].office as { setOnline?: (o: boolean) => void }).setOnline?.(false);
              break;
            case 'back':
              online[s.t] = true;
              (devices[s.t].office as { setOnline?: (o: boolean) => void }).setOnline?.(true);
              break;
            case 'restart':
              devices[s.t] = await devices[s.t].reopen();
              if (!online[s.t]) (devices[s.t].office as { setOnline?: (o: boolean) => void }).setOnline?.(false);
              break;
            case 'relay':
              await relay.close();
              relay = await startRelay({ dataDir, port, log: () => {} });
              break;
          }
        }
        for (const d of devices) (d.office as { setOnline?: (o: boolean) => void }).setOnline?.(true);
        for (const d of devices) for (const shard of ['directory', ...LEDGERS] as const) await d.office.load(shard);
        await synced(devices);
        await converged(devices, ['directory', ...LEDGERS]);
        await compare(devices, ['directory', ...LEDGERS]);
        for (const d of devices) {
          for (const id of requests) expect(await d.office.db.requests.get(id), `request ${id} lost on ${d.config.deviceCode}`).toBeTruthy();
          for (const id of dispatched) expect((await d.office.db.requests.get(id))?.status, `dispatch of ${id} lost`).toBe('dispatched');
        }
        for (const id of customers) {
          const c = await readCustomer(devices[0].office, id);
          expect(c, `customer ${id} lost`).not.toBeNull();
          for (const m of markers.get(id) ?? []) expect(c!.notes, `typed ${m} lost`).toContain(m);
        }
        for (const d of devices) await d.close();
        await relay.close();
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}) },
    );
  });
});
