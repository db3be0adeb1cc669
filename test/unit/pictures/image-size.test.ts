import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/store/pictures/image-size';
import { exifOrientation, exifWithGps } from '../../helpers/camera-jpeg';

/** A JPEG's first segments: SOI, the given segments, a baseline SOF0 of width × height, then SOS. */
function jpeg(width: number, height: number, ...segments: Uint8Array[]): Uint8Array {
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const parts = [[0xff, 0xd8], ...segments.map((s) => [...s]), [0xff, 0xdb, 0, 4, 0, 0], sof, [0xff, 0xda, 0, 2]];
  return Uint8Array.from(parts.flat());
}

describe('a picture’s size from its header', () => {
  it('reads a camera JPEG’s size past its EXIF (GPS, no orientation)', () => {
    expect(imageSize(jpeg(4000, 3000, exifWithGps()))).toEqual({ width: 4000, height: 3000 });
    expect(imageSize(jpeg(640, 480))).toEqual({ width: 640, height: 480 });
  });

  it('swaps width and height for a phone held upright (orientations 5–8), in either byte order', () => {
    for (const o of [5, 6, 7, 8]) expect(imageSize(jpeg(4000, 3000, exifOrientation(o)))).toEqual({ width: 3000, height: 4000 });
    for (const o of [1, 2, 3, 4]) expect(imageSize(jpeg(4000, 3000, exifOrientation(o)))).toEqual({ width: 4000, height: 3000 });
    expect(imageSize(jpeg(4000, 3000, exifOrientation(6, true)))).toEqual({ width: 3000, height: 4000 });
  });

  it('says nothing rather than guess: a bad orientation, a truncated header, a scan before any frame', () => {
    expect(imageSize(jpeg(4000, 3000, exifOrientation(9)))).toBeNull();
    expect(imageSize(jpeg(4000, 3000).subarray(0, 12))).toBeNull();
    expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
    expect(imageSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('reads PNG and the three kinds of WebP; a WebP carrying EXIF is left to the decoder', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x07, 0x80, 0, 0, 0x04, 0x38]);
    expect(imageSize(png)).toEqual({ width: 1920, height: 1080 });
    const riff = (chunk: string, body: number[]) => Uint8Array.from([...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...`WEBP${chunk}`].map((c) => c.charCodeAt(0)), [0, 0, 0, 0], body));
    // VP8 (lossy): frame tag (3 bytes), start code, 14-bit sizes.
    expect(imageSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x00, 0x0a, 0x80, 0x07, 0, 0]))).toEqual({ width: 2560, height: 1920 });
    // VP8L (lossless): signature 0x2f, then (width-1) and (height-1) in 14 bits each.
    const bits = (1000 - 1) | ((750 - 1) << 14);
    expect(imageSize(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff, 0, 0, 0, 0, 0]))).toEqual({ width: 1000, height: 750 });
    // VP8X (extended): flags, 3 reserved, then 24-bit (width-1) and (height-1).
    const vp8x = (flags: number) => riff('VP8X', [flags, 0, 0, 0, 0x9f, 0x0f, 0, 0xb7, 0x0b, 0]);
    expect(imageSize(vp8x(0x10))).toEqual({ width: 4000, height: 3000 });
    expect(imageSize(vp8x(0x08))).toBeNull();
  });
});
