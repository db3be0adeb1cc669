import { For, Show } from 'solid-js';
import type { Problem } from '../../domain/result';
import { tCode } from '../../i18n';

/** The reasons a command was refused, in the user's language, announced to screen readers. */
export function Problems(props: { problems: Problem[] }) {
  return (
    <Show when={props.problems.length}>
      <ul class="problems" role="alert">
        <For each={props.problems}>{(p) => <li>{tCode(p.code, p.params)}</li>}</For>
      </ul>
    </Show>
  );
}

export const problemFor = (problems: Problem[], field: string) => problems.find((p) => p.field === field);
