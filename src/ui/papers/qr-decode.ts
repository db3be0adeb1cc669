/**
 * Reading a QR code from a camera frame or a photo: the browser's own BarcodeDetector where it
 * has one (Chrome on Android, Safari 17+), otherwise jsQR — loaded only here, only when needed.
 */
export type QrReader = (source: HTMLVideoElement | ImageBitmap) => Promise<string | null>;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorCtor = (new (opts: { formats: string[] }) => BarcodeDetectorLike) & { getSupportedFormats?: () => Promise<string[]> };

async function nativeReader(): Promise<QrReader | null> {
  const Ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  if (!Ctor) return null;
  try {
    const formats = (await Ctor.getSupportedFormats?.()) ?? ['qr_code'];
    if (!formats.includes('qr_code')) return null;
    const detector = new Ctor({ formats: ['qr_code'] });
    return async (source) => (await detector.detect(source))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

function pixelsOf(source: HTMLVideoElement | ImageBitmap): ImageData | null {
  const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!width || !height) return null;
  // Large photos are scaled down: jsQR's time grows with the pixels, and a form's code is big.
  const scale = Math.min(1, 1600 / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

async function jsqrReader(): Promise<QrReader> {
  const { default: jsQR } = await import('jsqr');
  return async (source) => {
    const image = pixelsOf(source);
    if (!image) return null;
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  };
}

export async function detectorFor(): Promise<QrReader> {
  return (await nativeReader()) ?? jsqrReader();
}

/** A photo of the paper (the file input's fallback): tries the native detector, then jsQR. */
export async function decodeFromImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const native = await nativeReader();
    const found = native ? await native(bitmap).catch(() => null) : null;
    return found ?? (await (await jsqrReader())(bitmap));
  } finally {
    bitmap.close();
  }
}
