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

/** The entrance and room of a building-entrance-room code (`2-1101` of `3-2-1101`), else null. */
export function entranceRoomOf(code: string): string | null {
  const parts = code.split('-');
  return parts.length === 3 ? `${parts[1]}-${parts[2]}`.toLowerCase() : null;
}

/**
 * A query naming an entrance and a room without the building, as residents say it: 2单元1101,
 * 2-1101, 2#1101 → `2-1101`, else null. ("2-1101" may also be building 2's room 1101: the search
 * looks for both.)
 */
export function entranceRoomQuery(raw: string): string | null {
  const s = raw.trim().replace(/[\s　]/g, '').replace(/[－—–_／/#＃]/g, '-').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = s.match(/^(\d+)(?:单元|單元|-)(\d{2,5})(?:室|号|號)?$/);
  return m ? `${m[1]}-${m[2]}` : null;
}
