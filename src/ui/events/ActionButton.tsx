import type { JSX } from 'solid-js';
import type { Result } from '../../domain/result';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';

/** One button that runs a store action, with a double-tap guard and the reasons if refused, in place. */
export function ActionButton(props: { label: string; run: () => Promise<Result<unknown>>; tone?: 'primary' | 'danger' | 'plain'; disabled?: boolean; title?: string; children?: JSX.Element; onDone?: () => void }) {
  const action = createAction();
  const go = () => action.run(() => props.run(), () => props.onDone?.());
  return (
    <span class="action-button">
      <button type="button" class={props.tone === 'plain' ? undefined : (props.tone ?? 'primary')} disabled={action.busy() || props.disabled} title={props.title} onClick={go}>
        {props.label}
      </button>
      <Problems problems={action.problems()} />
    </span>
  );
}
