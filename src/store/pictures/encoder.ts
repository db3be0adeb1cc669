import { encodePicture, type Encoded } from './encode';

/**
 * The page's side of the pictures worker: one worker, started on first use, answering one photo at
 * a time. Where module workers or OffscreenCanvas are missing it encodes on the page instead.
 */
let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve: (e: Encoded) => void; reject: (e: Error) => void }>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./encode-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: Encoded; error?: string }>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!w) return;
    if (e.data.ok && e.data.value) w.resolve(e.data.value);
    else w.reject(new Error(e.data.error ?? 'encode failed'));
  };
  return worker;
}

export function encodeInWorker(file: Blob): Promise<Encoded> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return encodePicture(file);
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    start().postMessage({ id, file });
  });
}
