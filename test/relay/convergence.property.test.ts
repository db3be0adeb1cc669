/**
 * Property: three devices and the real relay, driven by seeded random schedules of edits,
 * network partitions, relay restarts and device restarts, always end up with the same office
 * state — and no acknowledged edit is ever lost.
 *
 * - A replica is what a device holds: three month ledgers (ShardDocs `ledger-YYYY-MM`, records
 *   spread over them) persisted in its OWN IndexedDB (a fresh fake-indexeddb IDBFactory per
 *   device) plus a y-websocket provider per month to the relay.
 * - An edit is "acknowledged" once `shard.flushed()` resolved after it: it is on that device's
 *   disk, which is what the app tells the user ("saved").
 * - Key edits are last-writer-wins, so for them we check that every acknowledged key exists,
 *   holds a value that was written to it, and that all replicas agree. Text inserts must all
 *   survive: every acknowledged marker must be found whole in the final text.
 *
 * The schedule is seeded; the network is not (sockets, timers), so a seed fixes the commands,
 * not the interleaving. On failure fast-check prints seed and path. Environment:
 *   PROPERTY_SEED   seed (default: a fixed one; `random` for a fresh one each run)
 *   PROPERTY_PATH   replay one counterexample (with its seed)
 *   PROPERTY_RUNS   schedules for the in-process relay (default 200)
 *   PROPERTY_KILL_RUNS  schedules against a relay process killed with SIGKILL (default 20)
 *   PROPERTY_SHRINK=1   shrink a counterexample (slow: every attempt runs real sockets)
 */
import { rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { OfficeRegistry } from '../../sync-server/offices';
import { startRelay, type Relay } from '../../sync-server/relay';
import { LinliDB } from '../../src/store/db';
import { ShardDoc } from '../../src/store/shard-doc';
import type { ShardName } from '../../src/domain/shards';
import { until, whenSynced } from '../helpers/client';
import { spawnRelay, tempDir, waitExit, type RelayProcess } from '../helpers/relay';

const SEED = process.env.PROPERTY_SEED === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(process.env.PROPERTY_SEED ?? 20_260_523);
const PATH = process.env.PROPERTY_PATH;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const KILL_RUNS = Number(process.env.PROPERTY_KILL_RUNS ?? 20);
const SHRINK = process.env.PROPERTY_SHRINK === '1';

const REPLICAS = 3;
const KEYS = 6;
const RECORDS = ['rec0', 'rec1'];
/** The month ledgers the records are spread over (each edit picks one). */
const MONTHS: ShardName[] = ['ledger-2025-12', 'ledger-2026-01', 'ledger-2026-02'];
const CONVERGE_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Commands

type Value = string | number | boolean | null;
type Op =
  | { kind: 'set'; r: number; m: number; key: number; value: Value; ack: boolean }
  | { kind: 'text'; r: number; m: number; rec: number; at: number; ack: boolean }
  | { kind: 'partition'; r: number }
  | { kind: 'heal'; r: number }
  | { kind: 'sync'; r: number }
  | { kind: 'reopen'; r: number; crash: boolean }
  | { kind: 'restart' }
  | { kind: 'kill' };

const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const month = fc.integer({ min: 0, max: MONTHS.length - 1 });
const value: fc.Arbitrary<Value> = fc.oneof(fc.string({ maxLength: 6, unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null));

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), r: replica, m: month, key: fc.integer({ min: 0, max: KEYS - 1 }), value, ack: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), r: replica, m: month, rec: fc.integer({ min: 0, max: RECORDS.length - 1 }), at: fc.nat(), ack: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), r: replica }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('heal' as const), r: replica }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), r: replica }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reopen' as const), r: replica, crash: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'kill' as const }) },
);
const schedule = fc.array(op, { minLength: 5, maxLength: 15 });

// ---------------------------------------------------------------------------------------------
// The relay under test, in this process or as a child process

