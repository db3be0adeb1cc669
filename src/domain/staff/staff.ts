import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { historyEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { isPinHash, type PinHash } from './pin';
import { fail, ok, type Result } from '../result';
import { STAFF_ROLES, type StaffRole, type StaffRow } from './types';

export * from './types';

/** Who is creating a profile, as far as the rules care. */
export interface NewStaffFacts {
  /**
   * The role of the profile chosen on this device; null for a newcomer (nobody chosen);
   * 'founder' only while the office itself is being created (its creator is its first manager).
   */
  creator: StaffRole | 'founder' | null;
  /** The new profile's PIN, already hashed by the store. */
  pin?: PinHash;
}

/**
 * Adding a profile is the one command that may run before anyone has chosen who they are.
 * A team member (班组人员) may say which team they work in; others have no team. Only a
 * manager (or the office's founder) may create a manager: otherwise anyone at a tablet could
 * make themself one and approve settlements.
 */
export function createStaff(
  name: string,
  role: StaffRole,
  /** Without an actor, the newcomer registers themself on the device `deviceCode`. */
  ctx: Omit<CommandContext, 'actor'> & { actor?: CommandContext['actor']; deviceCode?: string },
  id = newId(),
  teamId = '',
  facts: NewStaffFacts = { creator: null },
): Result<{ id: string; command: Command }> {
  const clean = name.trim();
  if (!clean) return fail({ code: 'staff.error.nameRequired', field: 'name' });
  if (clean.length > LIMITS.name) return fail({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.name } });
  if (!STAFF_ROLES.includes(role)) return fail({ code: 'staff.error.badRole', field: 'role' });
  if (role === 'manager' && facts.creator !== 'manager' && facts.creator !== 'founder') return fail({ code: 'staff.error.managerGrant', field: 'role' });
  if (facts.pin !== undefined && !isPinHash(facts.pin)) return fail({ code: 'pin.error.badHash', field: 'pin' });
  const actor = ctx.actor ?? { staffId: id, name: clean, deviceCode: ctx.deviceCode ?? '' };
  const fields: Record<string, unknown> = { name: clean, role, teamId: role === 'team' ? teamId.trim() : '', createdAt: ctx.now, createdBy: actor.staffId };
  if (facts.pin) fields.pin = facts.pin;
  return ok({
    id,
    command: {
      shard: 'office',
      ops: [
        { kind: 'create', collection: 'staff', id, fields },
        { kind: 'log', collection: 'staff', id, entry: historyEntry({ actor, now: ctx.now }, 'history.created') },
      ],
    },
  });
}

export function staffFromRecord(id: string, r: Record<string, unknown>): StaffRow {
  const role = STAFF_ROLES.includes(r.role as StaffRole) ? (r.role as StaffRole) : 'reception';
  const row: StaffRow = { id, name: String(r.name ?? ''), role, teamId: String(r.teamId ?? ''), createdAt: String(r.createdAt ?? '') };
  // The hash is checked on this device when someone takes the profile (it never leaves the office document).
  if (isPinHash(r.pin)) row.pin = r.pin;
  if (r.pinMustChange === true) row.pinMustChange = true;
  return row;
}

/** The office's own name, printed on every form. */
export function setOfficeName(name: string, ctx: CommandContext): Result<Command> {
  const clean = name.trim();
  if (!clean) return fail({ code: 'office.error.nameRequired', field: 'name' });
  if (clean.length > LIMITS.shortText) return fail({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.shortText } });
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'office', upsert: true, fields: { name: clean, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'office', entry: historyEntry(ctx, 'history.updated', [{ field: 'officeName', to: clean }]) },
    ],
  });
}

/** What updateStaff checks against: who asks, the office's staff (its managers), its teams. */
export interface StaffFacts {
  /** The role of the staff member making the change. */
  role: string;
  staff: readonly Pick<StaffRow, 'id' | 'role'>[];
  /** The teams of the service settings; a team must be one of them ('' = no team). */
  teams: readonly { id: string; name: string }[];
}

/**
 * A manager puts a colleague in a team, or changes their role. The last manager cannot step
 * down (nobody could change the service settings or staff roles any more).
 */
export function updateStaff(current: StaffRow, patch: { role?: StaffRole; teamId?: string }, ctx: CommandContext, facts: StaffFacts): Result<Command | null> {
  if (facts.role !== 'manager') return fail({ code: 'staff.error.managerOnly' });
  const fields: Record<string, unknown> = {};
  const changes = [];
  if (patch.role !== undefined && patch.role !== current.role) {
    if (!STAFF_ROLES.includes(patch.role)) return fail({ code: 'staff.error.badRole', field: 'role' });
    const managers = facts.staff.filter((s) => s.role === 'manager' && s.id !== current.id).length;
    if (current.role === 'manager' && managers === 0) return fail({ code: 'staff.error.lastManager', field: 'role' });
    fields.role = patch.role;
    changes.push({ field: 'role', from: current.role, to: patch.role });
  }
  if (patch.teamId !== undefined && patch.teamId !== (current.teamId ?? '')) {
    if (patch.teamId && !facts.teams.some((tm) => tm.id === patch.teamId)) return fail({ code: 'staff.error.badTeam', field: 'team' });
    fields.teamId = patch.teamId;
    // The history shows team names; a team no longer in the settings shows its id.
    const name = (id: string) => facts.teams.find((tm) => tm.id === id)?.name ?? id;
    changes.push({ field: 'team', from: name(current.teamId ?? ''), to: name(patch.teamId) });
  }
  if (!changes.length) return ok(null);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'staff', id: current.id, fields: { ...fields, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'staff', id: current.id, entry: historyEntry(ctx, 'history.updated', changes) },
    ],
  });
}
