import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';

/** Minutes without a touch or key after which a tablet locks (an office setting). */
export const IDLE_LOCK_DEFAULT = 10;
export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 240;

/** The office's idle time from its settings record (`settings/office`), the default if unset. */
export function idleLockMinutesOf(office: Record<string, unknown> | undefined): number {
  const v = office?.idleLockMinutes;
  return typeof v === 'number' && Number.isInteger(v) && v >= IDLE_LOCK_MIN && v <= IDLE_LOCK_MAX ? v : IDLE_LOCK_DEFAULT;
}

/** A manager sets the idle time; `current` is what the settings say now (for the history). */
export function setIdleLock(raw: string | number, current: number, ctx: CommandContext, facts: { role: string }): Result<Command | null> {
  if (facts.role !== 'manager') return fail({ code: 'lock.error.managerOnly' });
  const minutes = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isInteger(minutes) || minutes < IDLE_LOCK_MIN || minutes > IDLE_LOCK_MAX) {
    return fail({ code: 'lock.error.minutes', field: 'idleLock', params: { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX } });
  }
  if (minutes === current) return ok(null);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'office', upsert: true, fields: { idleLockMinutes: minutes, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'office', entry: historyEntry(ctx, 'history.updated', [{ field: 'idleLock', from: String(current), to: String(minutes) }]) },
    ],
  });
}
