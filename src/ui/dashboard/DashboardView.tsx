import { A } from '@solidjs/router';
import { ActionsStats } from '../actions/ActionsStats';
import { dateField } from '../../i18n/date-field';
import { createMemo, For, Show } from 'solid-js';
import { DIMENSIONS, type Dimension, type Group } from '../../domain/indicators/breakdown';
import { problemRefs, type Indicator, type Ref } from '../../domain/indicators/compute';
import { TREND_IDS, type DashboardModel } from '../../domain/indicators/dashboard';
import type { Targets } from '../../domain/indicators/targets';
import type { ServiceSettings } from '../../domain/requests/settings';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { Chart } from '../../shared/charts/Chart';
import { countsOption, groupsOption, trendOption } from './chart-options';
import { DrillList } from './DrillList';
import { formatTarget, formatValue, hoursText, statusText } from '../../shared/indicators/format';
import { groupLabel } from '../../shared/indicators/labels';
import { TargetsEditor } from './TargetsEditor';
import { FilterBar } from './FilterBar';
import { filterQuery, type IndicatorFilters } from '../../domain/indicators/filters';
import { originLines } from '../../domain/indicators/origins';
import { OriginsTable } from '../../shared/indicators/OriginsTable';

/** Indicators shown per group in the breakdown table. */
const GROUP_COLUMNS = ['satisfactionFollowUps', 'rework', 'onTimeRespond', 'onTimeFinish', 'complaintFollowUp'] as const;

export interface DashboardViewProps {
  office: Office;
  month: string;
  by: Dimension;
  drill: { d: string; g: string } | null;
  model: DashboardModel;
  groups: Group[];
  settings: ServiceSettings;
  targets: Targets;
  manager: boolean;
  filters: IndicatorFilters;
  /** The office's buildings, for the building filter. */
  buildings: string[];
  onFilters: (f: IndicatorFilters) => void;
  onMonth: (m: string) => void;
  onBy: (b: Dimension) => void;
  onDrill: (d: string, g?: string) => void;
}

