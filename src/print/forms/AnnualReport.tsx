import '../../i18n/dashboard';
import { useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ownersVersion, type AnnualFigure } from '../../domain/indicators/annual';
import { DIRECTION, UNIT } from '../../domain/indicators/targets';
import { printRef } from '../../domain/papers/paper';
import { t } from '../../i18n';
import { freezeAnnualReport, loadAnnual, type AnnualData } from '../../store/annual';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { formatTarget, formatValue, statusText } from '../../shared/indicators/format';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { Signatures } from '../RecordForm';
import { RegisterTable } from '../RegisterTable';
import './event-forms.css';

const thisYear = () => String(new Date().getFullYear());
const fmt = (f: Pick<AnnualFigure, 'id'>, v: number | null | undefined) => (v === null || v === undefined ? '—' : formatValue(UNIT[f.id], v));
const target = (f: AnnualFigure) => formatTarget({ unit: UNIT[f.id], direction: DIRECTION[f.id], target: f.target });

function useAnnual(office: Office) {
  const [params] = useSearchParams<{ year?: string; snapshot?: string }>();
  const year = () => (params.year && /^\d{4}$/.test(params.year) ? params.year : thisYear());
  const data = createLive(() => ({ year: year(), snapshot: params.snapshot ?? '' }), (q) => loadAnnual(office, q.year, q.snapshot), null as AnnualData | null);
  return { year, data };
}

/**
 * 年度服务报告 (`/print/annual-report?year=2026`, `&snapshot=` for a reprint): each figure of the
 * year against its target and the year before, then month by month; 打印 freezes it first, as the
 * monthly report does, and it is signed 编制 / 审核 / 批准.
 */
export function AnnualReport(props: { office: Office }) {
  const { year, data } = useAnnual(props.office);
  const [frozen, setFrozen] = createSignal<{ label: string; at: string } | null>(null);
  const onPrint = async () => {
    const d = data();
    if (!d) return false;
    if (d.snapshot || frozen()) return true;
    const made = await freezeAnnualReport(props.office, d.content);
    if (!made.ok) return false;
    setFrozen({ label: made.value.label, at: new Date().toISOString() });
    history.replaceState(history.state, '', `${location.pathname}?year=${year()}&snapshot=${made.value.id}`);
    return true;
  };
  return (
    <PrintPage office={props.office} title={t('annual.title')} orientation="landscape" ready={data() !== null} backHref={`/annual?year=${year()}`} onPrint={onPrint}
      paper={{ form: 'annual-report', ref: printRef('annual-report', { year: year() }), title: `${t('annual.title')} · ${year()}`, period: year() }}>
      <Show when={data()}>{(d) => <AnnualSheet d={d()} frozen={frozen()} />}</Show>
    </PrintPage>
  );
}

