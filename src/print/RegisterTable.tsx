import { For, Index, Show } from 'solid-js';
import { t } from '../i18n';

/**
 * A register (登记簿): one row per record, a column per fact, blank columns for what is
 * written by hand (a signature, a remark). Columns are configuration, so a new register — the
 * service register, the dispute register — is a list of columns over its rows.
 */
export interface RegisterColumn<Row> {
  id: string;
  label: string;
  /** A CSS width ('30mm', '12%'); columns without one share what is left. */
  width?: string;
  align?: 'start' | 'center' | 'end';
  /** The printed text of a cell; a column without it is left blank to be filled in by hand. */
  value?: (row: Row, index: number) => string;
  /** Let the text wrap onto a second line (smaller) instead of being cut short. */
  wrap?: boolean;
}

export interface RegisterTableProps<Row> {
  columns: RegisterColumn<Row>[];
  rows: Row[];
  /** Key of a row, for tests and for finding a line again (`data-row`). */
  rowKey?: (row: Row) => string;
  /** A first 序号 column. */
  numbered?: boolean;
  /** Height of every row; tall enough to sign in when the register has a signature column. */
  rowHeight?: string;
  /** Empty ruled rows after the records, for entries written by hand. */
  blankRows?: number;
  label?: string;
}

/**
 * On paper the header row repeats at the top of every page (a table-header-group) and a row is
 * never split between two pages. Rows have one fixed height, so a page holds a known number.
 */
export function RegisterTable<Row>(props: RegisterTableProps<Row>) {
  const columns = () => [
    ...(props.numbered ? [{ id: 'seq', label: t('print.seq'), width: '12mm', align: 'center' as const, value: (_: Row, i: number) => String(i + 1) }] : []),
    ...props.columns,
  ];
  const blanks = () => Array.from({ length: props.blankRows ?? 0 }, (_, i) => i);
  return (
    <table class="register" aria-label={props.label} style={{ '--row-height': props.rowHeight ?? '9mm' }}>
      <colgroup>
        <For each={columns()}>{(c) => <col style={c.width ? { width: c.width } : {}} />}</For>
      </colgroup>
      <thead>
        <tr>
          <For each={columns()}>{(c) => <th scope="col" data-col={c.id}>{c.label}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row, i) => (
            <tr data-row={props.rowKey?.(row)}>
              <For each={columns()}>
                {(c) => (
                  <td class={`align-${c.align ?? 'start'}${c.wrap ? ' wrap' : ''}${c.value ? '' : ' blank'}`} data-col={c.id}>
                    <Show when={c.value}>{(value) => value()(row, i())}</Show>
                  </td>
                )}
              </For>
            </tr>
          )}
        </For>
        <Index each={blanks()}>
          {() => (
            <tr class="blank-row">
              <For each={columns()}>{() => <td class="blank" />}</For>
            </tr>
          )}
        </Index>
      </tbody>
    </table>
  );
}
