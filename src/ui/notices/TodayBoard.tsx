import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { openIncidents } from '../../store/queries/incidents';
import { noticesInForce } from '../../store/queries/notices';
import { boardLinks } from './links';
import { audienceText } from './audience-text';
import '../residents/residents.css';

/** On 今日 while they last: the notices in force and the incidents still open (nothing when there are none). */
export function TodayBoard(props: { office: Office; today: string | null }) {
  const data = createLive(() => props.today, async (day) => (day ? { notices: await noticesInForce(props.office.db, day), incidents: await openIncidents(props.office.db) } : null), null);
  const shown = () => {
    const d = data();
    return d && (d.notices.length || d.incidents.length) ? d : null;
  };
  return (
    <Show when={shown()}>
      {(d) => (
        <div class="today-board" data-testid="today-board">
          <Show when={d().incidents.length}>
            <section class="card incident-offer" aria-labelledby="today-incidents">
              <h2 id="today-incidents">{t('today.incidents')} <span class="count">{d().incidents.length}</span></h2>
              <ul class="plain">
                <For each={d().incidents}>{(i) => <li class="row"><A href={boardLinks.incident(i.id)}>{i.title}</A> <span class="muted">{i.buildings.map((b) => t('units.building', { building: b })).join('、')}</span></li>}</For>
              </ul>
            </section>
          </Show>
          <Show when={d().notices.length}>
            <section class="card" aria-labelledby="today-notices" data-testid="today-notices">
              <h2 id="today-notices">{t('today.notices')} <span class="count">{d().notices.length}</span></h2>
              <ul class="plain">
                <For each={d().notices}>{(n) => <li class="row"><A href={boardLinks.notice(n.id)}>{n.title}</A> <span class="muted">{n.from} – {n.to} · {audienceText(n)}</span></li>}</For>
              </ul>
            </section>
          </Show>
        </div>
      )}
    </Show>
  );
}
