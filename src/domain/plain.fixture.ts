import { mapFieldsOf } from './attachments/map-fields';
import { entryKey } from './map-entries';
import type { Command } from './ops';
import type { Result } from './result';

/**
 * For domain tests: commands applied to plain JSON records the way `store/apply.ts` applies them
 * to Y.Maps — create writes the non-empty fields and the texts and starts the history, set
 * overwrites fields (`upsert` brings the record into being), text takes the new value, log
 * appends to `history`; an op on a record that does not exist throws, as the store refuses it.
 * Then a test reads the result back through the record type's own `xFromRecord`, so what it
 * checks is what a replica would show, not the shape of the ops.
 */
export type Plain = Record<string, unknown>;
/** Records by `collection/id`. */
export type PlainRecords = Map<string, Plain>;

const keyOf = (collection: string, id: string) => `${collection}/${id}`;

/** The commands a domain function returned: a command, `{ command }`, a list, or nothing to do. Throws if refused. */
export function commandsOf(made: Result<unknown> | Command | readonly Command[] | null | undefined): Command[] {
  if (!made) return [];
  if (Array.isArray(made)) return made as Command[];
  if ('ok' in (made as object)) {
    const r = made as Result<unknown>;
    if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
    const v = r.value as { ops?: unknown; command?: Command; commands?: Command[] } | Command[] | null;
    if (!v) return [];
    if (Array.isArray(v)) return v;
    if (v.ops) return [v as Command];
    return v.commands ?? (v.command ? [v.command] : []);
  }
  return [made as Command];
}

/** Applies the commands (as `commandsOf` reads them) to `records`, in order; returns `records`. */
export function applyToPlain(records: PlainRecords, made: Parameters<typeof commandsOf>[0]): PlainRecords {
  for (const command of commandsOf(made)) {
    for (const op of command.ops) {
      const key = keyOf(op.collection, op.id);
      if (op.kind === 'create') {
        const fields = Object.entries(op.fields).filter(([, v]) => v !== '' && v !== null && v !== undefined);
        // The map fields a record starts with (its pictures), as the store's apply makes them.
        records.set(key, { ...Object.fromEntries(fields), ...op.texts, ...Object.fromEntries(mapFieldsOf(op.collection).map((f) => [f, {}])), history: [] });
        continue;
      }
      if (op.kind === 'set' && op.upsert && !records.has(key)) records.set(key, { ...Object.fromEntries(mapFieldsOf(op.collection).map((f) => [f, {}])), history: [] });
      const record = records.get(key);
      if (!record) throw new Error(`${key} not found`);
      if (op.kind === 'set') Object.assign(record, op.fields);
      if (op.kind === 'text') record[op.field] = op.value;
      if (op.kind === 'log') record.history = [...((record.history as unknown[]) ?? []), op.entry];
      // As the store does: into the record's map when it has one, else beside its fields (map-entries.ts).
      if (op.kind === 'entry') {
        if (record[op.field] && typeof record[op.field] === 'object') record[op.field] = { ...(record[op.field] as Plain), [op.key]: op.value };
        else record[entryKey(op.field, op.key)] = op.value;
      }
    }
  }
  return records;
}

/**
 * One record after the commands, starting from `start` (a record as `xFromRecord` reads it, or
 * nothing). Throws if the commands leave no such record.
 */
export function plainAfter(made: Parameters<typeof commandsOf>[0], collection: string, id: string, start?: Plain): Plain {
  const records: PlainRecords = new Map(start ? [[keyOf(collection, id), structuredClone(start)]] : []);
  applyToPlain(records, made);
  const record = records.get(keyOf(collection, id));
  if (!record) throw new Error(`${collection}/${id} not made`);
  return record;
}

/** The records of one collection, as `[id, record]`. */
export const plainRows = (records: PlainRecords, collection: string): [string, Plain][] =>
  [...records].filter(([k]) => k.startsWith(`${collection}/`)).map(([k, r]) => [k.slice(collection.length + 1), r]);
