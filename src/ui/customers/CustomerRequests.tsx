import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { followUpsOfCustomer, requestsOfCustomer } from '../../store/queries/requests';

/** The customer's requests, open and past, and their follow-ups, with a way to take a new one. */
export function CustomerRequests(props: { office: Office; customerId: string }) {
  const requests = createLive(() => props.customerId, (id) => requestsOfCustomer(props.office.db, id), []);
  const followups = createLive(() => props.customerId, (id) => followUpsOfCustomer(props.office.db, id), []);
  return (
    <>
      <section class="card" aria-labelledby="requests-title">
        <div class="page-head">
          <h2 id="requests-title">{t('customers.requests')}</h2>
          <A href={`/requests/new?customer=${props.customerId}`} class="button">{t('requests.new')}</A>
        </div>
        <Show when={requests().length} fallback={<p class="muted">{t('customers.requestsNone')}</p>}>
          <ul class="plain" data-testid="customer-requests">
            <For each={requests()}>
              {(r) => (
                <li>
                  <A href={`/requests/${r.id}`}>{r.number}</A> <span class="chip">{t(`reqkind.${r.kind}`)}</span> <span class="chip status">{t(`reqstatus.${r.status}`)}</span>{' '}
                  <span class="muted">{formatDateTime(r.createdAt)}</span> {r.summary}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section class="card" aria-labelledby="followups-title">
        <h2 id="followups-title">{t('customers.followups')}</h2>
        <Show when={followups().length} fallback={<p class="muted">{t('customers.followupsNone')}</p>}>
          <ul class="plain">
            <For each={followups()}>{(f) => <li>{formatDateTime(f.at)} · {f.requestNumber} · <strong>{t(`sat.${f.satisfaction}` as 'sat.1')}</strong> {f.comment}</li>}</For>
          </ul>
        </Show>
      </section>
    </>
  );
}
