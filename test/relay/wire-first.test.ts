/**
 * Faster peers: a command's update goes to the relay as soon as its Yjs transaction is applied,
 * in parallel with the IndexedDB commit, while the command's promise still waits for the disk.
 * The tablet's IndexedDB is held by a transaction kept open on the same store: the colleague
 * receives the new customer while the tablet's own commit cannot have happened yet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { createCustomer } from '../../src/domain/customers/customer';
import { whenSynced, until, yClient } from '../helpers/client';
import { openDevice } from '../helpers/devices';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';

let dir: string;
let relay: Relay;

beforeEach(async () => {
  dir = await tempDir();
  relay = await relayIn(dir);
});

afterEach(async () => {
  await relay.close();
  await removeDir(dir);
});

/** Holds `store` of this IndexedDB in a readwrite transaction, kept alive by one request after another, until released. */
function holdStore(idb: IDBDatabase, store: string): { held: Promise<void>; release: () => void } {
  let releasing = false;
  let onHeld!: () => void;
  const held = new Promise<void>((r) => (onHeld = r));
  const tx = idb.transaction([store], 'readwrite');
  const os = tx.objectStore(store);
  const spin = () => {
    if (releasing) return;
    os.count().onsuccess = spin;
  };
  os.count().onsuccess = () => {
    onHeld();
    spin();
  };
  return { held, release: () => (releasing = true) };
}

describe('a command and the wire', () => {
  it('puts the update on the wire before the IndexedDB commit, and resolves only once on disk', async () => {
    const office = await relay.offices.add('翠湖花园');
    const tablet = openDevice({ officeId: office.id, relay: { url: wsUrl(relay), token: office.token } });
    await tablet.store.load('directory');
    const colleague = yClient(wsUrl(relay), `${office.id}/directory`, office.token);
    await whenSynced(colleague.provider);
    await new Promise<void>((resolve) => {
      const stop = tablet.store.sync.subscribe((s) => s.state === 'synced' && (resolve(), queueMicrotask(() => stop())));
    });

    const db = tablet.openDb();
    await db.open();
    const hold = holdStore(db.backendDB(), 'updates');
    await hold.held;

    const made = createCustomer({ name: '张伟', phones: ['13800138000'], unitCode: '' }, '', { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: new Date().toISOString() }, []);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    let resolved = false;
    const run = tablet.office.run(made.value.command).then((r) => {
      resolved = true;
      return r;
    });

    // On the wire and at the colleague while the tablet's commit is still held.
    await until(() => colleague.doc.getMap('customers').has(made.value.id), [colleague.doc], 10_000, 'the colleague to receive the customer');
    expect(resolved).toBe(false);

    hold.release();
    expect((await run).ok).toBe(true);
    expect(resolved).toBe(true);
    expect((await tablet.store.db.customers.get(made.value.id))?.name).toBe('张伟');
    colleague.provider.destroy();
    db.close();
  });
});
