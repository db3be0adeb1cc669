/**
 * Re-encoding a chosen photo for keeping and sending: long edge at most 1,600 px, JPEG at 0.8 (or
 * WebP when the browser makes it smaller), and a 320 px thumbnail of at most 64 KB. Drawing the
 * decoded pixels onto a fresh canvas and encoding that writes a new file with no metadata at all:
 * EXIF, and with it the GPS position a phone writes (PIPL counts location as sensitive), is gone.
 * `createImageBitmap` applies the EXIF orientation first, so a photo taken upright stays upright.
 *
 * Runs wherever OffscreenCanvas exists: in the pictures worker (encode-worker.ts) on the tablet,
 * and on the page as a fallback.
 */
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

export async function encodePicture(source: Blob): Promise<Encoded> {
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  try {
    const [w, h] = fit(bitmap.width, bitmap.height, ENCODE.edge);
    const full = await smallest(await draw(bitmap, w, h), ENCODE.quality);
    const [tw, th] = fit(bitmap.width, bitmap.height, ENCODE.thumbEdge);
    const small = await draw(bitmap, tw, th);
    // A thumbnail goes to every tablet at once: lower the quality until it is under 64 KB.
    let thumb = await smallest(small, 0.7);
    for (let q = 0.6; thumb.size > ENCODE.thumbBytes && q > 0.1; q -= 0.15) thumb = await smallest(small, q);
    return { full, thumb, width: w, height: h, mime: full.type };
  } finally {
    bitmap.close();
  }
}
