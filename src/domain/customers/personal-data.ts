import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { STAFF_ROLES, type StaffRole } from '../staff/staff';

/*
 * Who may see full phone and ID numbers (personal data by role). Screens and paper show them
 * masked; revealing one customer's numbers and exporting everyone's in full are the two ways to
 * see them, and the office says per role which it allows. The rules are checked here, by the
 * command, whatever the page shows or sends; every reveal and full export is written into the
 * history (with the reason, when one is asked).
 */

/** How a role may reveal a customer's full numbers: freely, one customer at a time with a reason, or not at all. */
export type RevealRule = 'yes' | 'reason' | 'no';
export const REVEAL_RULES: RevealRule[] = ['yes', 'reason', 'no'];

export interface PersonalDataPolicy {
  reveal: Record<StaffRole, RevealRule>;
  /** Whether the role may tick 包含完整电话和证件号 on an export. */
  export: Record<StaffRole, boolean>;
}

/** Managers reveal and export; reception reveals one customer at a time with a reason; team staff neither. */
export const DEFAULT_PERSONAL_DATA: PersonalDataPolicy = {
  reveal: { manager: 'yes', reception: 'reason', team: 'no' },
  export: { manager: true, reception: false, team: false },
};

/**
 * The policy from the settings record (`settings/office`, field `personalData`). Anything
 * missing or unreadable falls back to the default for that role — never to "allowed", except
 * that a manager keeps both rights whatever is stored (somebody must be able to see them).
 */
export function personalDataPolicyOf(office: Record<string, unknown> | undefined): PersonalDataPolicy {
  const raw = office?.personalData as { reveal?: Record<string, unknown>; export?: Record<string, unknown> } | undefined;
  const policy: PersonalDataPolicy = structuredClone(DEFAULT_PERSONAL_DATA);
  for (const role of STAFF_ROLES) {
    if (role === 'manager') continue;
    const reveal = raw?.reveal?.[role];
    if (REVEAL_RULES.includes(reveal as RevealRule)) policy.reveal[role] = reveal as RevealRule;
    const exp = raw?.export?.[role];
    if (typeof exp === 'boolean') policy.export[role] = exp;
  }
  return policy;
}

/** What a role may do, for the page to show or hide controls (the commands check again). */
export function revealRuleFor(policy: PersonalDataPolicy, role: StaffRole | undefined): RevealRule {
  return role ? policy.reveal[role] : 'no';
}

/** The role as a dictionary key, so a refusal names it in the reader's language. */
export const roleKey = (role: StaffRole | undefined) => (role ? `role.${role}` : 'personal.noRole');

export function mayExportFull(policy: PersonalDataPolicy, role: StaffRole | undefined): Result<void> {
  return role && policy.export[role] ? ok(undefined) : fail({ code: 'personal.error.exportRefused', params: { role: roleKey(role) } });
}

/**
 * A manager changes who may reveal and export. The manager's own rights are not settable (an
 * office where nobody can see a number could not call anyone back). `current` is what the
 * settings say now, for the history line.
 */
export function setPersonalDataPolicy(next: PersonalDataPolicy, current: PersonalDataPolicy, ctx: CommandContext, facts: { role: string }): Result<Command | null> {
  if (facts.role !== 'manager') return fail({ code: 'personal.error.managerOnly' });
  const clean: PersonalDataPolicy = structuredClone(DEFAULT_PERSONAL_DATA);
  const changes: { field: string; from: string; to: string }[] = [];
  for (const role of STAFF_ROLES) {
    if (role === 'manager') continue;
    if (!REVEAL_RULES.includes(next.reveal[role])) return fail({ code: 'personal.error.badRule', field: `reveal.${role}` });
    if (typeof next.export[role] !== 'boolean') return fail({ code: 'personal.error.badRule', field: `export.${role}` });
    clean.reveal[role] = next.reveal[role];
    clean.export[role] = next.export[role];
    // History values are i18n codes of the rule, shown translated by the history list.
    if (clean.reveal[role] !== current.reveal[role]) changes.push({ field: `personal.reveal.${role}`, from: current.reveal[role], to: clean.reveal[role] });
    if (clean.export[role] !== current.export[role]) changes.push({ field: `personal.export.${role}`, from: String(current.export[role]), to: String(clean.export[role]) });
  }
  if (!changes.length) return ok(null);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'office', upsert: true, fields: { personalData: clean, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'office', entry: historyEntry(ctx, 'history.personalDataChanged', changes) },
    ],
  });
}
