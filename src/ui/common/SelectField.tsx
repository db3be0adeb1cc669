import { For } from 'solid-js';

/**
 * A labelled choice of a fixed list (a role, a channel, a kind): the label, the select, one option
 * per value with its words. Forms had this written out a dozen times, each with its own cast.
 */
export function SelectField<T extends string>(props: {
  label: string; name: string; value: T; options: readonly T[]; text: (option: T) => string; onChange: (value: T) => void; class?: string;
}) {
  return (
    <label class={props.class}>
      {props.label}
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        <For each={props.options}>{(o) => <option value={o}>{props.text(o)}</option>}</For>
      </select>
    </label>
  );
}
