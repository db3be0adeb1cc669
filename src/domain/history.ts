/** One line of a record's history: who did what, when, and which fields changed. */
export interface HistoryEntry {
  at: string;
  by: string;
  byName: string;
  device: string;
  /** i18n key of the action, e.g. `history.created`. */
  action: string;
  changes?: FieldChange[];
  /** Details of a workflow step (team, satisfaction, proposal…), shown on the timeline. */
  data?: Record<string, string | number | boolean | string[]>;
}

export interface FieldChange {
  field: string;
  /** Values as shown to staff; sensitive ones already masked by the command. */
  from?: string;
  to?: string;
}

import type { CommandContext } from './actor';

export function historyEntry(ctx: CommandContext, action: string, changes?: FieldChange[], data?: HistoryEntry['data']): HistoryEntry {
  const entry: HistoryEntry = {
    at: ctx.now,
    by: ctx.actor.staffId,
    byName: ctx.actor.name,
    device: ctx.actor.deviceCode,
    action,
  };
  if (changes && changes.length) entry.changes = changes;
  if (data) entry.data = data;
  return entry;
}
