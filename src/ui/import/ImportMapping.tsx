import { For, Index, Show } from 'solid-js';
import { MULTI_COLUMN, targetsOf, type Mapping, type Sheet, type Target } from '../../domain/import';
import { t } from '../../i18n';
import { targetLabel } from './labels';

const PREVIEW_ROWS = 5;

/**
 * One line per column of the file: its header, an example value, and the field it fills (the
 * automatic guess, which staff may change). Choosing a field another column had moves it here.
 */
export function ImportMapping(props: { sheet: Sheet; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const header = (i: number) => props.sheet.headers[i] || t('import.columnN', { n: i + 1 });
  const example = (i: number) => props.sheet.rows.slice(0, 20).map((r) => r.cells[i]?.trim()).find(Boolean) ?? '';
  const choose = (i: number, target: Target | null) => {
    const columns = props.mapping.columns.map((c, j) => (j === i ? target : target && c === target && !MULTI_COLUMN.has(target) ? null : c));
    props.onChange({ ...props.mapping, columns });
  };
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('import.mapping')}</h2>
      <p class="muted">{t('import.mappingHint')}</p>
      <div class="scroll-x">
        <table class="table mapping" data-testid="import-mapping">
          <thead>
            <tr><th scope="col">{t('import.column')}</th><th scope="col">{t('import.sample')}</th><th scope="col">{t('import.target')}</th></tr>
          </thead>
          <tbody>
            <Index each={props.sheet.headers}>
              {(_, i) => (
                <tr classList={{ ignored: !props.mapping.columns[i] }}>
                  <th scope="row" class="cell-text">{header(i)}</th>
                  <td class="cell-text muted">{example(i)}</td>
                  <td>
                    <select aria-label={`${t('import.target')} ${header(i)}`} value={props.mapping.columns[i] ?? ''}
                      onChange={(e) => choose(i, (e.currentTarget.value || null) as Target | null)}>
                      <option value="">{t('import.ignore')}</option>
                      <For each={targetsOf(props.mapping.kind)}>{(target) => <option value={target}>{targetLabel(props.mapping.kind, target)}</option>}</For>
                    </select>
                  </td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </div>
      <h2 id="preview-title">{t('import.preview', { n: Math.min(PREVIEW_ROWS, props.sheet.rows.length) })}</h2>
      <div class="scroll-x">
        <table class="table preview" aria-labelledby="preview-title" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <Index each={props.sheet.headers}>
                {(_, i) => (
                  <th scope="col" classList={{ ignored: !props.mapping.columns[i] }}>
                    <Show when={props.mapping.columns[i]} fallback={t('import.ignore')}>{(target) => targetLabel(props.mapping.kind, target())}</Show>
                  </th>
                )}
              </Index>
            </tr>
          </thead>
          <tbody>
            <For each={props.sheet.rows.slice(0, PREVIEW_ROWS)}>
              {(row) => (
                <tr>
                  <th scope="row">{row.n}</th>
                  <Index each={props.sheet.headers}>{(_, i) => <td class="cell-text" classList={{ ignored: !props.mapping.columns[i] }}>{row.cells[i] ?? ''}</td>}</Index>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
