import { liveQuery } from 'dexie';
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * Dexie liveQuery bridged to a Solid signal. `source` is tracked (the search text, an id…);
 * whenever it changes the query is re-subscribed, and whenever the tables it read change —
 * by this tab, another tab, or a colleague's edit arriving through sync — it re-runs.
 */
export function createLive<S, T>(source: Accessor<S>, query: (s: S) => Promise<T> | T, initial: T): Accessor<T> {
  const [value, setValue] = createSignal<T>(initial);
  createEffect(() => {
    const s = source();
    const subscription = liveQuery(() => query(s)).subscribe({
      next: (v) => setValue(() => v),
      error: (err) => console.error('Linli: live query failed', err),
    });
    onCleanup(() => subscription.unsubscribe());
  });
  return value;
}
