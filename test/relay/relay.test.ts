import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { addDevice } from '../helpers/device-api';
import { closeEvent, until, whenSynced, yClient } from '../helpers/client';
import { relayIn, removeDir, spawnRelay, tempDir, waitExit, wsUrl } from '../helpers/relay';

let dir: string;
let relay: Relay;
const cleanups: (() => unknown)[] = [];

beforeEach(async () => {
  dir = await tempDir();
  relay = await relayIn(dir);
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await relay.close();
  await removeDir(dir);
});

function client(room: string, token: string) {
  const c = yClient(wsUrl(relay), room, token);
  cleanups.push(() => c.provider.destroy());
  return c;
}

/** An office whose directory room holds 20,000 entries (slow to load) and is no longer loaded. */
async function slowRoom() {
  const office = await relay.offices.add('A');
  const room = `${office.id}/directory`;
  const big = client(room, office.token);
  await whenSynced(big.provider);
  const customers = big.doc.getMap('customers');
  big.doc.transact(() => {
    for (let i = 0; i < 20_000; i++) customers.set(`c${i}`, 'x'.repeat(40));
  });
  big.provider.destroy();
  // The room unloads (and compacts) after its last client leaves; nothing to listen to, so poll.
  for (let i = 0; (await (await fetch(`${relay.url}/healthz`)).json()).rooms !== 0; i++) {
    if (i > 200) throw new Error('room never unloaded');
    await new Promise((r) => setTimeout(r, 25));
  }
  return { office, room };
}

