/** One line of a record's history: who did what, when, and which fields changed. */
export interface HistoryEntry {
  at: string;
  by: string;
  byName: string;
  device: string;
  /** i18n key of the action, e.g. `history.created`. */
  action: string;
  changes?: FieldChange[];
}

export interface FieldChange {
  field: string;
  /** Values as shown to staff; sensitive ones already masked by the command. */
  from?: string;
  to?: string;
}

import type { CommandContext } from './actor';

export function historyEntry(ctx: CommandContext, action: string, changes?: FieldChange[]): HistoryEntry {
  const entry: HistoryEntry = {
    at: ctx.now,
    by: ctx.actor.staffId,
    byName: ctx.actor.name,
    device: ctx.actor.deviceCode,
    action,
  };
  if (changes && changes.length) entry.changes = changes;
  return entry;
}
