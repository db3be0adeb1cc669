import { createSignal, Show } from 'solid-js';
import type { ImportKind } from '../../domain/import';
import { t } from '../../i18n';
import { exportTable, type ExportFormat } from '../../store/import';
import type { Office } from '../../store/office-api';
import { createAction } from '../common/FormShell';
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
  const action = createAction();
  const [done, setDone] = createSignal('');
  const run = (kind: ImportKind, format: ExportFormat) => {
    setDone('');
    action.reset();
    const base = kind === 'customers' ? t('export.fileCustomers', { date: today() }) : t('export.fileUnits', { date: today() });
    const sheet = kind === 'customers' ? t('export.sheetCustomers') : t('export.sheetUnits');
    return action.run(() => exportTable(props.office, kind, format, full() && allowed(), sheet), (file) => {
      const fileName = `${base}.${format}`;
      download(file.bytes, fileName, file.mime);
      setDone(t('export.done', { n: file.rows, name: fileName }));
    });
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
        <button type="button" disabled={action.busy()} onClick={() => run('customers', 'xlsx')}>{t('export.customersXlsx')}</button>
        <button type="button" disabled={action.busy()} onClick={() => run('customers', 'csv')}>{t('export.customersCsv')}</button>
        <button type="button" disabled={action.busy()} onClick={() => run('units', 'xlsx')}>{t('export.unitsXlsx')}</button>
        <button type="button" disabled={action.busy()} onClick={() => run('units', 'csv')}>{t('export.unitsCsv')}</button>
      </div>
      <Show when={action.busy()}><p role="status">{t('import.writing')}</p></Show>
      <Show when={done()}><p class="saved" role="status">{done()}</p></Show>
      <Problems problems={action.problems()} />
    </section>
  );
}