export function DashboardView(props: DashboardViewProps) {
  const name = (id: Indicator['id']) => t(`indicator.${id}`);
  const catName = (id: string) => groupLabel('category', id, props.settings);
  let chartsLeft = 3;
  const drawn = () => {
    if (--chartsLeft === 0 && !performance.getEntriesByName('linli:dashboard-rendered').length) performance.mark('linli:dashboard-rendered');
  };

  // What the drill-down list shows: the records behind the figure that was opened.
  const drill = createMemo((): { title: string; refs: Ref[] } | null => {
    const d = props.drill;
    if (!d) return null;
    if (d.d === 'worst') {
      const w = props.model.worst.find((x) => x.category === d.g);
      return w ? { title: t('dashboard.drillWorst', { category: catName(w.category) }), refs: w.problemIds.map((id) => ({ collection: 'requests', id, hit: false })) } : null;
    }
    if (d.d.startsWith('time.')) {
      const s = props.model.times.find((x) => `time.${x.measure}` === d.d && x.category === d.g);
      return s ? { title: `${catName(s.category)} · ${t(`dashboard.time.${s.measure}`)}`, refs: s.refs } : null;
    }
    const source = d.g ? props.groups.find((g) => g.key === d.g)?.indicators : props.model.indicators;
    const ind = source?.find((i) => i.id === d.d);
    if (!ind) return null;
    const scope = d.g ? ` · ${groupLabel(props.by, d.g, props.settings)}` : '';
    // The records that made the figure worse come first.
    // `hit` becomes "good" here, whatever the direction of the figure.
    const bad = new Set(problemRefs(ind));
    return {
      title: `${name(ind.id)}${scope}`,
      refs: [...ind.refs.filter((r) => bad.has(r)).map((r) => ({ ...r, hit: false })), ...ind.refs.filter((r) => !bad.has(r)).map((r) => ({ ...r, hit: true }))],
    };
  });

  return (
    <>
      <div class="page-head">
        <h1>{t('dashboard.title')}</h1>
        <div class="head-actions">
          <label class="inline">
            {t('dashboard.month')}
            <input {...dateField('month')} value={props.month} onChange={(e) => e.currentTarget.value && props.onMonth(e.currentTarget.value)} />
          </label>
          <A class="button" href="/surveys">{t('nav.surveys')}</A>
          {/* Each person's figures (issue 21): the page itself refuses anyone but a manager. */}
          <A class="button" href={`/staff-figures?from=${props.month}`}>{t('nav.staffFigures')}</A>
          <A class="button primary" href={`/print/monthly-report?month=${props.month}${filterQuery(props.filters)}`}>{t('dashboard.printReport')}</A>
        </div>
      </div>

      <FilterBar filters={props.filters} buildings={props.buildings} settings={props.settings} onChange={props.onFilters} />

      <section aria-label={t('dashboard.figures')} class="tiles">
        <span id="tile-opens" class="sr-only">{t('dashboard.tileOpens')}</span>
        <For each={props.model.indicators}>
          {(ind) => (
            // Named by what it shows (WCAG 2.5.3: the visible words are the name a voice user says);
            // that it opens the records is said after them.
            <button type="button" class={`tile status-${ind.status}`} data-testid={`tile-${ind.id}`} onClick={() => props.onDrill(ind.id)}
              aria-describedby="tile-opens">
              <span class="tile-name">{name(ind.id)}</span>
              <span class="tile-value">{formatValue(ind.unit, ind.value)}</span>
              <span class="tile-target">{t('dashboard.target')} {formatTarget(ind)}</span>
              <span class="tile-foot">
                <span class="status-dot" aria-hidden="true" />
                {statusText(ind.status)} · {ind.numerator} / {ind.denominator}
              </span>
            </button>
          )}
        </For>
      </section>

      {/* Corrective and preventive actions, the case review and the annual report (issue 21) */}
      <ActionsStats office={props.office} month={props.month} />

      <Show when={drill()}>
        {(d) => <DrillList office={props.office} title={d().title} refs={d().refs} onClose={() => props.onDrill('')} />}
      </Show>

      {/* Origin and validity (issue 21) */}
      <section class="card" aria-labelledby="origins-title">
        <h2 id="origins-title">{t('origins.title')}</h2>
        <div class="table-scroll"><OriginsTable lines={originLines(props.model.slice.requests, props.model.month, props.model.slice.calendar.utcOffset)} /></div>
      </section>

      <section class="card">
        <h2>{t('dashboard.trend')}</h2>
        <Chart label={t('dashboard.trend')} testid="chart-trend" option={trendOption(props.model.trend, TREND_IDS, name)} onReady={drawn} />
        <Chart label={t('dashboard.complaintsTrend')} testid="chart-complaints" height={180} option={countsOption(props.model.trend, name('complaintsPer100'), 'complaintsPer100')} onReady={drawn} />
      </section>

      <section class="card">
        <div class="page-head">
          <h2>{t('dashboard.worst')}</h2>
        </div>
        <Show when={props.model.worst.length} fallback={<p class="muted">{t('dashboard.noWorst')}</p>}>
          <ol class="worst" data-testid="worst">
            <For each={props.model.worst}>
              {(w) => (
                <li>
                  <button type="button" class="link" onClick={() => props.onDrill('worst', w.category)}>
                    {t('dashboard.worstLine', { category: catName(w.category), n: w.problemIds.length, total: w.requests })}
                  </button>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>

      <section class="card">
        <h2>{t('dashboard.byGroup')}</h2>
        <div class="tabs" role="tablist" aria-label={t('dashboard.dimension')}>
          <For each={DIMENSIONS}>
            {(dim) => (
              <button type="button" role="tab" aria-selected={props.by === dim} classList={{ active: props.by === dim }} onClick={() => props.onBy(dim)}>
                {t(`dashboard.by.${dim}`)}
              </button>
            )}
          </For>
        </div>
        <Chart label={`${t('dashboard.byGroup')} · ${name('onTimeFinish')}`} testid="chart-groups"
          option={groupsOption(props.groups.slice(0, 12), 'onTimeFinish', (k) => groupLabel(props.by, k, props.settings), name('onTimeFinish'))} onReady={drawn} />
        <div class="table-scroll">
          <table class="figures" data-testid="groups">
            <thead>
              <tr>
                <th scope="col">{t(`dashboard.by.${props.by}`)}</th>
                <th scope="col">{t('dashboard.requests')}</th>
                <th scope="col">{t('dashboard.complaints')}</th>
                <For each={GROUP_COLUMNS}>{(id) => <th scope="col">{name(id)}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.groups}>
                {(g) => (
                  <tr>
                    <th scope="row">{groupLabel(props.by, g.key, props.settings)}</th>
                    <td>{g.requests}</td>
                    <td>{g.complaints}</td>
                    <For each={GROUP_COLUMNS}>
                      {(id) => {
                        const ind = g.indicators.find((i) => i.id === id)!;
                        return (
                          <td class={`status-${ind.status}`}>
                            <button type="button" class="link" disabled={!ind.denominator} onClick={() => props.onDrill(id, g.key)}
                              aria-label={`${groupLabel(props.by, g.key, props.settings)} ${name(id)} ${formatValue(ind.unit, ind.value)}`}>
                              {formatValue(ind.unit, ind.value)}
                            </button>
                          </td>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>

      <section class="card">
        <h2>{t('dashboard.times')}</h2>
        <Show when={props.model.times.length} fallback={<p class="muted">{t('dashboard.noData')}</p>}>
          <div class="table-scroll">
            <table class="figures" data-testid="times">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.by.category')}</th>
                  <th scope="col">{t('dashboard.measure')}</th>
                  <th scope="col">{t('dashboard.n')}</th>
                  <th scope="col">{t('dashboard.median')}</th>
                  <th scope="col">{t('dashboard.p90')}</th>
                  <th scope="col">{t('dashboard.limit')}</th>
                  <th scope="col">{t('dashboard.statusCol')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.model.times}>
                  {(s) => (
                    <tr class={`status-${s.status}`}>
                      <th scope="row">{catName(s.category)}</th>
                      <td>{t(`dashboard.time.${s.measure}`)}</td>
                      <td><button type="button" class="link" onClick={() => props.onDrill(`time.${s.measure}`, s.category)}>{s.n}</button></td>
                      <td>{hoursText(s.median)}</td>
                      <td>{hoursText(s.p90)}</td>
                      <td>{hoursText(s.limit)}</td>
                      <td>{statusText(s.status)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <TargetsEditor office={props.office} targets={props.targets} manager={props.manager} />
    </>
  );
}
