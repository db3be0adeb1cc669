import type { CommandContext } from './actor';
import { historyEntry, type FieldChange } from './history';
import type { Command } from './ops';
import { ok, type Result } from './result';
import type { CollectionName } from './shards';

/**
 * How one kind of office record (a standard answer, a care plan, a letter template) is saved:
 * which fields staff edit, how a change reads in the history, and which changes make a new
 * version. The office's small records all save the same way — created whole with a history
 * line, then only the fields that changed (so a colleague's edit of another field stands), a
 * line naming what changed, nothing at all when nothing did.
 */
export interface OfficeRecordKind<T> {
  collection: CollectionName;
  fields: readonly (keyof T & string)[];
  /** The history's name for a field (an i18n key); the field itself when absent. */
  label?: (field: keyof T & string) => string;
  /** A value as the history shows it. */
  show?: (value: unknown) => string;
  /**
   * Versioned records: a change of any of these fields is a new version (`'all'`: any change), and
   * the history says which version a line made. Absent: the record has no version.
   */
  versionOn?: readonly (keyof T & string)[] | 'all';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates the record (`current` null) from `next`, or saves what changed since `current` as one
 * `set` and one history line; null when nothing changed. `next` is already checked.
 */
export function saveOfficeRecord<T extends object>(
  kind: OfficeRecordKind<T>, current: (T & { id: string; version?: number }) | null, next: T, ctx: CommandContext, id: string,
): Result<{ id: string; command: Command | null }> {
  const stamp = { updatedAt: ctx.now, updatedBy: ctx.actor.staffId };
  const picked = Object.fromEntries(kind.fields.map((f) => [f, next[f]]));
  if (!current) {
    const version = kind.versionOn ? { version: 1 } : undefined;
    return ok({
      id,
      command: {
        shard: 'office',
        ops: [
          { kind: 'create', collection: kind.collection, id, fields: { ...picked, ...version, createdAt: ctx.now, ...stamp } },
          { kind: 'log', collection: kind.collection, id, entry: historyEntry(ctx, 'history.created', undefined, version) },
        ],
      },
    });
  }
  const show = kind.show ?? String;
  const fields: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  for (const key of kind.fields) {
    if (same(next[key], current[key])) continue;
    fields[key] = next[key];
    changes.push({ field: kind.label ? kind.label(key) : key, from: show(current[key]), to: show(next[key]) });
  }
  if (!changes.length) return ok({ id: current.id, command: null });
  const bumps = kind.versionOn === 'all' || (kind.versionOn ?? []).some((f) => f in fields);
  const version = bumps ? { version: (current.version ?? 0) + 1 } : undefined;
  return ok({
    id: current.id,
    command: {
      shard: 'office',
      ops: [
        { kind: 'set', collection: kind.collection, id: current.id, fields: { ...fields, ...version, ...stamp } },
        { kind: 'log', collection: kind.collection, id: current.id, entry: historyEntry(ctx, 'history.updated', changes, version) },
      ],
    },
  });
}
