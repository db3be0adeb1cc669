import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { historyEntry } from '../history';
import { LIMITS } from '../limits';
import { revealRuleFor, roleKey, type PersonalDataPolicy } from './personal-data';
import { fail, ok, type Result } from '../result';
import type { StaffRole } from '../staff/staff';

/*
 * Showing a customer's full numbers on the customer page. Masked is the default everywhere
 * (lists, the page, paper); the office's personal-data policy says who may reveal (personal-data.ts).
 */

export type RevealField = 'phones' | 'idNumber';

/** Who reveals, and why (the reason is asked of roles whose rule is 'reason'). */
export interface RevealFacts {
  role: StaffRole | undefined;
  policy: PersonalDataPolicy;
  reason?: string;
}

/**
 * Showing one customer's full phone or ID number: allowed by the role's rule, and written into
 * that customer's history (who, when, which, and the reason if one was given).
 */
export function revealCustomerField(id: string, field: RevealField, ctx: CommandContext, facts: RevealFacts): Result<Command> {
  const rule = revealRuleFor(facts.policy, facts.role);
  if (rule === 'no') return fail({ code: 'personal.error.revealRefused', params: { role: roleKey(facts.role) } });
  const reason = (facts.reason ?? '').trim();
  if (rule === 'reason' && !reason) return fail({ code: 'personal.error.reasonRequired', field: 'reason' });
  if (reason.length > LIMITS.shortText) return fail({ code: 'error.tooLong', field: 'reason', params: { max: LIMITS.shortText } });
  const action = field === 'phones' ? 'history.phoneRevealed' : 'history.idRevealed';
  const changes = reason ? [{ field: 'revealReason', to: reason }] : undefined;
  return ok({ shard: 'directory', ops: [{ kind: 'log', collection: 'customers', id, entry: historyEntry(ctx, action, changes) }] });
}
