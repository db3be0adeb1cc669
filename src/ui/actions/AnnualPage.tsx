import { A, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t, formatDateTime } from '../../i18n';
import { managerPrintLinks } from '../../print/links';
import type { Office } from '../../store/office-api';
import { reportsOf } from '../../store/reports';
import { createLive } from '../../shared/bindings/live';
import { ActionsNav } from './ActionsNav';
import './actions.css';

/** 年度服务报告: choose the year, print the report (frozen when printed) or the owners' version; the snapshots printed so far. */
export function AnnualPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ year?: string }>();
  const year = () => (params.year && /^\d{4}$/.test(params.year) ? params.year : String(new Date().getFullYear()));
  const snapshots = createLive(year, (y) => reportsOf(props.office, y), []);
  return (
    <main class="page wide">
      <div class="page-head"><h1>{t('annual.title')}</h1></div>
      <ActionsNav />
      <section class="card" aria-labelledby="annual-year-title">
        <h2 id="annual-year-title">{t('annual.title')} · {year()}</h2>
        <div class="actions start">
          <label class="inline">
            {t('annual.year')}
            <input type="text" inputmode="numeric" name="year" maxLength={4} value={year()} onChange={(e) => /^\d{4}$/.test(e.currentTarget.value) && setParams({ year: e.currentTarget.value })} />
          </label>
          <A class="button primary" href={managerPrintLinks.annual(year())}>{t('annual.print')}</A>
          <A class="button" href={managerPrintLinks.annualOwners(year())}>{t('annual.printOwners')}</A>
        </div>
        <Show when={snapshots().length}>
          <h3>{t('annual.snapshot')}</h3>
          <ul class="plain" data-testid="annual-snapshots">
            <For each={snapshots()}>{(s) => <li><A href={`${managerPrintLinks.annual(year())}&snapshot=${s.id}`}>{s.label}</A> <span class="muted">{formatDateTime(s.printedAt)} · {s.printedByName}</span></li>}</For>
          </ul>
        </Show>
      </section>
    </main>
  );
}
