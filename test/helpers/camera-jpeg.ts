/**
 * What a phone camera writes: a JPEG whose APP1 segment holds EXIF with the camera's make and a
 * GPS position. Built by hand (TIFF little-endian, IFD0 with Make and the GPS IFD pointer), so a
 * test can check that the re-encoded picture carries none of it.
 */
export const GPS = { lat: [31, 13, 4512], lon: [121, 28, 3056] } as const; // 31°13'45.12"N 121°28'30.56"E

export function exifWithGps(): Uint8Array {
  const b: number[] = [];
  const u16 = (v: number) => b.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (v: number) => b.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  const entry = (tag: number, type: number, count: number, value: number) => { u16(tag); u16(type); u32(count); u32(value); };
  // TIFF header, IFD0 at 8.
  b.push(0x49, 0x49); u16(42); u32(8);
  // IFD0: 2 entries (12 bytes each) + next-IFD 0 → ends at 8 + 2 + 24 + 4 = 38; "Make" text at 38 (8 bytes); GPS IFD at 46.
  u16(2);
  entry(0x010f, 2, 8, 38); // Make, ASCII
  entry(0x8825, 4, 1, 46); // GPSInfo IFD pointer
  u32(0);
  for (const c of 'TestCam\0') b.push(c.charCodeAt(0));
  // GPS IFD at 46: 4 entries + next 0 → 46 + 2 + 48 + 4 = 100; latitude rationals at 100, longitude at 124.
  u16(4);
  entry(0x0001, 2, 2, 0x4e); // GPSLatitudeRef 'N' (inline)
  entry(0x0002, 5, 3, 100);
  entry(0x0003, 2, 2, 0x45); // GPSLongitudeRef 'E'
  entry(0x0004, 5, 3, 124);
  u32(0);
  const rationals = (dms: readonly number[]) => { u32(dms[0]); u32(1); u32(dms[1]); u32(1); u32(dms[2]); u32(100); };
  rationals(GPS.lat);
  rationals(GPS.lon);
  const tiff = Uint8Array.from(b);
  const payload = new Uint8Array(6 + tiff.length);
  payload.set([0x45, 0x78, 0x69, 0x66, 0, 0]); // "Exif\0\0"
  payload.set(tiff, 6);
  const seg = new Uint8Array(4 + payload.length);
  seg.set([0xff, 0xe1, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]);
  seg.set(payload, 4);
  return seg;
}

/** An APP1 EXIF segment whose IFD0 holds only Orientation, in the byte order given. */
export function exifOrientation(value: number, bigEndian = false): Uint8Array {
  const u16 = (v: number) => (bigEndian ? [v >> 8, v & 0xff] : [v & 0xff, v >> 8]);
  const u32 = (v: number) => (bigEndian ? [0, 0, v >> 8, v & 0xff] : [v & 0xff, v >> 8, 0, 0]);
  const tiff = [...(bigEndian ? [0x4d, 0x4d] : [0x49, 0x49]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(value), 0, 0, ...u32(0)];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  return Uint8Array.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
}

/** The JPEG with the EXIF segment put right after its start marker (where cameras write it). */
export function withExif(jpeg: Uint8Array, seg = exifWithGps()): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const out = new Uint8Array(jpeg.length + seg.length);
  out.set(jpeg.subarray(0, 2));
  out.set(seg, 2);
  out.set(jpeg.subarray(2), 2 + seg.length);
  return out;
}

/** The APP1 (EXIF/XMP) segments of a JPEG, and whether the bytes mention "Exif" anywhere. */
export function metadataOf(bytes: Uint8Array): { app1: number; exif: boolean; gpsRational: boolean } {
  let app1 = 0;
  for (let i = 2; i + 4 < bytes.length && bytes[i] === 0xff;) {
    const marker = bytes[i + 1];
    if (marker === 0xda) break; // start of scan: no more metadata segments
    const len = (bytes[i + 2] << 8) | bytes[i + 3];
    if (marker === 0xe1) app1++;
    i += 2 + len;
  }
  const text = Buffer.from(bytes).toString('latin1');
  // The latitude's seconds as written (4512/100, little-endian) — a GPS value that would survive a copy of the block.
  const gps = Buffer.from([4512 & 0xff, 4512 >> 8, 0, 0, 100, 0, 0, 0]).toString('latin1');
  // JPEG keeps EXIF in APP1 ("Exif\0\0"), WebP in an "EXIF" chunk.
  return { app1, exif: text.includes('Exif\0\0') || text.includes('EXIF'), gpsRational: text.includes(gps) };
}
