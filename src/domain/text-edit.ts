import type { CommandContext } from './actor';
import { historyEntry, type HistoryEntry } from './history';
import { LIMITS } from './limits';
import type { Command, Op } from './ops';
import { fail, ok, type Result } from './result';
import type { CollectionName, ShardName } from './shards';

/** One history line per person per this long of typing into one text, not one per keystroke. */
export const TEXT_EDIT_COALESCE_MS = 10 * 60 * 1000;

export interface TextEdit {
  shard: ShardName;
  collection: CollectionName;
  id: string;
  field: string;
  /** The text as it is now on this device, and what the person made of it. */
  current: string;
  value: string;
  /** What the person saw when they typed (the editor's text before the keystroke); see the `text` op. */
  base?: string;
  /** The record's history, to coalesce this person's recent edits into one line. */
  history: readonly HistoryEntry[];
  /** History action (an i18n key), e.g. `history.notesEdited`. */
  action: string;
  /** Plain fields set with the edit (e.g. updatedAt). */
  fields?: Record<string, unknown>;
  max?: number;
}

/**
 * A keystroke in a collaborative text (notes, a request's description, seminar minutes): the
 * store brings the Y.Text to `value` by the smallest splice, so two people typing into one text
 * both keep their words. The history gets one line per person per ten minutes.
 * Returns null when nothing changed.
 */
export function editText(edit: TextEdit, ctx: CommandContext): Result<Command | null> {
  const max = edit.max ?? LIMITS.note;
  if (edit.value.length > max) return fail({ code: 'error.tooLong', field: edit.field, params: { max } });
  if (edit.value === (edit.base ?? edit.current)) return ok(null);
  // The base always travels with the op: the command is applied later (in the sync worker, after a
  // round trip) and a colleague's words may reach the Y.Text in between; without the base the
  // splice would be taken against that newer text and delete them (the worker property test's lost
  // marker). With it, `rebaseSplice` moves this person's splice onto whatever the text is then.
  const ops: Op[] = [{ kind: 'text', collection: edit.collection, id: edit.id, field: edit.field, value: edit.value, base: edit.base ?? edit.current }];
  if (edit.fields) ops.push({ kind: 'set', collection: edit.collection, id: edit.id, fields: edit.fields });
  const last = edit.history[edit.history.length - 1];
  const recent = last && last.by === ctx.actor.staffId && last.action === edit.action && Date.parse(ctx.now) - Date.parse(last.at) < TEXT_EDIT_COALESCE_MS;
  if (!recent) ops.push({ kind: 'log', collection: edit.collection, id: edit.id, entry: historyEntry(ctx, edit.action) });
  return ok({ shard: edit.shard, ops });
}
