/**
 * The paper number (纸件编号) printed beside a form's QR code, e.g. `ZJ-7K3Q-9D2M`.
 *
 * Why derived from the paper's identity (form + what it covers) and not drawn from a counter:
 * the number must be on the preview before 打印 is pressed, a reprint of the same register must
 * carry the same number (it is the same paper in the same box), and two tablets printing the same
 * register offline must agree without talking. Two independent 32-bit FNV-1a hashes give 40 bits
 * in 8 Crockford base-32 characters (no I, L, O, U: nothing to misread on a scan); an office files a
 * few thousand papers a year, so a collision is about one in a hundred million offices' years.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function paperNumber(form: string, ref: string): string {
  const key = `${form}~${ref}`;
  const a = fnv1a(key, 0x811c9dc5);
  const b = fnv1a(key, 0x9747b28c);
  // 40 bits: all 32 of a and the low 8 of b.
  let n = BigInt(a) * 256n + BigInt(b & 0xff);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(n % 32n)] + out;
    n /= 32n;
  }
  return `ZJ-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What a scan or a typed search accepts as a paper number (case and spaces forgiven). */
export function normalPaperNumber(text: string): string {
  const s = text.trim().toUpperCase().replace(/[\s_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const m = /^ZJ-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/.exec(s);
  return m ? `ZJ-${m[1]}-${m[2]}` : '';
}

/**
 * Papers that are not one record's form (registers, reports, letters, reviews) are named by
 * their print address, `print/<form>?<options>`: their QR code opens the paper's own page
 * (`/papers/<number>`). A record's form (`requests/<id>`, `events/<id>`) opens the record.
 */
export const isPrintRef = (ref: string) => ref.startsWith('print/');

export function paperHref(p: { ref: string; form: string; number?: string }): string {
  if (isPrintRef(p.ref) && p.number) return `/papers/${p.number}`;
  return `/${p.ref}?paper=${encodeURIComponent(p.form)}`;
}

/** The print address of a generic paper from its form and options (sorted, so the same options name the same paper). */
export function printRef(form: string, options: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams(Object.entries(options).filter((e): e is [string, string] => !!e[1]).sort(([a], [b]) => a.localeCompare(b)));
  const s = q.toString();
  return `print/${form}${s ? `?${s}` : ''}`;
}

/** A paper's period as searched: `YYYY-MM` (a month) or `YYYY` (a year); a day gives its month. */
export function periodOf(text: string | undefined): string {
  if (!text) return '';
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(text);
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]) : '';
}

/** Does a paper of `period` belong to the searched one? `2026` finds its months; `2026-11` finds that month and a year paper of 2026 is not a month's. */
export function inPeriod(paperPeriod: string, searched: string): boolean {
  if (!searched) return true;
  return paperPeriod === searched || paperPeriod.startsWith(`${searched}-`);
}
