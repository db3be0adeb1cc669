import { useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { ActionRow } from '../../domain/actions/action';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { actionCounts, actionsIn, overdueActions } from '../../store/queries/actions';
import { createLive } from '../../shared/bindings/live';
import { ActionCard } from './ActionCard';
import { ActionsNav } from './ActionsNav';
import { createOfficeToday } from './office-today';
import './actions.css';

type Tab = 'overdue' | 'open' | 'done' | 'closed';
const TABS: Tab[] = ['overdue', 'open', 'done', 'closed'];

/** 纠正和预防措施: every action by state — overdue first, to do, waiting for the manager's check, closed. */
export function ActionsPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const today = createOfficeToday(props.office);
  const tab = (): Tab => (TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'overdue');
  const counts = createLive(today, (d) => (d ? actionCounts(props.office.db, d) : Promise.resolve(null)), null);
  const rows = createLive(() => ({ tab: tab(), today: today() }), (q) => (!q.today ? Promise.resolve([]) : q.tab === 'overdue' ? overdueActions(props.office.db, q.today) : actionsIn(props.office.db, q.tab)), [] as ActionRow[]);
  return (
    <main class="page wide">
      <div class="page-head"><h1>{t('actions.title')}</h1></div>
      <ActionsNav />
      <section class="card" aria-labelledby="actions-list-title">
        <h2 id="actions-list-title" class="sr-only">{t('actions.title')}</h2>
        <div class="tabs" role="group" aria-label={t('actions.tabs')}>
          <For each={TABS}>
            {(k) => (
              <button type="button" class={tab() === k ? 'active' : undefined} aria-pressed={tab() === k} data-testid={`actions-tab-${k}`} onClick={() => setParams({ tab: k }, { replace: true })}>
                {t(`actions.tab.${k}`, { n: counts()?.[k] ?? 0 })}
              </button>
            )}
          </For>
        </div>
        <Show when={rows().length} fallback={<p class="empty">{t('actions.none')}</p>}>
          <ul class="plain action-list" data-testid="action-list">
            <For each={rows()}>{(a) => <ActionCard office={props.office} row={a} today={today()} />}</For>
          </ul>
        </Show>
      </section>
    </main>
  );
}
