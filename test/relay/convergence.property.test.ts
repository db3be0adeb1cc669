/**
 * Property: three devices and the real relay, driven by seeded random schedules of edits,
 * network partitions, relay restarts and device restarts, always end up with the same office
 * state — and no acknowledged edit is ever lost.
 *
 * - A replica is what a device holds: a ShardDoc ('directory') persisted in its OWN IndexedDB
 *   (a fresh fake-indexeddb IDBFactory per device) plus a y-websocket provider to the relay.
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
const CONVERGE_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Commands

type Value = string | number | boolean | null;
type Op =
  | { kind: 'set'; r: number; key: number; value: Value; ack: boolean }
  | { kind: 'text'; r: number; rec: number; at: number; ack: boolean }
  | { kind: 'partition'; r: number }
  | { kind: 'heal'; r: number }
  | { kind: 'sync'; r: number }
  | { kind: 'reopen'; r: number; crash: boolean }
  | { kind: 'restart' }
  | { kind: 'kill' };

const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const value: fc.Arbitrary<Value> = fc.oneof(fc.string({ maxLength: 6, unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null));

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), r: replica, key: fc.integer({ min: 0, max: KEYS - 1 }), value, ack: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), r: replica, rec: fc.integer({ min: 0, max: RECORDS.length - 1 }), at: fc.nat(), ack: fc.boolean() }) },
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
  shard: ShardDoc;
  provider: WebsocketProvider;
  online: boolean;
}

/** What an edit must leave behind if it was acknowledged. */
type Effect = { kind: 'key'; key: string } | { kind: 'text'; rec: string; marker: string };

function provide(url: string, room: string, token: string, doc: Y.Doc, connect = true) {
  return new WebsocketProvider(url, room, doc, {
    connect,
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 100,
  });
}

async function openShard(officeId: string, idb: IDBFactory): Promise<ShardDoc> {
  const shard = new ShardDoc(new LinliDB(officeId, { indexedDB: idb, IDBKeyRange }), 'directory');
  await shard.load();
  return shard;
}

