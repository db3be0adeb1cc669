/**
 * A probe for one engineer on a shared machine, not part of `npm run bench`: the bench's own
 * `open` and `search` metrics (and a CPU profile, a trace, per-keystroke phases, screenshots) on
 * a bench office with small ledgers, without a whole run. Compare builds in the same minutes:
 * run it from a directory whose `dist/` is the build to measure (DIST is `./dist`).
 *   BENCH_REQUESTS=300 npx tsx test/bench/local-probe.ts open|search|profile|trace|phases|shots [runs]
 * `phases` reads marks `q-input:<q>`, `q-start:<q>`, `q-end:<q>` that only a locally instrumented
 * CustomerList sets.
 */
import { writeFileSync } from 'node:fs';
import { Bench } from './office';
import { open } from './metrics/open';
import { search } from './metrics/desk';
import { SEARCH_SCRIPT, run } from './page-scripts';

const what = process.argv[2] ?? 'open';
const runs = Number(process.argv[3] ?? 3);
const bench = new Bench();
const ctx = {
  bench,
  scope: { check() {} } as never,
  record: (m: string, v: number, r?: string) => console.log('RESULT', m, v.toFixed(1), r ?? ''),
  fail: (m: string, r: string) => console.log('FAIL', m, r),
  wants: () => false,
};
try {
  const office = await bench.office();
  const { page, context } = await bench.tablet();
  if (what === 'open') {
    for (let i = 0; i < runs; i++) await open.run(ctx);
    const scripts = await page.evaluate(`(() => {
      const mark = performance.getEntriesByName('linli:list-rendered')[0].startTime;
      return performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => [new URL(r.name).pathname, Math.round(r.startTime), r.startTime <= mark, Math.round(mark)]);
    })()`);
    console.log(JSON.stringify(scripts));
  } else if (what === 'search') {
    for (let i = 0; i < runs; i++) await search.run(ctx);
  } else if (what === 'trace') {
    await search.run(ctx);
    const sample = office.directory.customers.filter((_, i) => i % 200 === 0);
    const queries = sample.flatMap((c, i) => [c.name.slice(1), c.phones[0].slice(-4 - (i % 4)), c.unitCode, c.unitCode.replace(/^(\d+)-(\d+)-/, '$1栋$2单元')]);
    queries.push('zhang', 'wangf', 'zw', 'lj', 'chen', 'lx', 'ouyang', 'hm');
    const cdp = await context.newCDPSession(page);
    const events: any[] = [];
    cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' } as any);
    const times = await run<number[]>(page, SEARCH_SCRIPT, queries, 60_000, 'search');
    await cdp.send('Tracing.end');
    await done;
    times.sort((a, b) => a - b);
    console.log('times', times.length, 'median', times[times.length >> 1].toFixed(1), 'p95', times[Math.floor(times.length * 0.95)].toFixed(1));
    const main = events.filter((e) => e.ph === 'X' && e.dur);
    const tids = new Map<string, number>();
    for (const e of main) if (e.name === 'FunctionCall' || e.name === 'Layout') tids.set(e.pid + ':' + e.tid, (tids.get(e.pid + ':' + e.tid) ?? 0) + 1);
    const top = [...tids].sort((a, b) => b[1] - a[1])[0][0];
    const by = new Map<string, [number, number]>();
    for (const e of main) if (e.pid + ':' + e.tid === top) { const v = by.get(e.name) ?? [0, 0]; v[0] += e.dur; v[1]++; by.set(e.name, v); }
    console.log([...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25).map(([k, [d, n]]) => `${(d / 1000).toFixed(1)}ms ×${n} ${k}`).join('\n'));
    writeFileSync('/tmp/lean-trace.json', JSON.stringify(events));
  } else if (what === 'phases') {
    const sample = office.directory.customers.filter((_, i) => i % 200 === 0);
    const queries = sample.flatMap((c, i) => [c.name.slice(1), c.phones[0].slice(-4 - (i % 4)), c.unitCode, c.unitCode.replace(/^(\d+)-(\d+)-/, '$1栋$2单元')]);
    queries.push('zhang', 'wangf', 'zw', 'lj', 'chen', 'lx', 'ouyang', 'hm');
    await page.goto(`${office.base}/customers`);
    await page.getByTestId('customer-list').waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 120_000 });
    await page.waitForTimeout(2000);
    for (let r = 0; r < runs; r++) {
      await page.evaluate('performance.clearMarks()');
      const times = await run<number[]>(page, SEARCH_SCRIPT, queries, 60_000, 'search');
      const marks = (await page.evaluate(`performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])`)) as [string, number][];
      const at = (kind: string, q: string) => marks.find(([n]) => n === kind + ':' + q)?.[1] ?? NaN;
      const rows = queries.map((q, i) => { const a = at('q-input', q), b = at('q-start', q), c = at('q-end', q); return [b - a, c - b, a + times[i] - c, times[i]]; });
      const col = (k: number) => rows.map((x) => x[k]).filter((v) => !isNaN(v)).sort((x, y) => x - y);
      const q = (v: number[], p: number) => v[Math.min(v.length - 1, Math.floor(v.length * p))];
      console.log(['input→query', 'query', 'query→DOM', 'total'].map((n, k) => `${n}: med ${q(col(k), 0.5).toFixed(1)} p95 ${q(col(k), 0.95).toFixed(1)}`).join(' | '));
      const slow = rows.map((x, i) => [queries[i], ...x.map((v) => +v.toFixed(1))]).sort((a: any, b: any) => b[4] - a[4]).slice(0, 8);
      console.log(JSON.stringify(slow));
    }
  } else if (what === 'shots') {
    const tag = process.env.SHOT_TAG ?? 'new';
    const dir = '/tmp/lean-shots';
    (await import('node:fs')).mkdirSync(dir, { recursive: true });
    for (const [w, h] of [[800, 1280], [1280, 800]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${office.base}/today`);
      await page.getByTestId('today').waitFor();
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `${dir}/${tag}-today-${w}x${h}.png` });
      await page.goto(`${office.base}/customers`);
      await page.getByTestId('customer-list').waitFor();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${dir}/${tag}-customers-${w}x${h}.png` });
      await page.getByRole('searchbox').fill('zw');
      await page.locator('[data-results-for="zw"]').waitFor();
      await page.screenshot({ path: `${dir}/${tag}-search-${w}x${h}.png` });
    }
    // The first screen while it opens: frames from navigation on.
    await page.setViewportSize({ width: 1280, height: 800 });
    const cdp = await context.newCDPSession(page);
    const frames: Buffer[] = [];
    cdp.on('Page.screencastFrame', (f: any) => { frames.push(Buffer.from(f.data, 'base64')); void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }); });
    await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
    await page.goto(`${office.base}/customers`);
    await page.getByTestId('customer-list').waitFor();
    await page.waitForTimeout(800);
    await cdp.send('Page.stopScreencast');
    frames.forEach((f, i) => writeFileSync(`${dir}/${tag}-open-frame-${String(i).padStart(2, '0')}.png`, f));
    console.log('frames', frames.length);
  } else if (what === 'profile') {
    await search.run(ctx);
    const sample = office.directory.customers.filter((_, i) => i % 200 === 0);
    const queries = sample.flatMap((c, i) => [c.name.slice(1), c.phones[0].slice(-4 - (i % 4)), c.unitCode, c.unitCode.replace(/^(\d+)-(\d+)-/, '$1栋$2单元')]);
    queries.push('zhang', 'wangf', 'zw', 'lj', 'chen', 'lx', 'ouyang', 'hm');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const times = await run<number[]>(page, SEARCH_SCRIPT, queries, 60_000, 'search');
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: any };
    writeFileSync('/tmp/lean-search.cpuprofile', JSON.stringify(profile));
    times.sort((a, b) => a - b);
    console.log('times', times.length, 'median', times[times.length >> 1].toFixed(1), 'p95', times[Math.floor(times.length * 0.95)].toFixed(1));
    const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
    const parent = new Map<number, any>();
    for (const m of profile.nodes) for (const c of m.children ?? []) parent.set(c, m);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const d = profile.timeDeltas[i + 1] ?? 0;
      let n = nodes.get(profile.samples[i]);
      const key = (x: any) => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber}`;
      self.set(key(n), (self.get(key(n)) ?? 0) + d);
      const seen = new Set<string>();
      while (n) { const k = key(n); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + d); } n = parent.get(n.id); }
    }
    console.log('SELF\n' + [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
    console.log('TOTAL\n' + [...total].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
  }
} finally {
  await bench.close();
}
process.exit(0);
