/**
 * sync.node_edit_to_peer_ms.p50/.p95: the former sync figure, kept for comparison (no target):
 * two Node devices (our store on fake-indexeddb, no worker) through the bench's relay, a customer
 * edit committed on A until its projection row is on B; 55 samples after 5 warm-ups.
 */
import 'fake-indexeddb/auto';
import WebSocket from 'ws';
import { OfficeStore } from '../../../src/store/office-store';
import { updateCustomer } from '../../../src/store/customers';
import { until } from '../../helpers/client';
import { spec, type Metric } from '../metric';
import { SIZES } from '../office';
import { median, quantile } from '../results';
import { within } from '../scope';
import { benchActor } from '../seed';

export const nodeSync: Metric = {
  name: 'node-sync',
  specs: [spec('sync.node_edit_to_peer_ms.p50', 'ms', null), spec('sync.node_edit_to_peer_ms.p95', 'ms', null)],
  needs: ['office'],
  budgetMs: 120_000,
  async run({ bench, record, scope }) {
    const office = await bench.office();
    const mk = (device: string) =>
      scope.defer(
        new OfficeStore(
          { officeId: office.id, officeName: '', relayUrl: office.ws.replace('localhost', '127.0.0.1'), token: office.token, deviceCode: device, staffId: benchActor.staffId },
          { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket },
        ),
        (s) => s.close(),
      );
    const a = mk('Y');
    const b = mk('Z');
    const [sa, sb] = await Promise.all([a.shard('directory'), b.shard('directory')]);
    await until(() => sa.doc.getMap('customers').size === SIZES.customers && sb.doc.getMap('customers').size === SIZES.customers, [sa.doc, sb.doc], 120_000, 'devices synced');
    await Promise.all([sa.flushed(), sb.flushed()]);
    const id = office.directory.ids[0];
    const lat: number[] = [];
    for (let i = 0; i < 60; i++) {
      scope.check();
      const name = `测试${i}`;
      const seen = new Promise<number>((resolveSeen) => {
        const on = async () => {
          await sb.flushed();
          const row = await b.db.customers.get(id);
          if (row?.name === name) {
            sb.doc.off('update', on);
            resolveSeen(performance.now());
          }
        };
        sb.doc.on('update', on);
      });
      const t0 = performance.now();
      const r = await updateCustomer(a, id, { name, phones: [], unitCode: '' });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      lat.push((await within(seen, 10_000, 'edit on the peer')) - t0);
    }
    record('sync.node_edit_to_peer_ms.p50', median(lat.slice(5)));
    record('sync.node_edit_to_peer_ms.p95', quantile(lat.slice(5), 0.95));
  },
};
