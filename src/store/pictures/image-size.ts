/**
 * A picture's size as it will be shown, read from the first bytes of its file without decoding it:
 * JPEG (the SOF segment, and the EXIF orientation, which swaps width and height for a phone held
 * upright), PNG (IHDR) and WebP (VP8, VP8L, VP8X). The encoder uses it to ask the browser for the
 * already reduced bitmap (`createImageBitmap` with `resizeWidth`/`resizeHeight`) instead of holding
 * a 12-megapixel photo's 48 MB of pixels and drawing it down itself. Null when the header is not
 * one of these or not understood (a WebP carrying EXIF, a truncated header): the encoder then
 * decodes at full size as before, so a wrong guess can cost time, never a squashed photo.
 */
export interface ImageSize {
  width: number;
  height: number;
}

/** How many leading bytes are read: a camera's EXIF (with its own thumbnail) sits before the SOF. */
export const HEADER_BYTES = 256 * 1024;

export function imageSize(b: Uint8Array): ImageSize | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return positive(u32be(b, 16), u32be(b, 20));
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b);
  return null;
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
const positive = (width: number, height: number): ImageSize | null => (width > 0 && height > 0 ? { width, height } : null);

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): not DHT (C4), JPG (C8), DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Uint8Array): ImageSize | null {
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or the scan began with no frame seen
    const len = u16be(b, i + 2);
    if (len < 2) return null;
    if (marker === 0xe1 && len >= 8 && i + 2 + len <= b.length && ascii(b, i + 4, 6) === 'Exif\0\0') {
      const o = exifOrientation(b.subarray(i + 10, i + 2 + len));
      if (o === null) return null;
      orientation = o;
    }
    if (isSof(marker)) {
      if (i + 9 > b.length) return null;
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      // Orientations 5–8 turn the picture a quarter: the shown width is the stored height.
      return orientation >= 5 ? positive(height, width) : positive(width, height);
    }
    i += 2 + len;
  }
  return null;
}

/** IFD0's Orientation (0x0112) in a TIFF block; 1 when absent; null when the block cannot be read. */
function exifOrientation(t: Uint8Array): number | null {
  if (t.length < 8) return null;
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return null;
  const u16 = (i: number) => (le ? t[i] | (t[i + 1] << 8) : (t[i] << 8) | t[i + 1]);
  const u32 = (i: number) => (le ? (t[i] | (t[i + 1] << 8) | (t[i + 2] << 16)) + t[i + 3] * 0x1000000 : t[i] * 0x1000000 + ((t[i + 1] << 16) | (t[i + 2] << 8) | t[i + 3]));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return null;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return 1;
}

function webpSize(b: Uint8Array): ImageSize | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Key frame start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return positive((b[26] | (b[27] << 8)) & 0x3fff, (b[28] | (b[29] << 8)) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return positive((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    // Flag 0x08: an EXIF chunk, whose orientation the browser may apply — decode at full size then.
    if (b[20] & 0x08) return null;
    return positive((b[24] | (b[25] << 8) | (b[26] << 16)) + 1, (b[27] | (b[28] << 8) | (b[29] << 16)) + 1);
  }
  return null;
}
