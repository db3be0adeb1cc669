import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { maskPhone } from '../../domain/mask';
import { t } from '../../i18n';
import { countCustomers, searchCustomers } from '../../store/queries/customers';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { printLinks } from '../../print/links';
import { firstScreenShown } from '../session';

/** How long typing pauses before the address takes the search (see `typed`). */
const ADDRESS_AFTER_MS = 400;

/** The customer list with one search box; phones are masked here. */
export function CustomerList(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ q?: string }>();
  // The box drives the search directly, and the address (?q=, so that 返回 finds the list as it
  // was) follows once typing pauses, or at once when the box loses focus (a tap on a row or on
  // the menu does that before it navigates): the router's navigation — a transition and
  // history.replaceState, 0.5–3 ms — was on every keystroke's way to its results. An address
  // changed from outside (a link, 返回) sets the box.
  const [query, setQuery] = createSignal(params.q ?? '');
  createEffect(on(() => params.q ?? '', (q) => setQuery(q), { defer: true }));
  let addressTimer: ReturnType<typeof setTimeout> | undefined;
  const writeAddress = () => {
    clearTimeout(addressTimer);
    addressTimer = undefined;
    if ((params.q ?? '') !== query()) setParams({ q: query() || undefined }, { replace: true });
  };
  const typed = (q: string) => {
    setQuery(q);
    clearTimeout(addressTimer);
    addressTimer = setTimeout(writeAddress, ADDRESS_AFTER_MS);
  };
  onCleanup(() => clearTimeout(addressTimer));
  const result = createLive(query, async (q) => ({ q, rows: await searchCustomers(props.office.db, q) }), null);
  const rows = () => result()?.rows ?? null;
  const total = createLive(() => props.office, (o) => countCustomers(o.db), 0);
  const countText = () => {
    const found = rows();
    return query() && found ? t('customers.found', { n: found.length, total: total() }) : t('customers.count', { n: total() });
  };
  // Marks the first time rows are on screen; `npm run bench` reads it for open.cold_ms.
  createEffect(() => {
    if (rows()?.length && !performance.getEntriesByName('linli:list-rendered').length) {
      queueMicrotask(() => {
        performance.mark('linli:list-rendered');
        requestAnimationFrame(() => setTimeout(firstScreenShown, 0));
      });
    }
  });
  return (
    <main class="page">
      <div class="page-head">
        <h1>{t('customers.title')}</h1>
        <div class="head-actions">
          <A href={printLinks.customerRegister()} class="button">{t('customers.printRegister')}</A>
          <A href="/import" class="button">{t('import.title')}</A>
          <A href="/customers/new" class="button primary">{t('customers.new')}</A>
        </div>
      </div>
      <input
        type="search"
        class="search"
        aria-label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        value={query()}
        onInput={(e) => typed(e.currentTarget.value)}
        onBlur={writeAddress}
      />
      <p class="muted" aria-live="polite" data-testid="customer-count">{countText()}</p>
      <Show when={rows()} fallback={<p>{t('common.loading')}</p>}>
        {(list) => (
          <Show when={list().length} fallback={<p class="empty" data-results-for={result()?.q}>{query() ? t('customers.noMatch', { q: query() }) : t('customers.empty')}</p>}>
            <ul class="rows" data-testid="customer-list" data-results-for={result()?.q}>
              <For each={list()}>
                {(c) => (
                  <li>
                    {/* A plain link (the router follows it all the same): the router's <A> costs a
                        few memos per row, and a keystroke redraws up to 60 rows. */}
                    <a href={`/customers/${c.id}`} class="row">
                      <strong class="name">{c.name}</strong>
                      <span class="unit">{c.unitCode || '—'}</span>
                      <span class="phone">{c.phones.map(maskPhone).join(' / ')}</span>
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </main>
  );
}
