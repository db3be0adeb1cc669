import { createContext, createEffect, createSignal, on, useContext, type JSX } from 'solid-js';
import type { Problem, Result } from '../../domain/result';
import { Problems } from '../common/Problems';

/**
 * Changes whenever a step is added to the request, by anyone: the reasons a form showed for
 * refusing an earlier attempt may no longer hold, so they are cleared.
 */
export const StepStamp = createContext<() => number>(() => 0);

/**
 * One workflow step as a small form: its fields, one button, and the reasons if refused.
 * `onDone` runs after the step was saved (to empty the fields for the next one).
 */
export function StepForm(props: { title: string; submit: string; onSubmit: () => Promise<Result<unknown>>; onDone?: () => void; children?: JSX.Element; tone?: 'primary' | 'danger' }) {
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  createEffect(on(useContext(StepStamp), () => setProblems([]), { defer: true }));
  const go = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await props.onSubmit();
    setBusy(false);
    setProblems(r.ok ? [] : r.problems);
    if (r.ok) props.onDone?.();
  };
  return (
    <form class="step" onSubmit={go} aria-label={props.title}>
      <h3>{props.title}</h3>
      <Problems problems={problems()} />
      {props.children}
      <div class="actions">
        <button type="submit" class={props.tone ?? 'primary'} disabled={busy()}>{props.submit}</button>
      </div>
    </form>
  );
}
