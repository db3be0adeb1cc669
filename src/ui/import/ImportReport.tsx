import { For, Show } from 'solid-js';
import type { ImportPlan, ReportRow } from '../../domain/import';
import { t } from '../../i18n';
import { describeProblem } from './labels';

/** Rows listed on screen; the rest are in the downloadable file. */
const SHOWN = 300;

/**
 * What the check found: totals, then every row that will not be imported and why (refused rows
 * first), by the row number the spreadsheet shows. Rows to be imported are only counted.
 */
export function ImportReport(props: { plan: ImportPlan; onDownloadRejected: () => void }) {
  const warned = () => props.plan.rows.filter((r) => r.status === 'new' && r.warnings.length);
  const listed = () => [...props.plan.rows.filter((r) => r.status === 'error'), ...warned(), ...props.plan.rows.filter((r) => r.status === 'existing')];
  const total = () => props.plan.counts.new + props.plan.counts.existing + props.plan.counts.error;
  const reasons = (r: ReportRow) => [...r.problems, ...r.warnings].map((p) => describeProblem(props.plan.kind, p)).join('；');
  const status = (r: ReportRow) => (r.status === 'new' && r.warnings.length ? 'warned' : r.status);
  return (
    <section class="import-report" aria-labelledby="report-title" data-testid="import-report">
      <h2 id="report-title">{t('import.report')}</h2>
      <p class="report-summary" role="status">
        {t('import.summary', { total: total(), new: props.plan.counts.new, existing: props.plan.counts.existing, error: props.plan.counts.error })}
      </p>
      <Show when={warned().length}>
        <p class="muted" data-testid="import-warned">{t('import.summaryWarned', { n: warned().length })}</p>
      </Show>
      <Show when={listed().length}>
        <div class="scroll-x">
          <table class="table report">
            <thead>
              <tr><th scope="col">{t('import.row')}</th><th scope="col">{t('import.who')}</th><th scope="col">{t('import.result')}</th><th scope="col">{t('import.reason')}</th></tr>
            </thead>
            <tbody>
              <For each={listed().slice(0, SHOWN)}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.sheet ? t('import.sheetRowN', { sheet: r.sheet, n: r.n }) : t('import.rowN', { n: r.n })}</th>
                    <td class="cell-text">{r.label || '—'}</td>
                    <td><span class={`chip result-${status(r)}`}>{t(`import.status.${status(r)}`)}</span></td>
                    <td>{reasons(r)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={listed().length > SHOWN}>
          <p class="muted">{t('import.more', { n: listed().length - SHOWN })}</p>
        </Show>
      </Show>
      <Show when={props.plan.counts.error}>
        <div class="actions start">
          <button type="button" onClick={() => props.onDownloadRejected()}>{t('import.downloadRejected')}</button>
        </div>
      </Show>
    </section>
  );
}
