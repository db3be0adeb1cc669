/**
 * attachments.photo_to_peer_thumb_store_ms.p95 (target ≤ 1,500): a photo kept on tablet A until its
 * thumbnail's bytes are in tablet B's blob table, through a relay. Measured at store level — two
 * Node tablets (our store and blob transfer on fake-indexeddb, as in node-sync) of a small office on
 * a relay of its own. The page-level figure that carries the name,
 * attachments.photo_to_peer_thumb_ms (choosing the photo on A's page to its thumbnail on B's), is
 * attachments-page.ts; this one stays beside it as the floor: the transfer alone, no re-encoding,
 * no page.
 * Each sample: A keeps a 300 KB original and a 20 KB thumbnail, writes the reference into one
 * request's `attachments` (as the pictures domain does) and B waits on a liveQuery of its blob
 * row. 23 samples, the first 3 warm-ups.
 */
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { liveQuery } from 'dexie';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { keepBlob } from '../../../src/store/blobs/local';
import { OfficeStore } from '../../../src/store/office-store';
import { LOCAL_ORIGIN } from '../../../src/store/shard-doc';
import { relayIn, removeDir, tempDir, wsUrl } from '../../helpers/relay';
import { spec, type Metric } from '../metric';
import { median, quantile } from '../results';
import { within } from '../scope';

const jpeg = (n: number) => new Blob([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(n - 4)])], { type: 'image/jpeg' });

export const attachments: Metric = {
  name: 'attachments',
  specs: [spec('attachments.photo_to_peer_thumb_store_ms.p95', 'ms', 1500)],
  needs: [],
  budgetMs: 120_000,
  async run({ record, scope }) {
    const dir = await tempDir('linli-bench-blobs-');
    scope.defer(dir, removeDir);
    const relay = scope.defer(await relayIn(dir, { backupDir: null }), (r) => r.close());
    const office = await relay.offices.add('翠湖花园管理处');
    const joined = await relay.offices.join(office.id, (await relay.offices.invite(office.id, { createdByDevice: 'A' })).code);
    if (!joined.ok) throw new Error('join');
    const mk = (code: string, token: string) =>
      scope.defer(
        new OfficeStore({ officeId: office.id, officeName: '', relayUrl: wsUrl(relay), token, deviceCode: code, staffId: `s-${code}` }, { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket }),
        (s) => s.close(),
      );
    const a = mk('A', office.token);
    const b = mk(joined.device.deviceCode, joined.device.token);
    const shard = 'ledger-2026-12' as const;
    const [sa, sb] = await Promise.all([a.shard(shard), b.shard(shard)]);
    sa.doc.transact(() => {
      const request = new Y.Map<unknown>();
      request.set('description', '厨房漏水');
      request.set('attachments', new Y.Map());
      sa.doc.getMap('requests').set('r1', request);
    }, LOCAL_ORIGIN);
    await within(
      new Promise<void>((resolve) => {
        const check = () => sb.doc.getMap('requests').has('r1') && (sb.doc.off('update', check), resolve());
        sb.doc.on('update', check);
        check();
      }),
      30_000,
      'the request on B',
    );
    const lat: number[] = [];
    for (let i = 0; i < 23; i++) {
      scope.check();
      const t0 = performance.now();
      const original = await keepBlob(a.db, jpeg(300_000), 'image/jpeg', false);
      const thumb = await keepBlob(a.db, jpeg(20_000), 'image/jpeg', true);
      const arrived = new Promise<number>((resolve) => {
        const sub = liveQuery(() => b.db.blobs.get(thumb.sha256)).subscribe({
          next: (row) => {
            if (row?.data) {
              sub.unsubscribe();
              resolve(performance.now());
            }
          },
        });
      });
      sa.doc.transact(() => {
        (sa.doc.getMap<Y.Map<unknown>>('requests').get('r1')!.get('attachments') as Y.Map<unknown>).set(original.sha256, {
          sha256: original.sha256, mime: 'image/jpeg', bytes: original.bytes, width: 1600, height: 1200, kind: 'photo', by: 's-A', at: new Date().toISOString(), thumb: thumb.sha256,
        });
      }, LOCAL_ORIGIN);
      const seen = await within(arrived, 20_000, 'the thumbnail on B');
      if (i >= 3) lat.push(seen - t0);
    }
    record('attachments.photo_to_peer_thumb_store_ms.p95', quantile(lat, 0.95), `${lat.length} samples, median ${median(lat).toFixed(0)} ms; Node tablets at store level (no page, no re-encoding)`);
  },
};
