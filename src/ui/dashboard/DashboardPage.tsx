import '../../i18n/dashboard';
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { breakdown, DIMENSIONS, type Dimension } from '../../domain/indicators/breakdown';
import { dashboardModel } from '../../domain/indicators/dashboard';
import { isMonth, monthOf } from '../../domain/indicators/period';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { customerKinds, segmentCustomers } from '../../store/queries/indicators';
import { watchIndicatorInput } from '../../store/queries/indicator-watch';
import { buildingsOf, FILTER_KEYS, filtersFrom, filterWithKinds, sameFilters, type IndicatorFilters } from '../../domain/indicators/filters';
import type { IndicatorInput } from '../../domain/indicators/compute';
import { myRole } from '../../store/requests';
import { serviceSettings } from '../../store/queries/settings';
import { createLive } from '../../shared/bindings/live';
import { DashboardView } from './DashboardView';
import { loadEcharts } from '../../shared/charts/Chart';
import './dashboard.css';

/**
 * 统计: the loader. Reads the projection rows of the 12 months ending with the chosen month (live:
 * a colleague's follow-up changes the figures while you look; kept between visits, see
 * `watchIndicatorInput`), narrows them to the filters in the address (building, category, team,
 * customer type) and computes every figure with the domain's pure functions; nothing here is
 * stored. Managers and reception see it.
 */
export function DashboardPage(props: { office: Office }) {
  // The chart code loads (or is compiled from the cache) while the rows are read, not after.
  void loadEcharts();
  const [params, setParams] = useSearchParams<{ month?: string; by?: string; d?: string; g?: string } & Partial<Record<keyof IndicatorFilters, string>>>();
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const role = createLive(() => props.office, (o) => myRole(o), null as string | null);
  const month = () => (params.month && isMonth(params.month) ? params.month : monthOf(new Date().toISOString(), settings()?.calendar.utcOffset ?? 480));
  const by = (): Dimension => (DIMENSIONS.includes(params.by as Dimension) ? (params.by as Dimension) : 'category');
  const filters = createMemo(() => filtersFrom(params), undefined, { equals: sameFilters });
  // Live without carrying the rows through a live query (its result cache costs more than every
  // figure): the watch re-reads them when a write touches their ranges. Marks for the bench.
  const [input, setInput] = createSignal<(IndicatorInput & { month: string }) | null>(null);
  createEffect(() => {
    const m = month();
    const stop = watchIndicatorInput(props.office.db, m, (rows) => {
      performance.mark('linli:dashboard-rows');
      setInput({ ...rows, month: m });
    });
    onCleanup(stop);
  });
  // Customers' types are read only for the 客户类型 filter.
  const kinds = createLive(() => !!filters().kind, (need) => (need ? customerKinds(props.office.db) : null), null);
  const filtered = createMemo(() => {
    const rows = input();
    if (!rows) return null;
    const f = filters();
    if (f.kind && !kinds()) return null;
    return { ...filterWithKinds(rows, f, kinds()), month: rows.month };
  });
  const model = createMemo(() => {
    const rows = filtered();
    if (!rows) return null;
    performance.mark('linli:dashboard-compute');
    // The month the rows were read for (a new month shows once its rows are in).
    const m = dashboardModel(rows, rows.month);
    performance.mark('linli:dashboard-model');
    return m;
  });
  // Customers are read only for the segment breakdowns (type, age group, tag).
  const segments = () => by() === 'kind' || by() === 'age' || by() === 'tag';
  const customers = createLive(segments, (need) => (need ? segmentCustomers(props.office.db) : new Map()), new Map());
  const groups = createMemo(() => {
    const m = model();
    return m ? breakdown(m.slice, m.month, by(), customers(), m.hasFollowUp) : [];
  });
  /** What the view needs, once all of it is read. */
  const ready = () => {
    const m = model();
    const s = settings();
    const i = input();
    return m && s && i ? { model: m, settings: s, input: i } : null;
  };
  return (
    <main class="page wide dashboard">
      <Show when={role() !== null} fallback={<p>{t('common.loading')}</p>}>
        <Show when={role() === 'manager' || role() === 'reception'} fallback={<p class="banner" role="alert">{t('dashboard.notAllowed')}</p>}>
          <Show when={ready()} fallback={<p>{t('common.loading')}</p>}>
            {(r) => <DashboardView
              office={props.office}
              month={r().model.month}
              by={by()}
              drill={params.d ? { d: params.d, g: params.g ?? '' } : null}
              model={r().model}
              groups={groups()}
              settings={r().settings}
              manager={role() === 'manager'}
              targets={r().input.targets}
              filters={filters()}
              buildings={buildingsOf(r().input.households)}
              onFilters={(f) => setParams({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k] || undefined])), d: undefined, g: undefined })}
              onMonth={(m) => setParams({ month: m, d: undefined, g: undefined })}
              onBy={(b) => setParams({ by: b, d: undefined, g: undefined }, { replace: true })}
              onDrill={(d, g) => setParams({ d, g: g || undefined })}
            />}
          </Show>
        </Show>
      </Show>
    </main>
  );
}
