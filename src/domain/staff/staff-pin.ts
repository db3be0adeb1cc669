import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import type { Command } from '../ops';
import { isPinHash, type PinHash } from './pin';
import { fail, ok, type Result } from '../result';
import type { StaffRow } from './staff';

/*
 * PIN commands. The hash is made by the store (WebCrypto is async) and handed in; the history
 * line says only that a PIN was set or reset, never the PIN or its hash, because history is
 * shown, printed and exported.
 */

/**
 * Someone sets their own PIN: a profile from before PINs on its first use, or after a
 * manager's reset (replacing the temporary PIN). Only the person themself: the store has
 * checked the temporary PIN (or that there was none) before asking.
 */
export function setOwnPin(staff: Pick<StaffRow, 'id'>, pin: PinHash, ctx: CommandContext): Result<Command> {
  if (ctx.actor.staffId !== staff.id) return fail({ code: 'pin.error.ownOnly' });
  if (!isPinHash(pin)) return fail({ code: 'pin.error.badHash', field: 'pin' });
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'staff', id: staff.id, fields: { pin, pinMustChange: false, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'staff', id: staff.id, entry: historyEntry(ctx, 'history.pinSet') },
    ],
  });
}

/**
 * A manager resets a colleague's PIN to a temporary one they tell the colleague, who must
 * replace it on next use. A temporary PIN rather than none: a profile without a PIN could
 * be claimed by whoever taps it first, between the reset and the colleague's return.
 */
export function resetStaffPin(staff: Pick<StaffRow, 'id'>, temporary: PinHash, ctx: CommandContext, facts: { role: string }): Result<Command> {
  if (facts.role !== 'manager') return fail({ code: 'pin.error.resetManagerOnly' });
  if (!isPinHash(temporary)) return fail({ code: 'pin.error.badHash', field: 'pin' });
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'staff', id: staff.id, fields: { pin: temporary, pinMustChange: true, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'staff', id: staff.id, entry: historyEntry(ctx, 'history.pinReset') },
    ],
  });
}
