import { For } from 'solid-js';
import type { Problem } from '../../domain/result';
import { problemFor } from '../common/Problems';

/** One PIN box of a PIN form: its label, the value, and the problem field that marks it invalid. */
export interface PinField {
  name: string;
  label: string;
  value: () => string;
  set: (v: string) => void;
  /** The `Problem.field` that marks this box invalid. */
  problem: string;
}

/** The PIN boxes of the settings' PIN forms (change mine, reset a colleague's); the first gets focus. */
export function PinFields(props: { fields: PinField[]; problems: Problem[]; first?: (el: HTMLInputElement) => void }) {
  return (
    <div class="reset-pin-fields">
      <For each={props.fields}>
        {(f, i) => (
          <label>
            {f.label}
            <input ref={(el) => i() === 0 && props.first?.(el)} name={f.name} type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={f.value()}
              aria-invalid={!!problemFor(props.problems, f.problem)} onInput={(e) => f.set(e.currentTarget.value)} />
          </label>
        )}
      </For>
    </div>
  );
}
