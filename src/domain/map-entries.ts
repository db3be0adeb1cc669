/**
 * A record's map field (its pictures: `attachments`, keyed by sha256) as plain JSON.
 *
 * A record made by this build holds the map from its creation, so two tablets adding entries
 * offline write into ONE map. A record made before the field existed has no map, and two tablets
 * each creating one offline would each make their own and one map would win whole — one tablet's
 * entries gone. So an entry for such a record is written beside the record's fields, under
 * `<field>:<key>` (each its own key of the record's Y.Map: concurrent entries merge), and every
 * reader takes both places through this function.
 */
export const entryKey = (field: string, key: string): string => `${field}:${key}`;

export function mapEntries(record: unknown, field: string): Record<string, unknown> {
  if (!record || typeof record !== 'object') return {};
  const r = record as Record<string, unknown>;
  const map = r[field];
  const out: Record<string, unknown> = map && typeof map === 'object' ? { ...(map as Record<string, unknown>) } : {};
  const prefix = `${field}:`;
  for (const [k, v] of Object.entries(r)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}
