import { createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/customer';
import { maskPhone } from '../../domain/mask';
import { t } from '../../i18n';
import { searchCustomers } from '../../store/queries/customers';
import { createLive } from '../../shared/bindings/live';
import type { ReadonlyDB } from '../../store/readonly-db';

/** Finds the caller by a phone fragment, room number, name or pinyin; Enter takes the first match. */
export function CustomerPicker(props: { db: ReadonlyDB; value: CustomerRow | null; onPick: (c: CustomerRow | null) => void; autofocus?: boolean; label?: string }) {
  const [query, setQuery] = createSignal('');
  const matches = createLive(query, async (q) => (q.trim() ? (await searchCustomers(props.db, q)).slice(0, 6) : []), [] as CustomerRow[]);
  return (
    <Show
      when={props.value}
      fallback={
        <div class="picker">
          <label>
            {props.label ?? t('requests.customer')}
            <input type="search" name="customerQuery" autofocus={props.autofocus ?? true} placeholder={t('requests.findCustomer')} value={query()} autocomplete="off"
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && matches()[0]) {
                  e.preventDefault();
                  props.onPick(matches()[0]);
                }
              }} />
          </label>
          <Show when={matches().length}>
            <ul class="plain picks" data-testid="customer-matches">
              <For each={matches()}>
                {(c) => (
                  <li>
                    <button type="button" onClick={() => props.onPick(c)}>
                      <strong>{c.name}</strong> <span>{c.unitCode}</span> <span class="muted">{c.phones.map(maskPhone).join(' / ')}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      }
    >
      {(c) => (
        <div class="picked" data-testid="picked-customer">
          <span>{props.label ?? t('requests.customer')}：<strong>{c().name}</strong> {c().unitCode} <span class="muted">{c().phones.map(maskPhone).join(' / ')}</span></span>
          <button type="button" class="link" onClick={() => props.onPick(null)}>{t('requests.clearCustomer')}</button>
        </div>
      )}
    </Show>
  );
}
