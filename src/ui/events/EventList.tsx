import { A } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import type { EventKind } from '../../domain/events/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { listEvents } from '../../store/queries/events';
import { createLive } from '../../shared/bindings/live';
import { RecordRow, RecordRows } from '../common/RecordList';
import { eventLinks } from './event-links';
import { EventsNav } from './EventsNav';
import './events.css';

/** 活动: seminars, the club's founding plan and activities, open ones first by date. */
export function EventList(props: { office: Office }) {
  const [kind, setKind] = createSignal<EventKind | ''>('');
  const rows = createLive(kind, (k) => listEvents(props.office.db, k || undefined), []);
  const tabs: (EventKind | '')[] = ['', 'seminar', 'clubFounding', 'activity'];
  return (
    <main class="page wide">
      <div class="page-head">
        <h1>{t('events.title')}</h1>
        <div class="head-actions">
          <A class="button primary" href={eventLinks.create('seminar')}>{t('events.newSeminar')}</A>
          <A class="button" href={eventLinks.create('clubFounding')}>{t('events.newClub')}</A>
          <A class="button" href={eventLinks.create('activity')}>{t('events.newActivity')}</A>
        </div>
      </div>
      <EventsNav />
      <div class="tabs" role="group" aria-label={t('events.kindFilter')}>
        <For each={tabs}>
          {(k) => (
            <button type="button" class={kind() === k ? 'active' : undefined} aria-pressed={kind() === k} onClick={() => setKind(k)}>
              {k ? t(`evkind.${k}`) : t('events.all')}
            </button>
          )}
        </For>
      </div>
      <RecordRows rows={rows()} empty={t('events.none')} testId="event-list">
        {(r) => (
          <RecordRow class="event-row" href={eventLinks.page(r.id)} title={r.title} titleClass="event-title"
            chips={<>
              <span class="chip">{t(`evkind.${r.kind}`)}</span>
              <span class={`chip status evstatus-${r.status}`}>{t(`evstatus.${r.status}`)}</span>
            </>}
            meta={<>{r.startsAt.replace('T', ' ')} · {r.place}</>} />
        )}
      </RecordRows>
    </main>
  );
}
