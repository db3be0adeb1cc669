/**
 * relay.full_office_mb: the relay's memory per connected full-size office. The relay runs as its
 * own process (RSS from /proc/<pid>/status); OFFICES offices each hold the bench's directory
 * (BENCH_CUSTOMERS customers) and BENCH_YEARS years of BENCH_REQUESTS requests, in month rooms
 * (`ledger-YYYY-MM`) as this build stores them. The relay is restarted after they are stored, so
 * it starts with no room loaded (idle RSS); then office after office connects what a tablet of
 * this build holds open: one client per live shard (office, directory, this and last month's
 * ledgers — `hotLedgers`), each a bare socket that asks for the whole state (sync step 1 with an
 * empty state vector) and holds the connection, and the office's change feed (`/<office>/rooms`,
 * which names every month room with its state vector); the RSS is read once every room answered
 * and the feed spoke. The figure is the growth over idle divided by the offices connected.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { spawnRelay, removeDir, tempDir, waitExit, type RelayProcess } from '../../helpers/relay';
import { pushDoc } from '../../helpers/office';
import { spec, type Metric } from '../metric';
import { hotLedgers, ledgerShard } from '../../../src/domain/shards';
import { FEED_PATH } from '../../../src/store/room-feed';
import { SIZES, YEARS } from '../office';
import { directoryDoc, ledgerDoc, officeDoc } from '../seed';
import { sleep, within, type Scope } from '../scope';

const OFFICES = Number(process.env.BENCH_RELAY_OFFICES ?? 3);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function startRelay(dir: string, scope: Scope): Promise<RelayProcess> {
  const relay = await spawnRelay(dir);
  scope.defer(relay.child, async (c) => {
    c.kill('SIGTERM');
    await within(waitExit(c), 10_000, 'relay exit').catch(() => c.kill('SIGKILL'));
  });
  return relay;
}

/** The office's change feed, held open; resolves at its first message (every month room named). */
function holdFeed(ws: string, officeId: string, token: string, scope: Scope): Promise<void> {
  const sock = scope.defer(new WebSocket(`${ws}/${officeId}/${FEED_PATH}?token=${encodeURIComponent(token)}`), (s) => s.close());
  return within(
    new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.once('message', () => resolve());
    }),
    120_000,
    `change feed of ${officeId}`,
  );
}

/** A client of one room that asks for everything and resolves once the relay sent its state (sync step 2). */
function holdRoom(ws: string, room: string, token: string, scope: Scope): Promise<void> {
  const sock = scope.defer(new WebSocket(`${ws}/${room}?token=${encodeURIComponent(token)}`), (s) => s.close());
  sock.binaryType = 'nodebuffer';
  return within(
    new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.once('open', () => {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, 0); // messageSync
        syncProtocol.writeSyncStep1(enc, new Y.Doc());
        sock.send(encoding.toUint8Array(enc));
      });
      // messageSync (0), then messageYjsSyncStep2 (1): the room's whole state.
      sock.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve());
    }),
    120_000,
    `relay to answer ${room}`,
  );
}

export const relayOffice: Metric = {
  name: 'relay-office',
  specs: [spec('relay.full_office_mb', 'MB', 100)],
  needs: [],
  budgetMs: 420_000,
  async run({ record, scope }) {
    process.setMaxListeners(0);
    const dir = scope.defer(await tempDir('linli-bench-relay-office-'), removeDir);
    let relay = await startRelay(dir, scope);
    const offices: { officeId: string; token: string }[] = [];
    const directory = directoryDoc(SIZES.customers, SIZES.units).doc;
    // Month rooms, each generated on its own (seed.ts: the year's requests of that month).
    const months = YEARS.flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
    const ledgers = months
      .map((month) => [month, ledgerDoc(SIZES.requests, Number(month.slice(0, 4)), 'A', month)] as const)
      .filter(([, doc]) => doc.getMap('requests').size > 0);
    for (let n = 0; n < OFFICES; n++) {
      const res = await within(fetch(`${relay.url}/api/offices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `满员管理处${n + 1}` }) }), 10_000, 'office created');
      if (!res.ok) throw new Error(`POST /api/offices: ${res.status}`);
      const o = (await res.json()) as { officeId: string; token: string };
      offices.push(o);
      const ws = relay.url.replace(/^http/, 'ws');
      await pushDoc(ws, `${o.officeId}/office`, o.token, officeDoc(`满员管理处${n + 1}`), (d) => d.getMap('staff').size === 1);
      await pushDoc(ws, `${o.officeId}/directory`, o.token, directory, (d) => d.getMap('customers').size === SIZES.customers);
      for (const [month, doc] of ledgers) {
        const n = doc.getMap('requests').size;
        await pushDoc(ws, `${o.officeId}/${ledgerShard(month)}`, o.token, doc, (d) => d.getMap('requests').size === n);
      }
    }
    directory.destroy();
    for (const [, doc] of ledgers) doc.destroy();
    // Restarted: no room loaded, as a relay that has just come up.
    relay.child.kill('SIGTERM');
    await within(waitExit(relay.child), 30_000, 'relay stop');
    relay = await startRelay(dir, scope);
    const pid = relay.child.pid!;
    const ws = relay.url.replace(/^http/, 'ws');
    await sleep(2000);
    const idle = rssMb(pid);
    const after: number[] = [];
    const rooms = ['office', 'directory', ...hotLedgers(new Date().toISOString())];
    for (const o of offices) {
      scope.check();
      await Promise.all([...rooms.map((r) => holdRoom(ws, `${o.officeId}/${r}`, o.token, scope)), holdFeed(ws, o.officeId, o.token, scope)]);
      await sleep(2000);
      after.push(rssMb(pid));
    }
    const per = (after[after.length - 1] - idle) / offices.length;
    record('relay.full_office_mb', per, `${offices.length} offices of ${SIZES.customers} customers and ${SIZES.years} years of ${SIZES.requests} requests in ${ledgers.length} month rooms, ${rooms.length} live rooms each (${rooms.slice(2).join(', ')}) and the change feed, one client per room; RSS idle ${idle.toFixed(0)} MB, then ${after.map((m) => m.toFixed(0)).join(' → ')} MB`);
  },
};
