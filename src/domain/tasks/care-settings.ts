import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { DATE_KINDS, type DateKind } from '../dates';
import { historyEntry, type FieldChange } from '../history';
import { fail, ok, type Result } from '../result';

/** Office settings for care on important dates: how many days before each kind of date, and the template to use. */
export interface CareSettings {
  daysBefore: Record<DateKind, number>;
  templates: Record<DateKind, string>;
}

export const DEFAULT_CARE: CareSettings = {
  daysBefore: { birthday: 3, moveIn: 3, anniversary: 3 },
  templates: { birthday: '', moveIn: '', anniversary: '' },
};

export function careSettingsFrom(data: Record<string, unknown> | undefined): CareSettings {
  const d = (data ?? {}) as Partial<CareSettings>;
  return { daysBefore: { ...DEFAULT_CARE.daysBefore, ...d.daysBefore }, templates: { ...DEFAULT_CARE.templates, ...d.templates } };
}

export function saveCareSettings(next: CareSettings, current: CareSettings, ctx: CommandContext, role: string): Result<Command | null> {
  if (role !== 'manager') return fail({ code: 'care.error.managerOnly' });
  for (const k of DATE_KINDS) {
    const n = next.daysBefore[k];
    if (!Number.isInteger(n) || n < 0 || n > 60) return fail({ code: 'care.error.daysBefore', field: `daysBefore.${k}`, params: { max: 60 } });
  }
  const changes: FieldChange[] = [];
  for (const part of ['daysBefore', 'templates'] as const) {
    if (JSON.stringify(next[part]) !== JSON.stringify(current[part])) changes.push({ field: `care.${part}`, from: JSON.stringify(current[part]), to: JSON.stringify(next[part]) });
  }
  if (!changes.length) return ok(null);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'care', upsert: true, fields: { daysBefore: next.daysBefore, templates: next.templates, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'care', entry: historyEntry(ctx, 'history.updated', changes) },
    ],
  });
}
