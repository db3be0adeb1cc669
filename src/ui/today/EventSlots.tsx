import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { eventsToDo } from '../../store/queries/events';
import { notBack } from '../../store/queries/papers';
import { paperHref } from '../../domain/papers/paper';
import { createLive } from '../../shared/bindings/live';

/** 今日: papers printed and not back yet (oldest first), each one tap from its record. */
export function PapersNotBack(props: { office: Office; today: string }) {
  const rows = createLive(() => props.office, (o) => notBack(o.db), []);
  return (
    <Show when={rows().length}>
      <section class="card today-section" aria-labelledby="today-papers" data-testid="today-papers">
        <h2 id="today-papers">{t('today.papers')} <span class="count">{rows().length}</span></h2>
        <ul class="plain">
          <For each={rows().slice(0, 10)}>
            {(p) => (
              <li>
                <A href={paperHref(p)}>{p.title || t(`paperform.${p.form}` as 'paperform.sign-in')}</A>{' '}
                <span class="muted">{t('today.printedAt', { at: formatDateTime(p.printedAt) })}</span>
              </li>
            )}
          </For>
        </ul>
        <Show when={rows().length > 10}>
          <A href="/papers">{t('today.allPapers', { n: rows().length })}</A>
        </Show>
      </section>
    </Show>
  );
}

/** 今日: seminars and activities that need their sign-in or their minutes. */
export function EventsToDo(props: { office: Office; today: string }) {
  const rows = createLive(() => props.today, (today) => eventsToDo(props.office.db, today), []);
  return (
    <Show when={rows().length}>
      <section class="card today-section" aria-labelledby="today-events" data-testid="today-events">
        <h2 id="today-events">{t('today.events')} <span class="count">{rows().length}</span></h2>
        <ul class="plain">
          <For each={rows()}>
            {(r) => (
              <li>
                <A href={`/events/${r.event.id}`}>{r.event.title}</A>{' '}
                <span class="chip">{r.todo === 'signIn' ? t('today.eventSignIn') : t('today.eventMinutes')}</span>{' '}
                <span class="muted">{formatDateTime(r.event.startsAt)}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