interface RelayUnderTest {
  url: string;
  /** Graceful: stop (flushing to disk), start again on the same data dir and port. */
  restart(): Promise<void>;
  /** Abrupt: see the two implementations. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/**
 * In-process relay. `kill` cuts every TCP socket without a websocket close handshake (the
 * clients see 1006, as on a crash or a pulled cable), then shuts the relay down; its LevelDB is
 * still closed properly, because an in-process relay cannot lose its write buffer.
 */
async function inProcessRelay(dataDir: string, officeName: string) {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const start = async (port: number) => {
    const relay = await startRelay({ dataDir, port, log: (line) => log.push(line) });
    relay.server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    });
    return relay;
  };
  let relay: Relay = await start(0);
  const office = await relay.offices.add(officeName);
  const port = relay.port;
  const handle: RelayUnderTest = {
    url: relay.url.replace(/^http/, 'ws'),
    async restart() {
      await relay.close();
      relay = await start(port);
    },
    async kill() {
      for (const s of sockets) s.destroy();
      await relay.close();
      relay = await start(port);
    },
    close: () => relay.close(),
  };
  return { handle, office, log: () => log.join('\n') };
}

/** Relay as its own process: `kill` is a real SIGKILL, `restart` a SIGTERM (graceful). */
async function processRelay(dataDir: string, officeName: string) {
  const registry = new OfficeRegistry(dataDir);
  await registry.load();
  const office = await registry.add(officeName);
  await registry.flushed();
  let proc: RelayProcess = await spawnRelay(dataDir);
  const port = Number(new URL(proc.url).port);
  const stop = async (signal: NodeJS.Signals) => {
    proc.child.kill(signal);
    await waitExit(proc.child);
  };
  const handle: RelayUnderTest = {
    url: proc.url.replace(/^http/, 'ws'),
    async restart() {
      await stop('SIGTERM');
      proc = await spawnRelay(dataDir, port);
    },
    async kill() {
      await stop('SIGKILL');
      proc = await spawnRelay(dataDir, port);
    },
    close: () => stop('SIGTERM'),
  };
  return { handle, office, log: () => proc.output() };
}

// ---------------------------------------------------------------------------------------------
// Replicas

interface Replica {
  idb: IDBFactory;
  db: LinliDB;
  /** One per month of MONTHS, with its provider. */
  shards: ShardDoc[];
  providers: WebsocketProvider[];
  online: boolean;
}

/** What an edit must leave behind if it was acknowledged (in month `m`). */
type Effect = { kind: 'key'; m: number; key: string } | { kind: 'text'; m: number; rec: string; marker: string };

function provide(url: string, room: string, token: string, doc: Y.Doc, connect = true) {
  return new WebsocketProvider(url, room, doc, {
    connect,
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 100,
  });
}

async function openShard(db: LinliDB, name: ShardName): Promise<ShardDoc> {
  const shard = new ShardDoc(db, name);
  await shard.load();
  return shard;
}

const customers = (doc: Y.Doc) => doc.getMap<unknown>('requests');
/** Content as canonical JSON: Y.Map iterates in local insertion order, which replicas don't share. */
const snapshot = (doc: Y.Doc) => JSON.stringify(sortKeys({ requests: doc.getMap('requests').toJSON(), contacts: doc.getMap('contacts').toJSON() }));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
const sameState = (docs: Y.Doc[]) => docs.every((d) => vector(d) === vector(docs[0]) && snapshot(d) === snapshot(docs[0]));

/** Positions in a notes text between whole markers, so no insert ever splits another one. */
function boundaries(text: string): number[] {
  const at = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === ']') at.push(i + 1);
  return at;
}

function describeDocs(docs: Y.Doc[]): string {
  return docs.map((d, i) => `  #${i} sv=${vector(d)} ${snapshot(d)}`).join('\n');
}

// A crash drops the device's queued IndexedDB writes and ShardDoc logs each one: expected here.
// (A live device's failed write is not hidden: its `flushed()` rejects and fails the run.)
beforeEach(() => {
  const original = console.error;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Linli: could not save to IndexedDB'))) original(...args);
  });
});
afterEach(() => vi.restoreAllMocks());

/**
 * Runs one schedule against a fresh relay data dir and three fresh devices, then checks
 * convergence and durability. Everything it opens is closed before it returns or throws.
 */
