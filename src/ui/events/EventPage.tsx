import { A, useSearchParams } from '@solidjs/router';
import { For, onCleanup, Show } from 'solid-js';
import { eventFromRecord, eventShard } from '../../domain/events/record';
import type { EventRow } from '../../domain/events/types';
import { t } from '../../i18n';
import { hasReached, nextEventStep } from '../../domain/events/steps';
import { runEventStep } from '../../store/events';
import type { Office } from '../../store/office-api';
import { itemsOf } from '../../store/queries/events';
import { myRole } from '../../store/requests';
import { createLive } from '../../shared/bindings/live';
import { createRecordOf } from '../../shared/bindings/record';
import { PaperPanel } from '../papers/PaperPanel';
import { recordPage } from '../common/RecordPage';
import { Timeline } from '../requests/Timeline';
import { ActionButton } from './ActionButton';
import { AnalysisCard } from './AnalysisCard';
import { AttendanceCard } from './AttendanceCard';
import { EVENT_FORMS, eventLinks, eventPrintLink } from './event-links';
import { ItemsCard } from './ItemsCard';
import { MinutesCard } from './MinutesCard';
import { PlanCard } from './PlanCard';
import { PreviousCard } from './PreviousCard';
import { RemarksCard } from './RemarksCard';
import './events.css';
import { eventRow } from '../../store/queries/events';

/** One seminar, club founding or activity: loader (the projection row) + view (the live record). */
export const EventPage = recordPage({ back: eventLinks.list, backLabel: () => t('events.title'), notFound: () => t('events.notFound'), load: eventRow, view: EventView });

function EventView(props: { office: Office; row: EventRow }) {
  const id = props.row.id;
  const [search] = useSearchParams<{ paper?: string }>();
  const { record, value: event } = createRecordOf(props.office, eventShard(props.row), 'events', id, eventFromRecord);
  const role = createLive(() => props.office, (o) => myRole(o), '');
  const items = createLive(() => id, (i) => itemsOf(props.office.db, i), []);
  props.office.presence.setViewing(`events/${id}`);
  onCleanup(() => props.office.presence.setViewing(null));
  const viewers = () => props.office.presence.peers().filter((p) => p.viewing === `events/${id}`).map((p) => p.user.name);

  return (
    <Show when={event()} fallback={<p>{t('common.loading')}</p>}>
      {(e) => (
        <>
          <div class="page-head">
            <div class="title-line">
              <h1 data-testid="event-title">{e().title}</h1>
              <span class="chip">{t(`evkind.${e().kind}`)}</span>
              <span class={`chip status evstatus-${e().status}`} data-testid="event-status">{t(`evstatus.${e().status}`)}</span>
            </div>
            <div class="head-actions" role="group" aria-label={t('events.printForms')}>
              <For each={EVENT_FORMS[e().kind]}>{(form) => <A class="button" href={eventPrintLink(form, id)}>{t('events.print', { form: t(`paperform.${form}`) })}</A>}</For>
            </div>
          </div>
          <nav class="jump" aria-label={t('events.jump')}>
            <a href="#plan-title">{t('events.plan')}</a>
            <a href="#attendance-title">{t('events.attendance')}</a>
            <Show when={hasReached(e(), 'held')}>
              <a href="#minutes-title">{t('events.minutes')}</a>
              <a href="#remarks-title">{t('events.remarks')}</a>
            </Show>
            <Show when={hasReached(e(), 'minutes')}><a href="#analysis-title">{t('events.analysis')}</a></Show>
            <a href="#papers-title">{t('papers.paper')}</a>
          </nav>
          <Show when={viewers().length}>
            <p class="presence-note" role="status">{t('presence.alsoViewing', { names: viewers().join('、') })}</p>
          </Show>
          <div class="c360">
            <div class="col">
              <PlanCard office={props.office} event={e()} role={role()} />
              <PreviousCard office={props.office} event={e()} />
              <ItemsCard office={props.office} event={e()} items={items()} />
              <AttendanceCard office={props.office} event={e()} />
            </div>
            <div class="col">
              <Show when={nextEventStep(e())}>
                {(step) => (
                  <section class="card steps-panel" aria-labelledby="next-step">
                    <h2 id="next-step">{t('events.nextStep')}</h2>
                    <ActionButton label={t(`evstep.${step()}`)} run={() => runEventStep(props.office, id, step())} />
                  </section>
                )}
              </Show>
              <Show when={hasReached(e(), 'held')}>
                <MinutesCard office={props.office} event={e()} items={items().filter((i) => i.kind === 'agenda')} />
                <RemarksCard office={props.office} event={e()} />
              </Show>
              <Show when={hasReached(e(), 'minutes')}>
                <AnalysisCard office={props.office} event={e()} record={record()} />
              </Show>
              <PaperPanel office={props.office} refPath={`events/${id}`} forms={[...EVENT_FORMS[e().kind]]} highlight={search.paper} />
              <Timeline entries={e().history} />
            </div>
          </div>
        </>
      )}
    </Show>
  );
}
