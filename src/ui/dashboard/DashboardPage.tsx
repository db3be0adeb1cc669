import '../../i18n/dashboard';
import { useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { breakdown, DIMENSIONS, type Dimension } from '../../domain/indicators/breakdown';
import { dashboardModel } from '../../domain/indicators/dashboard';
import { isMonth, monthOf } from '../../domain/indicators/period';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { indicatorInput, segmentCustomers } from '../../store/queries/indicators';
import { myRole, serviceSettings } from '../../store/requests';
import { createLive } from '../bindings/live';
import { DashboardView } from './DashboardView';
import './dashboard.css';

/**
 * 统计: the loader. Reads the projection rows of the 12 months ending with the chosen month (live:
 * a colleague's follow-up changes the figures while you look) and computes every figure with the
 * domain's pure functions; nothing here is stored. Managers and reception see it.
 */
export function DashboardPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ month?: string; by?: string; d?: string; g?: string }>();
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const role = createLive(() => props.office, (o) => myRole(o), null as string | null);
  const month = () => (params.month && isMonth(params.month) ? params.month : monthOf(new Date().toISOString(), settings()?.calendar.utcOffset ?? 480));
  const by = (): Dimension => (DIMENSIONS.includes(params.by as Dimension) ? (params.by as Dimension) : 'category');
  // Marks for the bench (dashboard.year_10k_ms): rows read, figures computed.
  const input = createLive(month, async (m) => {
    const rows = await indicatorInput(props.office.db, m);
    performance.mark('linli:dashboard-rows');
    return rows;
  }, null);
  const model = createMemo(() => {
    if (!input()) return null;
    const m = dashboardModel(input()!, month());
    performance.mark('linli:dashboard-model');
    return m;
  });
  // Customers are read only for the segment breakdowns (type, age group, tag).
  const segments = () => by() === 'kind' || by() === 'age' || by() === 'tag';
  const customers = createLive(segments, (need) => (need ? segmentCustomers(props.office.db) : new Map()), new Map());
  const groups = createMemo(() => (model() ? breakdown(model()!.slice, month(), by(), customers(), model()!.hasFollowUp) : []));
  return (
    <main class="page wide dashboard">
      <Show when={role() !== null} fallback={<p>{t('common.loading')}</p>}>
        <Show when={role() === 'manager' || role() === 'reception'} fallback={<p class="banner" role="alert">{t('dashboard.notAllowed')}</p>}>
          <Show when={model() && settings()} fallback={<p>{t('common.loading')}</p>}>
            <DashboardView
              office={props.office}
              month={month()}
              by={by()}
              drill={params.d ? { d: params.d, g: params.g ?? '' } : null}
              model={model()!}
              groups={groups()}
              settings={settings()!}
              manager={role() === 'manager'}
              targets={input()!.targets}
              onMonth={(m) => setParams({ month: m, d: undefined, g: undefined })}
              onBy={(b) => setParams({ by: b, d: undefined, g: undefined }, { replace: true })}
              onDrill={(d, g) => setParams({ d, g: g || undefined })}
            />
          </Show>
        </Show>
      </Show>
    </main>
  );
}
