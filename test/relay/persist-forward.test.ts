import { afterEach, describe, expect, it } from 'vitest';
import { OfficeRegistry } from '../../sync-server/offices';
import { until, whenSynced, yClient } from '../helpers/client';
import { removeDir, spawnRelay, tempDir, waitExit, type RelayProcess } from '../helpers/relay';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('persist, then forward (issue 18, failure 9)', () => {
  it('an update a peer received is on disk: SIGKILL with the sender and the receiving peer gone loses nothing', async () => {
    const dir = await tempDir();
    cleanups.push(() => removeDir(dir));
    const registry = new OfficeRegistry(dir);
    await registry.load();
    const office = await registry.add('翠湖花园');
    await registry.flushed();
    let proc: RelayProcess = await spawnRelay(dir);
    const stop = async () => {
      proc.child.kill('SIGKILL');
      await waitExit(proc.child);
    };
    cleanups.push(stop);
    const base = proc.url.replace(/^http/, 'ws');
    const room = `${office.id}/directory`;
    const sender = yClient(base, room, office.token);
    const peer = yClient(base, room, office.token);
    await Promise.all([whenSynced(sender.provider), whenSynced(peer.provider)]);

    // Many small edits, each its own update: the relay's disk falls behind its sockets.
    const customers = sender.doc.getMap('customers');
    for (let i = 0; i < 300; i++) customers.set(`c${i}`, `客户${i}`);
    sender.provider.destroy(); // the sender is gone with its copy
    const got = peer.doc.getMap('customers');
    await until(() => got.size === 300, [peer.doc], 30_000, 'the peer to receive every edit');
    // The moment the peer has the last edit: it goes, and the relay is killed.
    peer.provider.destroy();
    await stop();

    proc = await spawnRelay(dir, Number(new URL(proc.url).port));
    const fresh = yClient(base, room, office.token);
    cleanups.push(() => fresh.provider.destroy());
    await whenSynced(fresh.provider);
    // The relay loads a room before its handshake: synced means everything it has.
    expect(fresh.doc.getMap('customers').size).toBe(300);
  });
});
