/// <reference lib="webworker" />
import { encodePicture } from './encode';

/**
 * The pictures worker: decoding a 12-megapixel photo and encoding it again takes a tablet a
 * second or more, so it happens here, off the page's thread and off the sync worker's (which
 * must keep applying colleagues' edits meanwhile). One message in (the file), one out.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<{ id: number; file: Blob }>) => {
  const { id, file } = e.data;
  try {
    self.postMessage({ id, ok: true, value: await encodePicture(file) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
