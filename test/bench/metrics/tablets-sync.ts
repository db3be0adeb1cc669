/**
 * sync.edit_to_peer_ms.p50/.p95: two Chromium tablets (two browser contexts, each its own
 * device and sync worker) of the bench's office, through the relay. Both have the same customer's
 * page open; A edits the name (编辑, type, 保存); the time is from pressing 保存 on A until B's
 * page shows the new name. 30 samples after 3 warm-ups. Both clocks are the browser's
 * (performance.timeOrigin + now), so no Node-side timing is in the figure.
 * sync.raw_echo_ms.p95: beside it, the floor — 200 round trips of a 200-byte websocket message
 * from tablet A's page to an echo server on loopback in this process.
 */
import { WebSocketServer } from 'ws';
import { spec, type Metric } from '../metric';
import { EDIT_NAME_SCRIPT, ECHO_SCRIPT, WATCH_NAME_SCRIPT, run } from '../page-scripts';
import { median, quantile } from '../results';

export const tabletsSync: Metric = {
  name: 'tablets-sync',
  specs: [spec('sync.edit_to_peer_ms.p50', 'ms', null), spec('sync.edit_to_peer_ms.p95', 'ms', 50), spec('sync.raw_echo_ms.p95', 'ms', null)],
  needs: ['tablet'],
  budgetMs: 240_000,
  async run({ bench, record, scope }) {
    const office = await bench.office();
    const a = await bench.tablet();
    const b = await bench.joinTablet(office, scope.defer(await bench.context(), (c) => c.close()));
    const id = office.directory.ids[1];
    for (const t of [a, b]) {
      await t.page.goto(`${office.base}/customers/${id}`);
      await t.page.getByTestId('customer-name').waitFor();
    }
    const lat: number[] = [];
    const saves: number[] = [];
    for (let i = 0; i < 33; i++) {
      scope.check();
      const name = `同步测试${i}`;
      await run(b.page, WATCH_NAME_SCRIPT, { name }, 5_000, 'watch on B');
      const [pressed, saved] = await run<[number, number]>(a.page, EDIT_NAME_SCRIPT, { name, ms: 10_000 }, 10_000, 'edit on A');
      const seen = Number(await (await b.page.waitForFunction('window.__linliSeen', null, { timeout: 10_000, polling: 20 })).jsonValue());
      if (i >= 3) {
        lat.push(seen - pressed);
        saves.push(saved - pressed);
      }
    }
    record('sync.edit_to_peer_ms.p50', median(lat), `A's own save took ${median(saves).toFixed(1)} ms (median)`);
    record('sync.edit_to_peer_ms.p95', quantile(lat, 0.95), `${lat.length} samples`);

    const echo = scope.defer(new WebSocketServer({ port: 0, host: '127.0.0.1' }), (s) => s.close());
    await new Promise((r) => echo.once('listening', r));
    echo.on('connection', (s) => s.on('message', (m) => s.send(m)));
    const port = (echo.address() as { port: number }).port;
    const echoes = await run<number[]>(a.page, ECHO_SCRIPT, { url: `ws://127.0.0.1:${port}`, n: 200 }, 30_000, 'echo');
    record('sync.raw_echo_ms.p95', quantile(echoes, 0.95), 'browser page → loopback echo server in the bench process');
  },
};
