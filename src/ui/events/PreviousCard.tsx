import { For, Show } from 'solid-js';
import { remarkDone } from '../../domain/events/remarks';
import type { CommunityEvent } from '../../domain/events/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { previousOnTopic, requestStatuses } from '../../store/queries/events';
import { createLive } from '../../shared/bindings/live';

/** The loop reported at the next event: what became of the remarks of the last one on the same topic. */
export function PreviousCard(props: { office: Office; event: CommunityEvent }) {
  const previous = createLive(() => props.event, (e) => previousOnTopic(props.office.db, e), null);
  const prevStatuses = createLive(previous, (p) => requestStatuses(props.office.db, p?.remarks ?? []), new Map<string, { status: string; number: string }>());
  return (
    <Show when={previous()}>
        {(p) => (
          <section class="card previous" data-testid="previous-remarks">
            <h2>{t('events.previous', { title: p().event.title })}</h2>
            <ul class="plain">
              <For each={p().remarks}>
                {(r) => (
                  <li>
                    {r.text} — {r.requestNumber ? `${r.requestNumber} ${t(`reqstatus.${prevStatuses().get(r.requestId)?.status ?? 'accepted'}` as 'reqstatus.accepted')}` : ''}
                    {remarkDone(r, (id) => prevStatuses().get(id)?.status) ? ` ✓ ${t('events.done')}` : ` · ${t('events.notDone')}`}
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </Show>
  );
}
