import '../../i18n/dashboard';
import { ReportIncidents } from './ReportIncidents';
import { dateField } from '../../i18n/date-field';
import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { isMonth, monthOf } from '../../domain/indicators/period';
import type { ReportContent } from '../../domain/indicators/report';
import { DIRECTION, UNIT, type IndicatorId } from '../../domain/indicators/targets';
import { locale, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { freezeReport } from '../../store/reports';
import { createLive } from '../../shared/bindings/live';
import { Chart } from '../../shared/charts/Chart';
import { formatTarget, formatValue, hoursText, statusText } from '../../shared/indicators/format';
import { printRef } from '../../domain/papers/paper';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { Signatures } from '../RecordForm';
import { loadReport, type ReportData } from './report-data';
import { OriginsTable } from '../../shared/indicators/OriginsTable';
import { FILTER_KEYS, filterQuery, filtersFrom, sameFilters, type FilterKey } from '../../domain/indicators/filters';

const CHART_COLORS = ['#1f6f5c', '#c47f17', '#b03a2e', '#2e6ab0', '#7a4fa3'];

/**
 * 月度服务报告 (`/print/monthly-report?month=2026-11`, `&snapshot=<id>` for a reprint). The 打印
 * button first freezes the figures on the sheet into a snapshot kept with the month, then
 * prints; the sheet names its snapshot, and a reprint says it is one.
 */
export function MonthlyReport(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ month?: string; snapshot?: string } & Partial<Record<FilterKey, string>>>();
  const filters = createMemo(() => filtersFrom(params), undefined, { equals: sameFilters });
  const month = () => (params.month && isMonth(params.month) ? params.month : monthOf(new Date().toISOString(), 480));
  const data = createLive(() => ({ month: month(), snapshot: params.snapshot ?? '', filters: filters() }), (q) => loadReport(props.office, q.month, q.snapshot, q.filters), null);
  // The snapshot made by printing from this preview (the figures on the sheet stay as they are).
  const [frozen, setFrozen] = createSignal<{ id: string; label: string; at: string } | null>(null);
  let drawn = 0;
  // PrintPage shows the sheet once the figures are loaded; the charts draw just after (their code
  // is its own chunk), and printing waits for them.
  let chartsReady: () => void = () => {};
  const charts = new Promise<void>((resolve) => (chartsReady = resolve));
  const onChart = () => { if (++drawn >= 2) chartsReady(); };
  const onPrint = async () => {
    const d = data();
    if (!d) return false;
    await charts;
    if (d.snapshot || frozen()) return true;
    const made = await freezeReport(props.office, d.content);
    if (!made.ok) return false;
    setFrozen({ ...made.value, at: new Date().toISOString() });
    // Remember the snapshot in the address without reloading the sheet: a reload shows the reprint.
    history.replaceState(history.state, '', `${location.pathname}?month=${d.content.period}${filterQuery(filters())}&snapshot=${made.value.id}`);
    return true;
  };
  const toolbar = () => (
    <>
      <label class="inline">
        {t('dashboard.month')}
        <input {...dateField('month')} value={month()} onChange={(e) => e.currentTarget.value && setParams({ month: e.currentTarget.value, snapshot: undefined })} />
      </label>
      <label class="inline">
        {t('report.snapshot')}
        <select value={params.snapshot ?? ''} onChange={(e) => { setFrozen(null); setParams({ snapshot: e.currentTarget.value || undefined }); }}>
          <option value="">{t('report.current')}</option>
          <For each={data()?.snapshots ?? []}>{(s) => <option value={s.id}>{s.label} · {formatPrintDate(new Date(s.printedAt))}</option>}</For>
        </select>
      </label>
    </>
  );
  return (
    <PrintPage office={props.office} title={t('report.title')} orientation="portrait" ready={data() !== null} backHref={`/dashboard?month=${month()}${filterQuery(filters())}`} toolbar={toolbar()} onPrint={onPrint}
      paper={{ form: 'monthly-report', ref: printRef('monthly-report', { month: month(), ...filters() }), title: `${t('report.title')} · ${month()}`, period: month() }}>
      <Show when={data()}>{(d) => <ReportSheet data={d()} frozen={frozen()} onChart={onChart} />}</Show>
    </PrintPage>
  );
}

