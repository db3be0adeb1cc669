/**
 * Units have one canonical code, building-entrance-room: `3-2-1101`. Staff and spreadsheets
 * write it in many ways: 3栋2单元1101, 3#2-1101, 3幢2单元1101室, 3-2-1101. Units without an
 * entrance are `building-room` (`5-0302`); a room alone is kept as written.
 */
export function canonicalUnitCode(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/[\s　]/g, '')
    .replace(/[－—–_／/]/g, '-')
    .replace(/[＃]/g, '#')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!s) return null;
  const m = s.match(/^(\d+[A-Za-z]?)(?:栋|幢|座|号楼|楼|#|-)(?:(\d+)(?:单元|-|#))?(\d{2,5})(?:室|号)?$/);
  if (m) return [m[1].toUpperCase(), m[2], m[3]].filter(Boolean).join('-');
  if (/^\d{3,5}$/.test(s)) return s;
  return null;
}