const customers = (doc: Y.Doc) => doc.getMap<unknown>('customers');
/** Content as canonical JSON: Y.Map iterates in local insertion order, which replicas don't share. */
const snapshot = (doc: Y.Doc) => JSON.stringify(sortKeys({ customers: doc.getMap('customers').toJSON(), units: doc.getMap('units').toJSON() }));
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
  const room = `${officeId}/directory`;
  const replicas: Replica[] = [];
  const extra: { provider?: WebsocketProvider; db?: LinliDB }[] = [];
  /** Edits per replica not yet known to be on its disk. */
  const pending: Effect[][] = Array.from({ length: REPLICAS }, () => []);
  const acked: Effect[] = [];
  /** Every value ever written to each key (last-writer-wins picks one of them). */
  const written = new Map<string, Value[]>();
  let step = 0;

  const open = async (idb: IDBFactory, online: boolean): Promise<Replica> => {
    const shard = await openShard(officeId, idb);
    return { idb, db: shard.db, shard, provider: provide(relay.url, room, token, shard.doc, online), online };
  };
  const ack = async (r: number) => {
    await replicas[r].shard.flushed();
    acked.push(...pending[r].splice(0));
  };

  try {
    for (let r = 0; r < REPLICAS; r++) replicas.push(await open(new IDBFactory(), true));
    // Records whose notes are collaborative text; created once, on every disk before the run.
    replicas[0].shard.doc.transact(() => {
      for (const id of RECORDS) {
        const record = new Y.Map<unknown>();
        record.set('name', id);
        record.set('notes', new Y.Text());
        customers(replicas[0].shard.doc).set(id, record);
      }
    });
    await until(() => replicas.every((x) => RECORDS.every((id) => customers(x.shard.doc).has(id))), replicas.map((x) => x.shard.doc), CONVERGE_MS, 'records');
    for (const x of replicas) await x.shard.flushed();

    for (const o of ops) {
      step++;
      switch (o.kind) {
        case 'set': {
          const key = `k${o.key}`;
          customers(replicas[o.r].shard.doc).set(key, o.value);
          written.set(key, [...(written.get(key) ?? []), o.value]);
          pending[o.r].push({ kind: 'key', key });
          if (o.ack) await ack(o.r);
          break;
        }
        case 'text': {
          const rec = RECORDS[o.rec];
          const notes = (customers(replicas[o.r].shard.doc).get(rec) as Y.Map<unknown>).get('notes') as Y.Text;
          const marker = `[r${o.r}.${step}]`;
          const at = boundaries(notes.toString());
          notes.insert(at[o.at % at.length], marker);
          pending[o.r].push({ kind: 'text', rec, marker });
          if (o.ack) await ack(o.r);
          break;
        }
        case 'partition':
          replicas[o.r].provider.disconnect();
          replicas[o.r].online = false;
          break;
        case 'heal':
          replicas[o.r].provider.connect();
          replicas[o.r].online = true;
          break;
        case 'sync':
          // Lets the network catch up with one device (only meaningful if it is online).
          if (replicas[o.r].online) await within(whenSynced(replicas[o.r].provider), CONVERGE_MS, `replica ${o.r} to sync`);
          break;
        case 'reopen': {
          const old = replicas[o.r];
          old.provider.destroy();
          if (o.crash) {
            // Power cut: whatever was not yet written is gone, with the old document.
            pending[o.r].length = 0;
          } else {
            await ack(o.r);
          }
          old.shard.destroy();
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

    // Heal everything, then all three must agree: same state vector, same content.
    for (const x of replicas) {
      x.provider.connect();
      x.online = true;
    }
    const docs = () => replicas.map((x) => x.shard.doc);
    await until(() => sameState(docs()), docs(), CONVERGE_MS, 'convergence').catch((err) => {
      throw new Error(`${(err as Error).message}\n${describeDocs(docs())}\nrelay log:\n${started.log()}`);
    });
    const final = docs()[0];

    // No acknowledged edit lost (and unacknowledged ones settled on a value someone wrote).
    for (const e of acked) {
      if (e.kind === 'key') {
        expect(customers(final).has(e.key), `acknowledged key ${e.key}`).toBe(true);
        expect(written.get(e.key)).toContainEqual(customers(final).get(e.key));
      } else {
        const notes = ((customers(final).get(e.rec) as Y.Map<unknown>).get('notes') as Y.Text).toString();
        expect(notes, `acknowledged insert ${e.marker} in ${e.rec}`).toContain(e.marker);
      }
    }
    for (const [key, values] of written) if (customers(final).has(key)) expect(values).toContainEqual(customers(final).get(key));
    for (const id of RECORDS) expect(customers(final).get(id)).toBeInstanceOf(Y.Map);

    // Each device's disk holds what its memory holds.
    for (const x of replicas) {
      await x.shard.flushed();
      const reread = await openShard(officeId, x.idb);
      extra.push({ db: reread.db });
      expect(snapshot(reread.doc), 'device disk = device memory').toBe(snapshot(x.shard.doc));
      expect(vector(reread.doc)).toBe(vector(x.shard.doc));
      reread.destroy();
    }

    // A fresh device gets exactly that state from the relay: "synced" means complete.
    const fresh = provide(relay.url, room, token, new Y.Doc());
    extra.push({ provider: fresh });
    await within(whenSynced(fresh), CONVERGE_MS, 'fresh client to sync');
    await until(() => sameState([final, fresh.doc]), [fresh.doc], 5_000, 'fresh client state').catch((err) => {
      throw new Error(`${(err as Error).message}\n${describeDocs([final, fresh.doc])}`);
    });

    // And the relay's disk has it too: stop everyone, restart the relay, ask again.
    for (const x of replicas) x.provider.destroy();
    fresh.destroy();
    await relay.restart();
    const late = provide(relay.url, room, token, new Y.Doc());
    extra.push({ provider: late });
    await within(whenSynced(late), CONVERGE_MS, 'late client to sync');
    expect(snapshot(late.doc), 'relay disk after restart').toBe(snapshot(final));
    expect(vector(late.doc)).toBe(vector(final));
  } finally {
    for (const x of replicas) {
      x.provider.destroy();
      x.shard.destroy();
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
