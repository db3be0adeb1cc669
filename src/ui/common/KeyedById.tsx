import { Show, type Accessor, type JSX } from 'solid-js';

/**
 * A record's view, made once per record id: `children` runs again (a fresh form, fresh signals)
 * only when the id changes, and follows the record's row through `row()` otherwise.
 *
 * Why: a live query hands back a new row object every time it is re-read (a colleague's edit,
 * the projection rewritten, the staff list re-read while a new tablet's office shard is still
 * written). `<Show when={row()} keyed>` remounts the view on each of them — the PIN just typed
 * emptied, a step form wiped, 加载中… flashing (commit 8e8bd22, e2e pin-form-reread).
 * `test/unit/house-rules/keyed-by-id.test.ts` fails on a keyed Show over a row elsewhere in ui.
 */
export function KeyedById<T extends { id: string }>(props: {
  /** The record's row; nothing (or false) shows `fallback`. */
  when: T | null | undefined | false;
  fallback?: JSX.Element;
  children: (row: Accessor<T>) => JSX.Element;
}) {
  return (
    <Show when={props.when ? props.when.id : undefined} keyed fallback={props.fallback}>
      {(_id) => <Show when={props.when}>{(row) => props.children(row as Accessor<T>)}</Show>}
    </Show>
  );
}
