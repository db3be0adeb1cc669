/**
 * Re-encoding a chosen photo for keeping and sending: long edge at most 1,600 px, JPEG at 0.8 (or
 * WebP when the browser makes it smaller), and a 320 px thumbnail of at most 64 KB. Drawing the
 * decoded pixels onto a fresh canvas and encoding that writes a new file with no metadata at all:
 * EXIF, and with it the GPS position a phone writes (PIPL counts location as sensitive), is gone.
 * `createImageBitmap` applies the EXIF orientation first, so a photo taken upright stays upright.
 *
 * A photo larger than the long edge is decoded already reduced: its size is read from the file's
 * header (image-size.ts) and `createImageBitmap` is asked for the fitted size, so the worker never
 * holds the 4,000 × 3,000 pixels (48 MB) as a bitmap of its own; the thumbnail is drawn from the
 * reduced one. A header not understood falls back to decoding at full size.
 *
 * Runs wherever OffscreenCanvas exists: in the pictures worker (encode-worker.ts) on the tablet,
 * and on the page as a fallback.
 */
import { HEADER_BYTES, imageSize } from './image-size';

export const ENCODE = { edge: 1600, quality: 0.8, thumbEdge: 320, thumbBytes: 64 * 1024 } as const;

export interface Encoded {
  full: Blob;
  thumb: Blob;
  width: number;
  height: number;
  mime: string;
}

function fit(w: number, h: number, edge: number): [number, number] {
  const scale = Math.min(1, edge / Math.max(w, h));
  return [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
}

async function draw(bitmap: ImageBitmap, w: number, h: number): Promise<OffscreenCanvas> {
  const canvas = new OffscreenCanvas(w, h);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  // White under a PNG's transparency (a screenshot from WeChat): JPEG has no alpha.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  g.imageSmoothingQuality = 'high';
  g.drawImage(bitmap, 0, 0, w, h);
  return canvas;
}

/** The smaller of JPEG and WebP at this quality (a browser without WebP encoding returns PNG for it: ignored). */
async function smallest(canvas: OffscreenCanvas, quality: number): Promise<Blob> {
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality }).catch(() => null);
  return webp && webp.type === 'image/webp' && webp.size < jpeg.size ? webp : jpeg;
}

/** The bitmap to encode from: at the fitted size when the header says the picture is larger. */
async function decode(source: Blob): Promise<ImageBitmap> {
  const size = imageSize(new Uint8Array(await source.slice(0, HEADER_BYTES).arrayBuffer()));
  if (size) {
    const [w, h] = fit(size.width, size.height, ENCODE.edge);
    if (w < size.width) return createImageBitmap(source, { imageOrientation: 'from-image', resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  }
  return createImageBitmap(source, { imageOrientation: 'from-image' });
}

/**
 * Gives a canvas's pixels back now: a canvas's backing store is freed only when the object is
 * collected, and a worker that holds little JavaScript rarely collects — releasing them took
 * ~130 MB off the renderer's growth over fifty photos (attachments.memory_growth_50_mb).
 */
function release(canvas: OffscreenCanvas): void {
  canvas.width = 0;
  canvas.height = 0;
}

export async function encodePicture(source: Blob): Promise<Encoded> {
  const bitmap = await decode(source);
  const canvases: OffscreenCanvas[] = [];
  try {
    const [w, h] = fit(bitmap.width, bitmap.height, ENCODE.edge);
    const large = await draw(bitmap, w, h);
    canvases.push(large);
    const full = await smallest(large, ENCODE.quality);
    release(large);
    const [tw, th] = fit(bitmap.width, bitmap.height, ENCODE.thumbEdge);
    const small = await draw(bitmap, tw, th);
    canvases.push(small);
    // A thumbnail goes to every tablet at once: lower the quality until it is under 64 KB.
    let thumb = await smallest(small, 0.7);
    for (let q = 0.6; thumb.size > ENCODE.thumbBytes && q > 0.1; q -= 0.15) thumb = await smallest(small, q);
    return { full, thumb, width: w, height: h, mime: full.type };
  } finally {
    bitmap.close();
    canvases.forEach(release);
  }
}
