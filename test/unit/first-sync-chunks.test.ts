import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ledgerShard } from '../../src/domain/shards';
import { PROJECT_CHUNK } from '../../src/store/shard-doc';
import { openDevice } from '../helpers/devices';
import { ledgerDoc, officeDoc } from '../bench/seed';

const year = new Date().getUTCFullYear();
const ledger = ledgerShard(new Date().toISOString().slice(0, 7));

/** Resolves once `read` gives a value `ok` accepts (Dexie's liveQuery: no polling). */
function when<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = liveQuery(read).subscribe({
      next: (v) => {
        if (!ok(v)) return;
        resolve(v);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}

describe('a new tablet\'s first sync of a large year', () => {
  it('lets the office shard\'s staff list in while the year is still being written (the 选择身份 screen does not wait for the ledger)', async () => {
    const d = openDevice();
    const office = await d.store.shard('office');
    const shard = await d.store.shard(ledger);
    const n = 2 * PROJECT_CHUNK + 500;
    const year10k = ledgerDoc(n, year);
    const staff = officeDoc('翠湖花园管理处');
    // (the office's first write loads its projection's helpers; done before, so the order below is the one tested)
    const warm = new Y.Doc();
    warm.getMap('settings').set('warm-up', new Y.Map());
    Y.applyUpdate(office.doc, Y.encodeStateAsUpdate(warm), 'relay');
    await office.flushed();
    // The relay answered the ledger's room first: its whole year arrives as one update.
    Y.applyUpdate(shard.doc, Y.encodeStateAsUpdate(year10k), 'relay');
    // Once its first rows are on disk, the office's answer arrives.
    await when(() => d.store.db.requests.count(), (c) => c > 0);
    let yearWritten = false;
    void shard.flushed().then(() => (yearWritten = true));
    Y.applyUpdate(office.doc, Y.encodeStateAsUpdate(staff), 'relay');
    await office.flushed();
    expect(await d.store.db.staff.count()).toBe(1);
    // The staff list is on disk before the year's last rows: one transaction for the whole year
    // would have made it wait for all of it.
    expect(yearWritten).toBe(false);
    await shard.flushed();
    expect(await d.store.db.requests.count()).toBe(n);
    // The projection's stamp is whole again (a partial one would rebuild on the next load).
    expect(String((await d.store.db.meta.get(`projection:${ledger}`))?.value)).toContain('figurePacks:');
  }, 120_000);

  it('a tab closed half-way through rebuilds the year\'s rows and packs on its next load', async () => {
    const d = openDevice();
    const shard = await d.store.shard(ledger);
    const n = PROJECT_CHUNK + 300;
    Y.applyUpdate(shard.doc, Y.encodeStateAsUpdate(ledgerDoc(n, year)), 'relay');
    await when(() => d.store.db.meta.get(`projection:${ledger}`), (m) => m?.value === 'partial');
    // Closed mid-way: the log row is on disk, the projection only in part.
    await d.store.close();
    const again = await d.reopen();
    await again.store.shard(ledger);
    expect(await again.store.db.requests.count()).toBe(n);
    const packed = (await again.store.db.figurePacks.toArray()).filter((p) => p.key.startsWith('requests|')).reduce((k, p) => k + p.rows.length, 0);
    expect(packed).toBe(n);
  }, 120_000);
});
