import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { listIncidents } from '../../store/queries/incidents';
import { BoardNav } from '../notices/BoardNav';
import { boardLinks } from '../notices/links';
import '../residents/residents.css';
import '../residents/need-chips.css';

/** 突发事件: open ones first, then the closed, newest first. */
export function IncidentsPage(props: { office: Office }) {
  const rows = createLive(() => props.office, async (o) => (await listIncidents(o.db)).sort((a, b) => b.open - a.open), []);
  return (
    <main class="page wide">
      <div class="page-head">
        <h1>{t('incident.title')}</h1>
        <div class="head-actions"><A class="button primary" href={boardLinks.newIncident()}>{t('incident.new')}</A></div>
      </div>
      <BoardNav />
      <Show when={rows().length} fallback={<p class="empty">{t('incident.none')}</p>}>
        <ul class="rows" data-testid="incident-list">
          <For each={rows()}>
            {(i) => (
              <li>
                <A class="row resident-row" href={boardLinks.incident(i.id)}>
                  <strong>{i.title}</strong>
                  <span class="chips">
                    <span class="chip">{t(`incidentKind.${i.kind}` as never)}</span>
                    <span class={`chip ${i.open ? 'need' : 'status'}`}>{t(i.open ? 'incident.openChip' : 'incident.closedChip')}</span>
                  </span>
                  <span class="muted">{i.buildings.map((b) => t('units.building', { building: b })).join('、')} · {i.startsAt.replace('T', ' ')}{i.endsAt ? ` – ${i.endsAt.replace('T', ' ')}` : ''}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </main>
  );
}