function ReportSheet(props: { data: ReportData; frozen: { id: string; label: string; at: string } | null; onChart: () => void }) {
  const print = usePrint();
  const c = (): ReportContent => props.data.content;
  const catName = (id: string) => props.data.settings.categories.find((x) => x.id === id)?.name ?? id;
  const periodText = () => new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${c().period}-01T00:00:00Z`));
  const snapshotText = () => {
    const s = props.data.snapshot;
    if (s) return t('report.reprintOf', { label: s.label, date: formatPrintDate(new Date(s.printedAt)), name: s.printedByName });
    if (props.frozen) return t('report.frozenAs', { label: props.frozen.label, date: formatPrintDate(new Date(props.frozen.at)) });
    return t('report.preview');
  };
  const name = (id: IndicatorId) => t(`indicator.${id}`);
  // As printed: the names the filters had then, under today's words for what they filter.
  const filters = () => Object.entries(c().filters).map(([k, v]) => `${(FILTER_KEYS as readonly string[]).includes(k) ? t(`dashboard.by.${k as FilterKey}`) : k}：${v}`).join('；') || t('report.allOffice');
  const surveysFiltered = () => 'category' in c().filters || 'team' in c().filters;
  const trendOption = createMemo(() => ({
    animation: false,
    color: CHART_COLORS,
    legend: { top: 0, textStyle: { fontSize: 10 } },
    grid: { left: 36, right: 12, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: c().trend.map((p) => p.month.slice(2).replace('-', '/')), axisLabel: { fontSize: 9 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: 9 } },
    series: (['satisfaction', 'complaintFollowUp', 'rework', 'onTimeRespond', 'onTimeFinish'] as IndicatorId[]).map((id) => ({
      name: name(id), type: 'line', data: c().trend.map((p) => { const v = p.values[id]; return v === null || v === undefined ? null : Math.round(v * 10) / 10; }),
    })),
  }));
  const timesOption = createMemo(() => {
    const finish = c().times.filter((x) => x.measure === 'finish');
    return {
      animation: false,
      color: [CHART_COLORS[3], CHART_COLORS[1]],
      legend: { top: 0, textStyle: { fontSize: 10 } },
      grid: { left: 36, right: 12, top: 32, bottom: 40 },
      xAxis: { type: 'category', data: finish.map((x) => catName(x.category)), axisLabel: { fontSize: 9, interval: 0, rotate: finish.length > 6 ? 25 : 0 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 9 } },
      series: [
        { name: t('dashboard.median'), type: 'bar', data: finish.map((x) => x.median === null ? null : Math.round(x.median * 10) / 10) },
        { name: t('dashboard.p90'), type: 'bar', data: finish.map((x) => x.p90 === null ? null : Math.round(x.p90 * 10) / 10) },
      ],
    };
  });
  return (
    <div class="monthly-report" data-testid="monthly-report">
      <FormTitle
        title={t('report.title')}
        meta={[
          { label: t('print.office'), value: print.officeName() },
          { label: t('report.period'), value: periodText() },
          { label: t('report.filters'), value: filters() },
        ]}
      />
      <p class="report-snapshot" data-testid="report-snapshot">{snapshotText()}</p>

      <h2 class="report-h">{t('report.indicators')}</h2>
      <table class="register report-table" data-testid="report-indicators">
        {/* The names take what they need: some are long (issue 21's 经公司有效投诉（每百户）). */}
        <colgroup><col style={{ width: '36%' }} /><col /><col /><col /><col /></colgroup>
        <thead>
          <tr><th>{t('dashboard.indicator')}</th><th>{t('dashboard.target')}</th><th>{t('report.value')}</th><th>{t('report.fraction')}</th><th>{t('dashboard.statusCol')}</th></tr>
        </thead>
        <tbody>
          <For each={c().figures}>
            {(f) => {
              const ind = { unit: UNIT[f.id], direction: DIRECTION[f.id], target: f.target };
              return (
                <tr data-indicator={f.id}>
                  <td class="wrap">{name(f.id)}</td>
                  <td>{formatTarget(ind)}</td>
                  <td>{formatValue(UNIT[f.id], f.value)}</td>
                  <td>{f.numerator} / {f.denominator}</td>
                  <td>{statusText(f.status)}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>

      {/* Origin and validity (issue 21): absent from snapshots printed before it. */}
      <Show when={c().origins}>
        {(lines) => (
          <>
            <h2 class="report-h">{t('origins.title')}</h2>
            <OriginsTable lines={lines()} class="register report-table" testid="report-origins" />
          </>
        )}
      </Show>

      <h2 class="report-h">{t('dashboard.trend')}</h2>
      <Chart label={t('dashboard.trend')} testid="report-chart-trend" option={trendOption()} width={640} height={220} static onReady={props.onChart} />

      <h2 class="report-h">{t('dashboard.times')}</h2>
      <Chart label={t('dashboard.times')} testid="report-chart-times" option={timesOption()} width={640} height={180} static onReady={props.onChart} />
      <table class="register report-table">
        <thead>
          <tr><th>{t('dashboard.by.category')}</th><th>{t('dashboard.measure')}</th><th>{t('dashboard.n')}</th><th>{t('dashboard.median')}</th><th>{t('dashboard.p90')}</th><th>{t('dashboard.limit')}</th><th>{t('dashboard.statusCol')}</th></tr>
        </thead>
        <tbody>
          <For each={c().times} fallback={<tr><td colSpan={7}>{t('dashboard.noData')}</td></tr>}>
            {(s) => (
              <tr>
                <td>{catName(s.category)}</td><td>{t(`dashboard.time.${s.measure}`)}</td><td>{s.n}</td>
                <td>{hoursText(s.median)}</td><td>{hoursText(s.p90)}</td><td>{hoursText(s.limit)}</td><td>{statusText(s.status)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <h2 class="report-h">{t('dashboard.worst')}</h2>
      <table class="register report-table" data-testid="report-worst">
        <thead><tr><th>{t('dashboard.by.category')}</th><th>{t('report.problems')}</th><th>{t('report.records')}</th></tr></thead>
        <tbody>
          <For each={c().worst} fallback={<tr><td colSpan={3}>{t('dashboard.noWorst')}</td></tr>}>
            {(w) => (
              <tr>
                <td>{catName(w.category)}</td>
                <td>{w.numbers.length} / {w.requests}</td>
                <td class="wrap numbers">
                  <For each={w.numbers.slice(0, 30)}>{(n, i) => <><span class="nowrap">{n}</span>{i() < Math.min(30, w.numbers.length) - 1 ? '、' : ''}</>}</For>
                  {w.numbers.length > 30 ? t('report.andMore', { n: w.numbers.length - 30 }) : ''}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <h2 class="report-h">{t('report.surveys')}</h2>
      <Show when={!surveysFiltered()} fallback={<p data-testid="report-surveys-note">{t('report.surveysFilterNote')}</p>}>
        <table class="register report-table survey-results" data-testid="report-surveys">
          <colgroup><col style={{ width: '28%' }} /><col style={{ width: '9%' }} /><col style={{ width: '9%' }} /><col style={{ width: '10%' }} /><col style={{ width: '16%' }} /><col style={{ width: '16%' }} /><col style={{ width: '12%' }} /></colgroup>
          <thead>
            <tr>
              <th>{t('report.survey')}</th><th>{t('survey.targeted')}</th><th>{t('survey.answered')}</th><th>{t('survey.rate')}</th>
              <th>{t('indicator.satisfactionSurveys')}</th><th>{t('report.previousWave')}</th><th>{t('report.change')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={c().surveys} fallback={<tr><td colSpan={7}>{t('report.noSurveys')}</td></tr>}>
              {(s) => {
                const rate = (sat: number, n: number) => (n ? (sat / n) * 100 : null);
                const now = rate(s.satisfied, s.answers);
                const before = s.previous ? rate(s.previous.satisfied, s.previous.answers) : null;
                return (
                  <tr>
                    <td class="wrap">{s.title}</td><td>{s.targeted}</td><td>{s.answered}</td>
                    <td>{s.targeted ? `${((s.answered / s.targeted) * 100).toFixed(1)}%` : '—'}</td>
                    <td>{now !== null ? `${now.toFixed(1)}%（${s.satisfied} / ${s.answers}）` : '—'}</td>
                    <td class="wrap">{s.previous ? `${s.previous.label}：${before !== null ? `${before.toFixed(1)}%` : '—'}` : '—'}</td>
                    <td>{now !== null && before !== null ? `${now - before >= 0 ? '+' : ''}${(now - before).toFixed(1)}` : '—'}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>

      {/* Incidents (issue 20) */}
      <ReportIncidents figures={c().incidents} />

      <div class="report-signatures">
        <Signatures lines={[{ label: t('report.preparedBy') }, { label: t('report.reviewedBy') }, { label: t('report.approvedBy') }]} />
        <Signatures lines={[{ label: t('print.date'), date: true }, { label: t('print.date'), date: true }, { label: t('print.date'), date: true }]} />
      </div>
    </div>
  );
}
