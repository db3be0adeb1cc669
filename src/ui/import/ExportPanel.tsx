import { createSignal, Show } from 'solid-js';
import type { ImportKind } from '../../domain/import';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { exportTable, type ExportFormat } from '../../store/import';
import type { Office } from '../../store/office-api';
import { Problems } from '../common/Problems';
import { createLive } from '../../shared/bindings/live';
import { mayExportFull } from '../../domain/customers/personal-data';
import { personalDataFacts } from '../../store/personal-data';
import { download, today } from './labels';

/** Customers and units to Excel or CSV; phones and ID numbers masked unless ticked. */
export function ExportPanel(props: { office: Office }) {
  const [full, setFull] = createSignal(false);
  // Only roles the office's policy allows may tick it (the command refuses the others too).
  const facts = createLive(() => props.office.config.staffId ?? '', () => personalDataFacts(props.office), null);
  const allowed = () => {
    const f = facts();
    return !!f && mayExportFull(f.policy, f.role).ok;
  };
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const run = async (kind: ImportKind, format: ExportFormat) => {
    setBusy(true);
    setDone('');
    setProblems([]);
    const base = kind === 'customers' ? t('export.fileCustomers', { date: today() }) : t('export.fileUnits', { date: today() });
    const sheet = kind === 'customers' ? t('export.sheetCustomers') : t('export.sheetUnits');
    const result = await exportTable(props.office, kind, format, full() && allowed(), sheet);
    setBusy(false);
    if (!result.ok) return setProblems(result.problems);
    const fileName = `${base}.${format}`;
    download(result.value.bytes, fileName, result.value.mime);
    setDone(t('export.done', { n: result.value.rows, name: fileName }));
  };
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('import.exportHeading')}</h2>
      <label class="inline">
        <input type="checkbox" checked={full() && allowed()} disabled={!allowed()} aria-describedby="export-full-hint" onChange={(e) => setFull(e.currentTarget.checked)} />
        {t('export.full')}
      </label>
      <p class="muted" id="export-full-hint" data-testid="export-full-hint">
        {facts() && !allowed() ? t('personal.exportNotAllowed', { role: t(`role.${facts()?.role ?? 'team'}`) }) : t('export.fullHint')}
      </p>
      <div class="actions start">
        <button type="button" disabled={busy()} onClick={() => run('customers', 'xlsx')}>{t('export.customersXlsx')}</button>
        <button type="button" disabled={busy()} onClick={() => run('customers', 'csv')}>{t('export.customersCsv')}</button>
        <button type="button" disabled={busy()} onClick={() => run('units', 'xlsx')}>{t('export.unitsXlsx')}</button>
        <button type="button" disabled={busy()} onClick={() => run('units', 'csv')}>{t('export.unitsCsv')}</button>
      </div>
      <Show when={busy()}><p role="status">{t('import.writing')}</p></Show>
      <Show when={done()}><p class="saved" role="status">{done()}</p></Show>
      <Problems problems={problems()} />
    </section>
  );
}
