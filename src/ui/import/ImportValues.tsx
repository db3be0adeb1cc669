import { createMemo, For, Show } from 'solid-js';
import { choicesOf, distinctValues, MAX_DISTINCT, withValue, type Mapping, type Sheet } from '../../domain/import';
import { t } from '../../i18n';
import { choiceLabel, targetLabel } from './labels';

/** The select's value for "not mapped yet" and for "leave empty". */
const UNSET = '?';
const EMPTY = '-';

/**
 * 取值对应: for each column of a choice field (use, status, type, gender, relation), the distinct
 * values of the file with their row counts and what each means. Values Linli understands are
 * set already (住宅, 已租); a code (110, 2001) waits for staff. What they choose is kept by the
 * office when the file is imported.
 */
export function ImportValues(props: { sheet: Sheet; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const columns = createMemo(() => distinctValues(props.sheet.rows, props.mapping));
  const unmapped = () => columns().reduce((n, c) => n + c.values.filter((v) => v.choice === null).length, 0);
  const header = (i: number) => props.sheet.headers[i] || t('import.columnN', { n: i + 1 });
  const choose = (field: Parameters<typeof withValue>[1], key: string, value: string) => {
    const choice = value === UNSET ? null : value === EMPTY ? '' : value;
    props.onChange({ ...props.mapping, values: withValue(props.mapping.values, field, key, choice) });
  };
  return (
    <Show when={columns().length}>
      <section class="import-values" aria-labelledby="values-title" data-testid="import-values">
        <h2 id="values-title">{t('import.values')}</h2>
        <p class="muted">{t('import.valuesHint')}</p>
        <Show when={unmapped()}>
          <p class="problems" role="status">{t('import.valuesUnmapped', { n: unmapped() })}</p>
        </Show>
        <div class="values-grid">
          <For each={columns()}>
            {(col) => (
              <div class="scroll-x">
                <table class="table values">
                  <caption>{header(col.column)} → {targetLabel(props.mapping.kind, props.mapping.columns[col.column]!)}</caption>
                  <thead>
                    <tr><th scope="col">{t('import.value')}</th><th scope="col">{t('import.valueCount')}</th><th scope="col">{t('import.valueMeaning')}</th></tr>
                  </thead>
                  <tbody>
                    <For each={col.values}>
                      {(v) => (
                        <tr classList={{ unmapped: v.choice === null }}>
                          <th scope="row" class="cell-text">{v.value}</th>
                          <td>{v.count}</td>
                          <td>
                            <select aria-label={t('import.valueLabel', { column: header(col.column), value: v.value })}
                              value={v.choice === null ? UNSET : v.choice === '' ? EMPTY : v.choice}
                              onChange={(e) => choose(col.field, v.key, e.currentTarget.value)}>
                              <Show when={v.choice === null}><option value={UNSET}>{t('import.valueUnknown')}</option></Show>
                              <For each={choicesOf(col.field)}>{(c) => <option value={c}>{choiceLabel(col.field, c)}</option>}</For>
                              <option value={EMPTY}>{t('import.valueEmpty')}</option>
                            </select>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <Show when={col.more}><p class="muted">{t('import.valuesMore', { n: MAX_DISTINCT })}</p></Show>
              </div>
            )}
          </For>
        </div>
      </section>
    </Show>
  );
}
