import { For, Show } from 'solid-js';
import type { HistoryEntry } from '../../domain/history';
import { formatDateTime, t, tCode } from '../../i18n';

/** A step's details as message parameters (text and numbers; lists and flags are not worded). */
const paramsOf = (data: HistoryEntry['data']) =>
  data ? Object.fromEntries(Object.entries(data).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')) : undefined;

/** A record's history, newest first: who, when, what changed. */
export function HistoryList(props: { entries: HistoryEntry[] }) {
  const newestFirst = () => [...props.entries].reverse();
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('customers.history')}</h2>
      <ol data-testid="history">
        <For each={newestFirst()}>
          {(entry) => (
            <li>
              <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
              <strong>{entry.byName}</strong>
              <span class="device">{entry.device}</span>
              <span>{tCode(entry.action, paramsOf(entry.data))}</span>
              <Show when={entry.changes?.length}>
                <ul class="changes">
                  <For each={entry.changes}>
                    {(c) => (
                      <li>
                        {tCode(`field.${c.field}`)}: <del>{c.from || '—'}</del> → <ins>{c.to || '—'}</ins>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
