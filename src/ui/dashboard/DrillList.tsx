import { For, Show } from 'solid-js';
import type { Ref } from '../../domain/indicators/compute';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { recordsBehind } from '../../store/queries/drill';
import { createLive } from '../../shared/bindings/live';
import { RequestRowView } from '../requests/RequestRowView';

const SHOWN = 100;

/** The records behind a figure, those that made it worse first; a request opens from here. */
export function DrillList(props: { office: Office; title: string; refs: Ref[]; onClose: () => void }) {
  const records = createLive(() => props.refs, (refs) => recordsBehind(props.office.db, refs, SHOWN), null);
  const now = new Date();
  return (
    <section class="card drill" aria-label={props.title} data-testid="drill">
      <div class="page-head">
        <h2>{props.title}</h2>
        <button type="button" onClick={() => props.onClose()}>{t('dashboard.closeDrill')}</button>
      </div>
      <Show when={records()} fallback={<p>{t('common.loading')}</p>}>
        {(r) => (
          <>
            <p class="muted" data-testid="drill-count">{t('dashboard.drillCount', { n: r().total, bad: r().bad })}</p>
            <div class="list">
              <For each={r().requests}>
                {(row) => (
                  <div class="drill-row" classList={{ miss: row.miss }}>
                    <span class="drill-mark">{row.miss ? t('dashboard.missMark') : t('dashboard.hitMark')}</span>
                    <RequestRowView row={row.row} now={now} />
                  </div>
                )}
              </For>
              <For each={r().responses}>
                {(row) => (
                  <div class="drill-row response" classList={{ miss: row.miss }}>
                    <span class="drill-mark">{row.miss ? t('dashboard.missMark') : t('dashboard.hitMark')}</span>
                    <a class="row" href={`/surveys/${encodeURIComponent(row.row.surveyId)}/entry?wave=${row.row.wave}&unit=${encodeURIComponent(row.row.unitCode)}`}>
                      <span class="number">{row.row.unitCode}</span>
                      <span>{t('dashboard.responseLine', { lowest: row.row.lowest })}</span>
                      <span class="summary">{row.row.comment}</span>
                    </a>
                  </div>
                )}
              </For>
            </div>
            <Show when={r().more > 0}>
              <p class="muted">{t('dashboard.drillMore', { n: r().more })}</p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
