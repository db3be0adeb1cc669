import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { movesToday } from '../../store/queries/moves';

/** 今日 (moves, issue 20): leases ending within the notice, renovation inspections due, works ending, applications to approve. */
export function MovesToday(props: { office: Office; today: string }) {
  const rows = createLive(() => props.today, (today) => movesToday(props.office.db, today), null);
  const unitLink = (code: string) => `/units?q=${encodeURIComponent(code)}`;
  return (
    <Show when={rows()}>
      {(m) => (
        <>
          <Show when={m().leases.length}>
            <section class="card today-section" aria-labelledby="today-leases" data-testid="today-leases">
              <h2 id="today-leases">{t('moves.today.leases')} <span class="count">{m().leases.length}</span></h2>
              <ul class="plain">
                <For each={m().leases}>{(l) => <li><A href={unitLink(l.unitCode)}>{t('moves.today.lease', { name: l.customerName, unit: l.unitCode, day: l.leaseEnd })}</A></li>}</For>
              </ul>
            </section>
          </Show>
          <Show when={m().awaitingApproval.length}>
            <section class="card today-section" aria-labelledby="today-reno-approve" data-testid="today-reno-approve">
              <h2 id="today-reno-approve">{t('reno.today.approve')} <span class="count">{m().awaitingApproval.length}</span></h2>
              <ul class="plain">
                <For each={m().awaitingApproval}>{(r) => <li><A href={`/renovations/${r.id}`}>{r.number} · {r.unitCode} · {r.customerName}</A></li>}</For>
              </ul>
            </section>
          </Show>
          <Show when={m().inspections.length}>
            <section class="card today-section" aria-labelledby="today-reno-inspect" data-testid="today-reno-inspect">
              <h2 id="today-reno-inspect">{t('reno.today.inspections')} <span class="count">{m().inspections.length}</span></h2>
              <ul class="plain">
                <For each={m().inspections}>{(r) => <li><A href={`/renovations/${r.id}`}>{r.unitCode} · {r.number}</A> <span class="muted">{t('reno.inspectionDue', { day: r.inspectionDue })}</span></li>}</For>
              </ul>
            </section>
          </Show>
          <Show when={m().ending.length}>
            <section class="card today-section" aria-labelledby="today-reno-ending" data-testid="today-reno-ending">
              <h2 id="today-reno-ending">{t('reno.today.ending')} <span class="count">{m().ending.length}</span></h2>
              <ul class="plain">
                <For each={m().ending}>{(r) => <li><A href={`/renovations/${r.id}`}>{r.unitCode} · {r.number}</A> <span class="muted">{t('reno.endsOn', { day: r.end })}</span></li>}</For>
              </ul>
            </section>
          </Show>
        </>
      )}
    </Show>
  );
}
