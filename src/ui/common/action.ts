import { createSignal, type Accessor } from 'solid-js';
import type { Problem, Result } from '../../domain/result';

/** One thing a person does with a form or a button: whether it is in flight and the reasons it was last refused. */
export interface Action {
  busy: Accessor<boolean>;
  problems: Accessor<Problem[]>;
  /** True after a successful run, until the next run or `reset`. */
  saved: Accessor<boolean>;
  setProblems(problems: Problem[]): void;
  /** Forgets the last run's reasons and 已保存 (another record opened in the form). */
  reset(): void;
  /** Runs `fn` unless a run is already in flight (then does nothing); `done` gets the value of a success. */
  run<T>(fn: () => Promise<Result<T>>, done?: (value: T) => void): Promise<void>;
}

/**
 * An action with a busy guard. A real double tap submits twice within a few milliseconds, long
 * before the first command is on disk; a disabled button is not enough on its own (Enter in a
 * field submits too, and a re-render can lag), so the guard is a flag checked and set
 * synchronously, before the first await.
 */
export function createAction(): Action {
  const [busy, setBusy] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [saved, setSaved] = createSignal(false);
  let inFlight = false;
  const run = async <T,>(fn: () => Promise<Result<T>>, done?: (value: T) => void) => {
    if (inFlight) return;
    inFlight = true;
    setBusy(true);
    setSaved(false);
    try {
      const r = await fn();
      setProblems(r.ok ? [] : r.problems);
      setSaved(r.ok);
      if (r.ok) done?.(r.value);
    } finally {
      inFlight = false;
      setBusy(false);
    }
  };
  const reset = () => {
    setProblems([]);
    setSaved(false);
  };
  return { busy, problems, saved, setProblems, reset, run };
}
