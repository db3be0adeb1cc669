import { createSignal, type JSX } from 'solid-js';
import type { Problem, Result } from '../../domain/result';
import { Problems } from '../common/Problems';

/** One workflow step as a small form: its fields, one button, and the reasons if refused. */
export function StepForm(props: { title: string; submit: string; onSubmit: () => Promise<Result<unknown>>; children?: JSX.Element; tone?: 'primary' | 'danger' }) {
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const go = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await props.onSubmit();
    setBusy(false);
    setProblems(r.ok ? [] : r.problems);
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