function AnnualSheet(props: { d: AnnualData; frozen: { label: string; at: string } | null }) {
  const print = usePrint();
  const c = () => props.d.content;
  const state = () => {
    const s = props.d.snapshot;
    if (s) return t('annual.reprintOf', { label: s.label, date: formatPrintDate(new Date(s.printedAt)) });
    if (props.frozen) return t('annual.frozenAs', { label: props.frozen.label, date: formatPrintDate(new Date(props.frozen.at)) });
    return t('annual.preview');
  };
  const name = (f: AnnualFigure) => t(`indicator.${f.id}`);
  return (
    <div class="annual-report" data-testid="annual-report">
      <FormTitle title={t('annual.title')} meta={[{ label: t('print.office'), value: print.officeName() }, { label: t('annual.year'), value: c().period }, { label: t('annual.snapshot'), value: state() }]} />
      <RegisterTable<AnnualFigure>
        label={t('annual.title')}
        rows={c().figures}
        rowKey={(f) => f.id}
        rowHeight="8mm"
        columns={[
          { id: 'name', label: t('annual.indicator'), width: '46mm', value: name },
          { id: 'target', label: t('annual.target'), width: '26mm', align: 'center', value: target },
          { id: 'value', label: t('annual.value'), width: '26mm', align: 'center', value: (f) => fmt(f, f.value) },
          { id: 'counts', label: t('annual.counts'), width: '30mm', align: 'center', value: (f) => `${f.numerator} / ${f.denominator}` },
          { id: 'last', label: t('annual.lastYear'), width: '26mm', align: 'center', value: (f) => fmt(f, f.lastYear?.value) },
          { id: 'status', label: t('annual.status'), align: 'center', value: (f) => statusText(f.status) },
        ]}
      />
      <h2 class="form-subtitle">{t('annual.byMonth')}</h2>
      <RegisterTable<AnnualFigure>
        label={t('annual.byMonth')}
        rows={c().figures}
        rowKey={(f) => f.id}
        rowHeight="8mm"
        columns={[
          { id: 'name', label: t('annual.indicator'), width: '46mm', value: name },
          ...Array.from({ length: 12 }, (_, i) => ({ id: `m${i + 1}`, label: `${i + 1}`, align: 'center' as const, value: (f: AnnualFigure) => fmt(f, f.months[i]) })),
        ]}
      />
      <p>{t('annual.actionsLine', { raised: c().actions.raised, closed: c().actions.closed })}</p>
      <div class="form-closing">
        <Signatures lines={[{ label: t('report.preparedBy') }, { label: t('report.reviewedBy') }, { label: t('report.approvedBy') }]} />
        <Signatures lines={[{ label: t('print.date'), date: true }, { label: t('print.date'), date: true }, { label: t('print.date'), date: true }]} />
      </div>
    </div>
  );
}

/**
 * 年度服务报告（业主公布版）(`/print/annual-owners?year=2026`): the published figures only —
 * each indicator, its target, the year and the year before, met or not; the actions counted —
 * built from `ownersVersion`, which holds no record, name, unit or number.
 */
export function AnnualOwners(props: { office: Office }) {
  const { year, data } = useAnnual(props.office);
  const owners = () => {
    const d = data();
    return d ? ownersVersion(d.content) : null;
  };
  return (
    <PrintPage office={props.office} title={t('annual.ownersTitle')} orientation="portrait" ready={data() !== null} backHref={`/annual?year=${year()}`}
      paper={{ form: 'annual-owners', ref: printRef('annual-owners', { year: year() }), title: `${t('annual.ownersTitle')} · ${year()}`, period: year() }}>
      <Show when={owners()}>
        {(o) => {
          const print = usePrint();
          return (
            <div data-testid="annual-owners">
              <FormTitle title={t('annual.ownersTitle')} meta={[{ label: t('print.office'), value: print.officeName() }, { label: t('annual.year'), value: o().period }]} />
              <p>{t('annual.ownersIntro')}</p>
              <RegisterTable
                label={t('annual.ownersTitle')}
                rows={o().figures}
                rowKey={(f) => f.id}
                rowHeight="9mm"
                columns={[
                  { id: 'name', label: t('annual.indicator'), value: (f) => t(`indicator.${f.id}`) },
                  { id: 'target', label: t('annual.target'), width: '28mm', align: 'center', value: (f) => formatTarget({ unit: UNIT[f.id], direction: DIRECTION[f.id], target: f.target }) },
                  { id: 'value', label: t('annual.value'), width: '26mm', align: 'center', value: (f) => fmt(f, f.value) },
                  { id: 'last', label: t('annual.lastYear'), width: '26mm', align: 'center', value: (f) => fmt(f, f.lastYear) },
                  { id: 'met', label: t('annual.status'), width: '24mm', align: 'center', value: (f) => statusText(f.met === null ? 'none' : f.met ? 'green' : 'red') },
                ]}
              />
              <p>{t('annual.actionsLine', { raised: o().actions.raised, closed: o().actions.closed })}</p>
              <div class="form-closing">
                <Signatures lines={[{ label: t('annual.publishedBy') }, { label: t('print.date'), date: true }]} />
              </div>
            </div>
          );
        }}
      </Show>
    </PrintPage>
  );
}

