import * as Y from 'yjs';
import type { Command, Op } from '../domain/ops';
import { rebaseSplice } from '../domain/text-diff';
import { mapFieldsOf } from '../domain/attachments/map-fields';
import { entryKey } from '../domain/map-entries';

export class MissingRecordError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`${collection}/${id} not found`);
  }
}

function recordOf(doc: Y.Doc, op: Op): Y.Map<unknown> {
  const record = doc.getMap<Y.Map<unknown>>(op.collection).get(op.id);
  if (!(record instanceof Y.Map)) throw new MissingRecordError(op.collection, op.id);
  return record;
}

function applyOp(doc: Y.Doc, op: Op): void {
  switch (op.kind) {
    case 'create': {
      // Integrate the record map first, then fill it: every field is its own map entry, so
      // later edits of different fields by different people merge instead of overwriting.
      // Empty fields are not written: every entry is a Yjs item that every device replays on
      // load (a request has ~30 fields, most empty at intake); a missing field reads as empty.
      const record = new Y.Map<unknown>();
      doc.getMap<Y.Map<unknown>>(op.collection).set(op.id, record);
      for (const [key, value] of Object.entries(op.fields)) if (value !== '' && value !== null && value !== undefined) record.set(key, value);
      for (const [key, value] of Object.entries(op.texts ?? {})) record.set(key, new Y.Text(value));
      record.set('history', new Y.Array());
      for (const field of mapFieldsOf(op.collection)) record.set(field, new Y.Map());
      return;
    }
    case 'set': {
      const collection = doc.getMap<Y.Map<unknown>>(op.collection);
      if (op.upsert && !(collection.get(op.id) instanceof Y.Map)) {
        collection.set(op.id, new Y.Map());
        (collection.get(op.id) as Y.Map<unknown>).set('history', new Y.Array());
        for (const field of mapFieldsOf(op.collection)) (collection.get(op.id) as Y.Map<unknown>).set(field, new Y.Map());
      }
      const record = recordOf(doc, op);
      for (const [key, value] of Object.entries(op.fields)) record.set(key, value);
      return;
    }
    case 'text': {
      const record = recordOf(doc, op);
      let text = record.get(op.field);
      if (!(text instanceof Y.Text)) {
        text = new Y.Text();
        record.set(op.field, text);
      }
      const y = text as Y.Text;
      const splice = rebaseSplice(op.base ?? y.toString(), op.value, y.toString());
      if (!splice) return;
      if (splice.remove) y.delete(splice.index, splice.remove);
      if (splice.insert) y.insert(splice.index, splice.insert);
      return;
    }
    case 'log': {
      const record = recordOf(doc, op);
      let history = record.get('history');
      if (!(history instanceof Y.Array)) {
        history = new Y.Array();
        record.set('history', history);
      }
      (history as Y.Array<unknown>).push([op.entry]);
      return;
    }
    case 'entry': {
      // The map is made with the record (create, upsert) for the collections that hold pictures,
      // so two tablets adding to it offline write into ONE map and both entries survive. A record
      // made before that (an older build) gets no map here — two tablets making one offline would
      // each make their own and one would win whole — but the entry beside its fields, under
      // `<field>:<key>` (domain/map-entries.ts; every reader takes both places).
      const record = recordOf(doc, op);
      const map = record.get(op.field);
      if (map instanceof Y.Map) map.set(op.key, op.value);
      else record.set(entryKey(op.field, op.key), op.value);
      return;
    }
  }
}

/** All ops of one command in one Yjs transaction: every replica sees all of it or none. */
export function applyCommand(doc: Y.Doc, command: Command, origin: unknown): void {
  // Check first so that a failing op cannot leave a half-applied transaction behind.
  for (const op of command.ops) {
    if (op.kind !== 'create' && !created(command, op)) recordOf(doc, op);
  }
  doc.transact(() => {
    for (const op of command.ops) applyOp(doc, op);
  }, origin);
}

/** Whether an earlier op of the command brings this record into being. */
function created(command: Command, op: Op): boolean {
  return command.ops.some((o) => (o.kind === 'create' || (o.kind === 'set' && o.upsert)) && o.collection === op.collection && o.id === op.id);
}

/** A record as plain JSON (texts as strings, history as an array), or null. */
export function readRecord(doc: Y.Doc, collection: string, id: string): Record<string, unknown> | null {
  const record = doc.getMap<Y.Map<unknown>>(collection).get(id);
  return record instanceof Y.Map ? (record.toJSON() as Record<string, unknown>) : null;
}