async function runSchedule(ops: Op[], relayKind: 'in-process' | 'process'): Promise<void> {
  const dataDir = await tempDir('linli-prop-');
  const started = relayKind === 'in-process' ? await inProcessRelay(dataDir, 'P') : await processRelay(dataDir, 'P');
  const relay = started.handle;
  const { id: officeId, token } = started.office;
  const rooms = MONTHS.map((m) => `${officeId}/${m}`);
  const replicas: Replica[] = [];
  const extra: { provider?: WebsocketProvider; db?: LinliDB }[] = [];
  /** Edits per replica not yet known to be on its disk. */
  const pending: Effect[][] = Array.from({ length: REPLICAS }, () => []);
  const acked: Effect[] = [];
  /** Every value ever written to each key (last-writer-wins picks one of them). */
  const written = new Map<string, Value[]>();
  let step = 0;

  const open = async (idb: IDBFactory, online: boolean): Promise<Replica> => {
    const db = new LinliDB(officeId, { indexedDB: idb, IDBKeyRange });
    const shards: ShardDoc[] = [];
    for (const m of MONTHS) shards.push(await openShard(db, m));
    return { idb, db, shards, providers: shards.map((shard, i) => provide(relay.url, rooms[i], token, shard.doc, online)), online };
  };
  const ack = async (r: number) => {
    for (const shard of replicas[r].shards) await shard.flushed();
    acked.push(...pending[r].splice(0));
  };
  const allDocs = (m: number) => replicas.map((x) => x.shards[m].doc);

  try {
    for (let r = 0; r < REPLICAS; r++) replicas.push(await open(new IDBFactory(), true));
    // Records whose notes are collaborative text; created once, on every disk before the run.
    for (const shard of replicas[0].shards) {
      shard.doc.transact(() => {
        for (const id of RECORDS) {
          const record = new Y.Map<unknown>();
          record.set('name', id);
          record.set('notes', new Y.Text());
          customers(shard.doc).set(id, record);
        }
      });
    }
    for (let m = 0; m < MONTHS.length; m++) await until(() => allDocs(m).every((doc) => RECORDS.every((id) => customers(doc).has(id))), allDocs(m), CONVERGE_MS, 'records');
    for (const x of replicas) for (const shard of x.shards) await shard.flushed();

    for (const o of ops) {
      step++;
      switch (o.kind) {
        case 'set': {
          const key = `k${o.key}`;
          customers(replicas[o.r].shards[o.m].doc).set(key, o.value);
          written.set(`${o.m}/${key}`, [...(written.get(`${o.m}/${key}`) ?? []), o.value]);
          pending[o.r].push({ kind: 'key', m: o.m, key });
          if (o.ack) await ack(o.r);
          break;
        }
        case 'text': {
          const rec = RECORDS[o.rec];
          const notes = (customers(replicas[o.r].shards[o.m].doc).get(rec) as Y.Map<unknown>).get('notes') as Y.Text;
          const marker = `[r${o.r}.${step}]`;
          const at = boundaries(notes.toString());
          notes.insert(at[o.at % at.length], marker);
          pending[o.r].push({ kind: 'text', m: o.m, rec, marker });
          if (o.ack) await ack(o.r);
          break;
        }
        case 'partition':
          for (const p of replicas[o.r].providers) p.disconnect();
          replicas[o.r].online = false;
          break;
        case 'heal':
          for (const p of replicas[o.r].providers) p.connect();
          replicas[o.r].online = true;
          break;
        case 'sync':
          // Lets the network catch up with one device (only meaningful if it is online).
          if (replicas[o.r].online) await within(Promise.all(replicas[o.r].providers.map(whenSynced)), CONVERGE_MS, `replica ${o.r} to sync`);
          break;
        case 'reopen': {
          const old = replicas[o.r];
          for (const p of old.providers) p.destroy();
          if (o.crash) {
            // Power cut: whatever was not yet written is gone, with the old document.
            pending[o.r].length = 0;
          } else {
            await ack(o.r);
          }
          for (const shard of old.shards) shard.destroy();
          old.db.close();
          replicas[o.r] = await open(old.idb, old.online);
          break;
        }
        case 'restart':
          await relay.restart();
          break;
        case 'kill':
          await relay.kill();
          break;
      }
    }

    // Heal everything, then all three must agree in every month: same state vector, same content.
    for (const x of replicas) {
      for (const p of x.providers) p.connect();
      x.online = true;
    }
    for (let m = 0; m < MONTHS.length; m++) {
      await until(() => sameState(allDocs(m)), allDocs(m), CONVERGE_MS, `convergence of ${MONTHS[m]}`).catch((err) => {
        throw new Error(`${(err as Error).message}\n${describeDocs(allDocs(m))}\nrelay log:\n${started.log()}`);
      });
    }
    const finals = MONTHS.map((_, m) => allDocs(m)[0]);

    // No acknowledged edit lost (and unacknowledged ones settled on a value someone wrote).
    for (const e of acked) {
      const final = finals[e.m];
      if (e.kind === 'key') {
        expect(customers(final).has(e.key), `acknowledged key ${e.key} in ${MONTHS[e.m]}`).toBe(true);
        expect(written.get(`${e.m}/${e.key}`)).toContainEqual(customers(final).get(e.key));
      } else {
        const notes = ((customers(final).get(e.rec) as Y.Map<unknown>).get('notes') as Y.Text).toString();
        expect(notes, `acknowledged insert ${e.marker} in ${MONTHS[e.m]}/${e.rec}`).toContain(e.marker);
      }
    }
    for (const [mkey, values] of written) {
      const [m, key] = mkey.split('/');
      if (customers(finals[Number(m)]).has(key)) expect(values).toContainEqual(customers(finals[Number(m)]).get(key));
    }
    for (const final of finals) for (const id of RECORDS) expect(customers(final).get(id)).toBeInstanceOf(Y.Map);

    // Each device's disk holds what its memory holds.
    for (const x of replicas) {
      const db = new LinliDB(officeId, { indexedDB: x.idb, IDBKeyRange });
      extra.push({ db });
      for (let m = 0; m < MONTHS.length; m++) {
        await x.shards[m].flushed();
        const reread = await openShard(db, MONTHS[m]);
        expect(snapshot(reread.doc), 'device disk = device memory').toBe(snapshot(x.shards[m].doc));
        expect(vector(reread.doc)).toBe(vector(x.shards[m].doc));
        reread.destroy();
      }
    }

    // A fresh device gets exactly that state from the relay: "synced" means complete.
    for (let m = 0; m < MONTHS.length; m++) {
      const fresh = provide(relay.url, rooms[m], token, new Y.Doc());
      extra.push({ provider: fresh });
      await within(whenSynced(fresh), CONVERGE_MS, 'fresh client to sync');
      await until(() => sameState([finals[m], fresh.doc]), [fresh.doc], 5_000, 'fresh client state').catch((err) => {
        throw new Error(`${(err as Error).message}\n${describeDocs([finals[m], fresh.doc])}`);
      });
      fresh.destroy();
    }

    // And the relay's disk has it too: stop everyone, restart the relay, ask again.
    for (const x of replicas) for (const p of x.providers) p.destroy();
    await relay.restart();
    for (let m = 0; m < MONTHS.length; m++) {
      const late = provide(relay.url, rooms[m], token, new Y.Doc());
      extra.push({ provider: late });
      await within(whenSynced(late), CONVERGE_MS, 'late client to sync');
      expect(snapshot(late.doc), `relay disk after restart (${MONTHS[m]})`).toBe(snapshot(finals[m]));
      expect(vector(late.doc)).toBe(vector(finals[m]));
    }
  } finally {
    for (const x of replicas) {
      for (const p of x.providers) p.destroy();
      for (const shard of x.shards) shard.destroy();
      x.db.close();
    }
    for (const x of extra) {
      x.provider?.destroy();
      x.provider?.doc.destroy();
      x.db?.close();
    }
    await relay.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `promise`, or a rejection naming `what` after `ms` (the timer is cleared either way). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const params = (numRuns: number): fc.Parameters<[Op[]]> => ({
  numRuns,
  seed: SEED,
  ...(PATH ? { path: PATH } : {}),
  endOnFailure: !SHRINK,
  verbose: fc.VerbosityLevel.Verbose,
});

describe('convergence of three devices through the relay', () => {
  it(`${RUNS} schedules: edits, partitions, device restarts, relay restarts and socket cuts`, async () => {
    await fc.assert(fc.asyncProperty(schedule, (ops) => runSchedule(ops, 'in-process')), params(RUNS));
  }, 600_000);

  it(`${KILL_RUNS} schedules against a relay process killed with SIGKILL`, async () => {
    await fc.assert(fc.asyncProperty(schedule, (ops) => runSchedule(ops, 'process')), params(KILL_RUNS));
  }, 600_000);
});
