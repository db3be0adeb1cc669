/**
 * Where a renderer's memory is, by Chromium's own accounting (the `memory-infra` tracing category:
 * malloc, PartitionAlloc, each V8 isolate (the page's and each worker's), Blink's GC heap, Skia,
 * the image caches …). Opt-in for a probe (`BENCH_MEMDUMP=1`): it tells which allocator grew when
 * an RSS figure moved, which RSS alone cannot.
 */
import type { Browser, CDPSession } from 'playwright-core';

export interface Dump {
  /** pid → allocator path (e.g. "v8/main", "partition_alloc/partitions/buffer") → size in bytes. */
  byPid: Map<number, Map<string, number>>;
}

export async function memoryDump(browser: Browser): Promise<Dump> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const events: Array<{ pid: number; ph: string; name?: string; args?: { dumps?: { allocators?: Record<string, { attrs?: Record<string, { value: string }> }> } } }> = [];
  const done = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } },
  } as never);
  await cdp.send('Tracing.requestMemoryDump' as never, { deterministic: true, levelOfDetail: 'detailed' } as never);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const byPid = new Map<number, Map<string, number>>();
  for (const e of events) {
    const allocators = e.args?.dumps?.allocators;
    if (e.ph !== 'v' || !allocators) continue;
    const m = byPid.get(e.pid) ?? new Map<string, number>();
    for (const [path, a] of Object.entries(allocators)) {
      const size = a.attrs?.size?.value;
      // Top two levels only: enough to name the owner, few enough to read.
      if (size && path.split('/').length <= 3) m.set(path, (m.get(path) ?? 0) + parseInt(size, 16));
    }
    byPid.set(e.pid, m);
  }
  return { byPid };
}

/** The allocators of `pid` that grew most between two dumps, as lines "path +N MB (a → b)". */
export function grown(before: Dump, after: Dump, pid: number, top = 15): string[] {
  const a = before.byPid.get(pid) ?? new Map<string, number>();
  const b = after.byPid.get(pid) ?? new Map<string, number>();
  const mb = (x: number) => (x / 1048576).toFixed(1);
  return [...new Set([...a.keys(), ...b.keys()])]
    .map((k) => ({ k, d: (b.get(k) ?? 0) - (a.get(k) ?? 0), a: a.get(k) ?? 0, b: b.get(k) ?? 0 }))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))
    .slice(0, top)
    .map((x) => `${x.k} ${x.d >= 0 ? '+' : ''}${mb(x.d)} MB (${mb(x.a)} → ${mb(x.b)})`);
}
