import { createSignal, type JSX } from 'solid-js';
import type { Problem, Result } from '../../domain/result';
import { Problems } from '../common/Problems';

/** One button that runs a store action, with a double-tap guard and the reasons if refused, in place. */
export function ActionButton(props: { label: string; run: () => Promise<Result<unknown>>; tone?: 'primary' | 'danger' | 'plain'; disabled?: boolean; title?: string; children?: JSX.Element; onDone?: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const go = async () => {
    if (busy()) return;
    setBusy(true);
    const r = await props.run();
    setBusy(false);
    setProblems(r.ok ? [] : r.problems);
    if (r.ok) props.onDone?.();
  };
  return (
    <span class="action-button">
      <button type="button" class={props.tone === 'plain' ? undefined : (props.tone ?? 'primary')} disabled={busy() || props.disabled} title={props.title} onClick={go}>
        {props.label}
      </button>
      <Problems problems={problems()} />
    </span>
  );
}
