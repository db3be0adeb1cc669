import { A, useNavigate, useSearchParams } from '@solidjs/router';
import type { EventKind } from '../../domain/events/types';
import { EVENT_KINDS } from '../../domain/events/types';
import { t } from '../../i18n';
import { createEvent } from '../../store/events';
import type { Office } from '../../store/office-api';
import { eventLinks } from './event-links';
import { PlanForm } from './PlanForm';
import './events.css';

/** A new plan: `?kind=seminar | clubFounding | activity`. */
export function EventNew(props: { office: Office }) {
  const [params] = useSearchParams<{ kind?: string }>();
  const navigate = useNavigate();
  const kind = (): EventKind => (EVENT_KINDS.includes(params.kind as EventKind) ? (params.kind as EventKind) : 'seminar');
  return (
    <main class="page">
      <A href={eventLinks.list()} class="back">← {t('events.title')}</A>
      <h1>{t(`events.new.${kind()}`)}</h1>
      <PlanForm
        office={props.office}
        kind={kind()}
        onSave={async (input) => {
          const r = await createEvent(props.office, kind(), input);
          if (r.ok) navigate(eventLinks.page(r.value));
          return r;
        }}
      />
    </main>
  );
}
