import { encodePicture, type Encoded } from './encode';

/**
 * The page's side of the pictures worker: one worker, started on first use, answering one photo at
 * a time, and ended once it has had nothing to do for `IDLE_MS`. Decoding and encoding leave native
 * memory behind in the worker (decoder buffers, image caches) that its few JavaScript objects never
 * make it collect; ending the worker gives all of it back at once, so a tablet that took fifty
 * photos holds what it held before (attachments.memory_growth_50_mb). Starting it again costs a
 * few tens of ms, paid once per burst of photos, not per photo.
 * Where module workers or OffscreenCanvas are missing it encodes on the page instead.
 */
export const IDLE_MS = 2_000;

let worker: Worker | null = null;
let next = 0;
let idle: ReturnType<typeof setTimeout> | null = null;
const waiting = new Map<number, { file: Blob; resolve: (e: Encoded) => void; reject: (e: Error) => void }>();

function start(): Worker {
  if (idle) clearTimeout(idle);
  idle = null;
  if (worker) return worker;
  const w = new Worker(new URL('./encode-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: Encoded; error?: string }>) => {
    const p = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!waiting.size) idle = setTimeout(stop, IDLE_MS);
    if (!p) return;
    if (e.data.ok && e.data.value) p.resolve(e.data.value);
    else p.reject(new Error(e.data.error ?? 'encode failed'));
  };
  // A worker that cannot start (its script not loadable: a page the service worker does not
  // control yet, offline) or that crashed: every photo waiting on it is encoded on the page
  // instead — slower for the page, but a photo is never lost to the worker; the next one tries a
  // fresh worker again.
  w.onerror = (e) => {
    e.preventDefault();
    const orphans = [...waiting.values()];
    waiting.clear();
    stop();
    for (const p of orphans) encodePicture(p.file).then(p.resolve, p.reject);
  };
  worker = w;
  return w;
}

function stop(): void {
  if (idle) clearTimeout(idle);
  idle = null;
  if (waiting.size) return;
  worker?.terminate();
  worker = null;
}

export function encodeInWorker(file: Blob): Promise<Encoded> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return encodePicture(file);
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { file, resolve, reject });
    start().postMessage({ id, file });
  });
}