describe('relay', () => {
  it('answers /healthz and keeps only a hash of each token', async () => {
    const office = await relay.offices.add('翠湖花园管理处');
    const res = await fetch(`${relay.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()).ok).toBe(true);
    const stored = await readFile(join(dir, 'offices.json'), 'utf8');
    expect(stored).toContain(office.id);
    expect(stored).not.toContain(office.token);
  });

  it('merges edits of two clients in the same room', async () => {
    const office = await relay.offices.add('A');
    const a = client(`${office.id}/directory`, office.token);
    const b = client(`${office.id}/directory`, office.token);
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    a.doc.getMap('customers').set('x', '张伟');
    b.doc.getMap('customers').set('y', '李娜');
    await until(() => a.doc.getMap('customers').size === 2 && b.doc.getMap('customers').size === 2, [a.doc, b.doc]);
  });

  it('closes a wrong token with 4401 and the client stops retrying', async () => {
    const office = await relay.offices.add('A');
    const c = client(`${office.id}/directory`, 'not-the-token');
    expect(await closeEvent(c.provider)).toBe(4401);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it("never lets office A's token open office B's rooms", async () => {
    const a = await relay.offices.add('A');
    const b = await relay.offices.add('B');
    const bClient = client(`${b.id}/directory`, b.token);
    await whenSynced(bClient.provider);
    bClient.doc.getMap('customers').set('secret', 'B 的客户');
    const intruder = client(`${b.id}/directory`, a.token);
    expect(await closeEvent(intruder.provider)).toBe(4401);
    expect(intruder.doc.getMap('customers').size).toBe(0);
  });

  it('refuses unknown shards and extra path segments', async () => {
    const office = await relay.offices.add('A');
    for (const room of [`${office.id}/secrets`, `${office.id}/office/x`, `${office.id}`]) {
      const c = client(room, office.token);
      expect(await closeEvent(c.provider)).toBe(4401);
    }
  });

  it('closes a malformed message with 4400 and keeps serving the room', async () => {
    const office = await relay.offices.add('A');
    const good = client(`${office.id}/office`, office.token);
    await whenSynced(good.provider);
    const raw = new WebSocket(`${wsUrl(relay)}/${office.id}/office?token=${office.token}`);
    const code = await new Promise<number>((resolve) => {
      raw.on('open', () => raw.send(Buffer.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3])));
      raw.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4400);
    const other = client(`${office.id}/office`, office.token);
    await whenSynced(other.provider);
    good.doc.getMap('settings').set('office', 'still works');
    await until(() => other.doc.getMap('settings').get('office') === 'still works', [other.doc]);
  });

  it('refuses a message over the size bound', async () => {
    await relay.close();
    relay = await relayIn(dir, { maxMessageBytes: 1024 });
    const office = await relay.offices.add('A');
    const raw = new WebSocket(`${wsUrl(relay)}/${office.id}/office?token=${office.token}`);
    const code = await new Promise<number>((resolve) => {
      raw.on('open', () => raw.send(Buffer.alloc(4096, 1)));
      raw.on('close', (c) => resolve(c));
      raw.on('error', () => undefined);
    });
    expect(code).toBe(1009);
  });

  it('keeps every edit across a graceful restart', async () => {
    const office = await relay.offices.add('A');
    const a = client(`${office.id}/directory`, office.token);
    await whenSynced(a.provider);
    for (let i = 0; i < 50; i++) a.doc.getMap('customers').set(`c${i}`, i);
    a.provider.destroy();
    await relay.close();
    relay = await relayIn(dir);
    const b = client(`${office.id}/directory`, office.token);
    await whenSynced(b.provider);
    // The relay loads the room before its handshake, so "synced" already means complete.
    expect(b.doc.getMap('customers').size).toBe(50);
  });

  it('never strands a client in a room that was dropped while it loaded', async () => {
    // Found by convergence.property.test.ts: a socket that closed while its room was still
    // loading from disk made the relay drop the room; a second socket waiting on the same load
    // then joined the dropped room, and its edits never reached anyone else.
    const { office, room } = await slowRoom();

    const early = new WebSocket(`${wsUrl(relay)}/${room}?token=${office.token}`);
    await new Promise((r) => early.on('open', r));
    const waiting = client(room, office.token);
    await new Promise((r) => waiting.provider.on('status', (s: { status: string }) => s.status === 'connected' && r(undefined)));
    early.terminate(); // leaves while the room is still loading
    await whenSynced(waiting.provider);

    const later = client(room, office.token);
    await whenSynced(later.provider);
    later.doc.getMap('customers').set('fromLater', 1);
    await until(() => waiting.doc.getMap('customers').has('fromLater'), [waiting.doc], 5_000, 'the waiting client to see a later edit');
  });

  it('keeps an update sent while its room loaded, even when the sender left before the load finished', async () => {
    // A tablet sends its offline edits right after connecting and loses the Wi-Fi a second later,
    // while the relay is still loading the room from disk: the edits must still reach the room.
    const { office, room } = await slowRoom();
    // A bare socket: one update message, then gone before the room can have loaded.
    const edit = new Y.Doc();
    edit.getMap('customers').set('offlineEdit', 'kept');
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(edit));
    const sender = new WebSocket(`${wsUrl(relay)}/${room}?token=${office.token}`);
    await new Promise((r) => sender.on('open', r));
    sender.send(encoding.toUint8Array(enc));
    sender.terminate();
    const reader = client(room, office.token);
    await whenSynced(reader.provider);
    await until(() => reader.doc.getMap('customers').get('offlineEdit') === 'kept', [reader.doc], 10_000, 'the update sent while the room loaded');
  });

  it('creates offices over HTTP only from this machine, and hands out unique device codes', async () => {
    const res = await fetch(`${relay.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '翠湖花园' }) });
    expect(res.status).toBe(201);
    const office = await res.json();
    expect(office.deviceCode).toBe('A');
    const codes = await Promise.all([1, 2, 3].map(() => addDevice(relay.url, office.officeId, office.token)));
    expect(new Set(codes.map((c) => c.deviceCode))).toEqual(new Set(['B', 'C', 'D']));
    const denied = await fetch(`${relay.url}/api/offices/${office.officeId}/invitations`, { method: 'POST', headers: { authorization: 'Bearer wrong' } });
    expect(denied.status).toBe(401);
    await relay.close();
    relay = await relayIn(dir, { allowCreate: 'none' });
    const refused = await fetch(`${relay.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: 'x' }) });
    expect(refused.status).toBe(403);
  });
});

describe('relay process', () => {
  it('loses no edit when killed with SIGKILL; clients reconnect by themselves', async () => {
    await relay.close();
    const office = await relay.offices.add('A'); // registry file is shared through dataDir
    let proc = await spawnRelay(dir);
    const port = Number(new URL(proc.url).port);
    const base = proc.url.replace(/^http/, 'ws');
    const a = yClient(base, `${office.id}/directory`, office.token);
    const b = yClient(base, `${office.id}/directory`, office.token);
    cleanups.push(() => a.provider.destroy(), () => b.provider.destroy());
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    for (let i = 0; i < 20; i++) a.doc.getMap('customers').set(`before${i}`, i);
    await until(() => b.doc.getMap('customers').size === 20, [b.doc]);

    proc.child.kill('SIGKILL');
    await waitExit(proc.child);
    // Edits made while the relay is down stay on the clients and go out on reconnect.
    for (let i = 0; i < 20; i++) a.doc.getMap('customers').set(`during${i}`, i);
    b.doc.getMap('customers').set('fromB', 'b');

    proc = await spawnRelay(dir, port);
    cleanups.push(async () => {
      proc.child.kill('SIGTERM');
      await waitExit(proc.child);
    });
    await until(() => a.doc.getMap('customers').size === 41 && b.doc.getMap('customers').size === 41, [a.doc, b.doc], 30_000, 'reconnect and merge');

    // A fresh client sees everything, from the relay's disk.
    const c = yClient(base, `${office.id}/directory`, office.token);
    cleanups.push(() => c.provider.destroy());
    await whenSynced(c.provider);
    expect(c.doc.getMap('customers').size).toBe(41);
  });
});

describe('relay start', () => {
  it('rejects, instead of crashing, when its port is taken', async () => {
    const dir2 = await tempDir();
    const first = await relayIn(dir2);
    await expect(relayIn(await tempDir(), { port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
    await removeDir(dir2);
  });
});
