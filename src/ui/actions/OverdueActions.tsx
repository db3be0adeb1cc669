import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { overdueActions } from '../../store/queries/actions';
import { createLive } from '../../shared/bindings/live';

/** 今日: corrective and preventive actions past their due day and not reported done, most overdue first. */
export function OverdueActions(props: { office: Office; today: string }) {
  const rows = createLive(() => props.today, (today) => (today ? overdueActions(props.office.db, today) : Promise.resolve([])), []);
  return (
    <Show when={rows().length}>
      <section class="card today-section" aria-labelledby="today-actions" data-testid="today-actions">
        <h2 id="today-actions">{t('today.overdueActions')} <span class="count">{rows().length}</span></h2>
        <ul class="plain">
          <For each={rows().slice(0, 10)}>
            {(a) => (
              <li data-id={a.id}>
                <A href="/actions?tab=overdue">{a.action}</A>{' '}
                <span class="muted">{t('today.actionDue', { team: [a.teamName, a.ownerName].filter(Boolean).join(' · '), due: a.due })}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
