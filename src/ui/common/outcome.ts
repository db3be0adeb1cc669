import type { Result } from '../../domain/result';
import type { Action } from './action';

/**
 * Shows in `action`'s reasons the outcome of a change that is deliberately NOT under its busy
 * guard: a select that saves on change (设置 → 员工's role and team, an invitation's answer) or a
 * presence ticked row after row — each one is taken, none dropped (the control already shows the
 * new value), and the last one's reasons are the ones shown. Everything else runs through
 * `action.run`. One list of reasons per place either way, never a page's own `Problem[]` signal
 * (`test/unit/house-rules/no-own-busy-flag.test.ts`).
 */
export async function showOutcome<T>(action: Action, made: Promise<Result<T>>): Promise<Result<T>> {
  const r = await made;
  action.setProblems(r.ok ? [] : r.problems);
  return r;
}
