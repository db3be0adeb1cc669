import '../../i18n/dashboard';
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { breakdown, DIMENSIONS, type Dimension } from '../../domain/indicators/breakdown';
import { dashboardModel } from '../../domain/indicators/dashboard';
import { isMonth, monthOf } from '../../domain/indicators/period';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { indicatorChanges, indicatorInput, segmentCustomers } from '../../store/queries/indicators';
import type { IndicatorInput } from '../../domain/indicators/compute';
import { myRole } from '../../store/requests';
import { serviceSettings } from '../../store/queries/settings';
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
  // Live without carrying the rows through the live query: a watch on the tables' ranges says
  // when to read them again (see `indicatorChanges`). Marks for the bench: rows read, figures computed.
  let version = 0;
  const changes = createLive(month, async (m) => ({ m, n: (await indicatorChanges(props.office.db, m)).join(','), v: ++version }), null);
  const [input, setInput] = createSignal<(IndicatorInput & { month: string }) | null>(null);
  createEffect(() => {
    const c = changes();
    if (!c) return;
    let current = true;
    onCleanup(() => (current = false));
    void indicatorInput(props.office.db, c.m).then((rows) => {
      if (!current) return;
      performance.mark('linli:dashboard-rows');
      setInput({ ...rows, month: c.m });
    });
  });
  const model = createMemo(() => {
    if (!input()) return null;
    performance.mark('linli:dashboard-compute');
    // The month the rows were read for (a new month shows once its rows are in).
    const m = dashboardModel(input()!, input()!.month);
    performance.mark('linli:dashboard-model');
    return m;
  });
  // Customers are read only for the segment breakdowns (type, age group, tag).
  const segments = () => by() === 'kind' || by() === 'age' || by() === 'tag';
  const customers = createLive(segments, (need) => (need ? segmentCustomers(props.office.db) : new Map()), new Map());
  const groups = createMemo(() => (model() ? breakdown(model()!.slice, model()!.month, by(), customers(), model()!.hasFollowUp) : []));
  return (
    <main class="page wide dashboard">
      <Show when={role() !== null} fallback={<p>{t('common.loading')}</p>}>
        <Show when={role() === 'manager' || role() === 'reception'} fallback={<p class="banner" role="alert">{t('dashboard.notAllowed')}</p>}>
          <Show when={model() && settings()} fallback={<p>{t('common.loading')}</p>}>
            <DashboardView
              office={props.office}
              month={model()!.month}
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
