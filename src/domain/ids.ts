const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random record ids. Never counters: two tablets create records offline and both must stand.
 * 16 characters of base 36 ≈ 82 bits, plenty for one office.
 */
export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
