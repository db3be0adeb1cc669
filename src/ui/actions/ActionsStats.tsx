import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { actionCounts } from '../../store/queries/actions';
import { createLive } from '../../shared/bindings/live';
import { createOfficeToday } from './office-today';
import './actions.css';

/** 统计: the actions at a glance (overdue first), with the way to them, the month's case review and the annual report. */
export function ActionsStats(props: { office: Office; month: string }) {
  const today = createOfficeToday(props.office);
  const counts = createLive(today, (d) => (d ? actionCounts(props.office.db, d) : Promise.resolve(null)), null);
  return (
    <section class="card actions-stats" aria-labelledby="actions-stats-title" data-testid="actions-stats">
      <div>
        <h2 id="actions-stats-title">{t('actions.stats')}</h2>
        <Show when={counts()}>{(c) => <p data-testid="actions-stats-line" data-overdue={c().overdue}>{t('actions.statsLine', { ...c() })}</p>}</Show>
      </div>
      <div class="head-actions">
        <A class="button" href={`/actions?tab=${(counts()?.overdue ?? 0) > 0 ? 'overdue' : 'open'}`}>{t('actions.openList')}</A>
        <A class="button" href={`/actions/review?month=${props.month}`}>{t('review.title')}</A>
        <A class="button" href={`/annual?year=${props.month.slice(0, 4)}`}>{t('annual.title')}</A>
      </div>
    </section>
  );
}
