import { encodePicture, type Encoded } from './encode';

/**
 * The page's side of the pictures worker: one worker, started on first use, answering one photo at
 * a time. Where module workers or OffscreenCanvas are missing it encodes on the page instead.
 *
 * The worker is ended once it has had nothing to do for IDLE_MS: decoding a 12-megapixel photo
 * takes ~50 MB of native memory each time, and what a worker's decoder and canvases keep after a
 * burst of photos stays in the tablet's renderer for as long as the worker lives (the bench's
 * attachments.memory_growth_50_mb). Ending it gives all of it back; the next photo starts a new one
 * (a few tens of ms, beside a second of decoding).
 */
const IDLE_MS = 2_000;
let worker: Worker | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (e: Encoded) => void; reject: (e: Error) => void }>();

function endWhenIdle(): void {
  clearTimeout(idle);
  if (waiting.size) return;
  idle = setTimeout(() => {
    if (waiting.size || !worker) return;
    worker.terminate();
    worker = null;
  }, IDLE_MS);
}

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./encode-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: Encoded; error?: string }>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!w) return;
    if (e.data.ok && e.data.value) w.resolve(e.data.value);
    else w.reject(new Error(e.data.error ?? 'encode failed'));
    endWhenIdle();
  };
  return worker;
}

export function encodeInWorker(file: Blob): Promise<Encoded> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return encodePicture(file);
  const id = ++next;
  clearTimeout(idle);
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    start().postMessage({ id, file });
  });
}
