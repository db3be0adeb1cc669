/**
 * requests.create_ms: in Node (our store on fake-indexeddb, offline), on a device holding the
 * year's REQUESTS requests: take a request, then find it in the team queue as far down as its
 * deadline puts it (it is due last); median of 27 after 3 warm-ups.
 */
import { ledgerShardAt } from '../../../src/domain/shards';
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { OfficeStore } from '../../../src/store/office-store';
import { takeRequest } from '../../../src/store/requests';
import { queue } from '../../../src/store/queries/requests';
import { spec, type Metric } from '../metric';
import { SIZES, THIS_YEAR } from '../office';
import { median } from '../results';
import { benchActor, ledgerDoc } from '../seed';

export const create: Metric = {
  name: 'create',
  specs: [spec('requests.create_ms', 'ms', 30)],
  needs: [],
  budgetMs: 90_000,
  async run({ record, scope }) {
    const ledger = ledgerDoc(SIZES.requests, THIS_YEAR);
    const desk = scope.defer(
      new OfficeStore({ officeId: `bench-desk-${Date.now()}`, officeName: '', relayUrl: 'ws://127.0.0.1:9', token: '', deviceCode: 'Q', staffId: benchActor.staffId, staffName: '王丽' }, { offline: true }),
      (d) => d.close(),
    );
    // The month a new request is written into (the seeded year is applied into it: a desk at its heaviest).
    const shard = await desk.shard(ledgerShardAt(new Date().toISOString()));
    Y.applyUpdate(shard.doc, Y.encodeStateAsUpdate(ledger), 'relay');
    ledger.destroy();
    await shard.flushed();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      scope.check();
      const t0 = performance.now();
      const made = await takeRequest(desk, { kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: `漏水 ${i}`, customerId: '', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      const q = await queue(desk.db, 'team', { me: benchActor.staffId, teamId: 'engineering', now: new Date(), todayEnd: new Date().toISOString(), limit: 1000 });
      if (!q.rows.some((r) => r.id === made.value.id)) throw new Error('not in the team queue');
      times.push(performance.now() - t0);
    }
    record('requests.create_ms', median(times.slice(3)), `Node, fake-indexeddb, ${SIZES.requests} requests`);
  },
};
