import { For, Show } from 'solid-js';
import type { ActionRow } from '../../domain/actions/action';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { actionsFrom } from '../../store/queries/actions';
import { createLive } from '../../shared/bindings/live';
import { ActionCard } from './ActionCard';
import { ActionForm } from './ActionForm';
import { createOfficeToday } from './office-today';
import './actions.css';

/** A complaint's corrective and preventive actions, each carried to the end, and a form for a new one. */
export function ComplaintActions(props: { office: Office; requestId: string; number: string; cause: string }) {
  const today = createOfficeToday(props.office);
  const rows = createLive(() => props.requestId, (id) => actionsFrom(props.office.db, `requests/${id}`), [] as ActionRow[]);
  return (
    <section class="card" aria-labelledby="complaint-actions-title" data-testid="complaint-actions">
      <h2 id="complaint-actions-title">{t('actions.title')} <span class="count">{rows().length}</span></h2>
      <Show when={today()}>
        <ul class="plain action-list">
          <For each={rows()}>{(a) => <ActionCard office={props.office} row={a} today={today()} showSource={false} />}</For>
        </ul>
        <details>
          <summary>{t('actions.new')}</summary>
          <ActionForm office={props.office} source={{ ref: `requests/${props.requestId}`, label: props.number }} cause={props.cause} today={today()} label={t('actions.newFor', { source: props.number })} />
        </details>
      </Show>
    </section>
  );
}
