import { For, Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { layoutFields, type FormField } from './form-layout';
import { FormTitle } from './PrintPage';

export type { FormField };

/**
 * A single-record form (登记表): a title with the record's QR code and number, ruled sections of
 * label / value cells, and signature lines — per section (处理人 / 日期 under the handling) and
 * for the whole form. The complaint form and the follow-up record are this with other sections.
 */
export interface SignatureLine {
  label: string;
  /** A date line (____年__月__日) instead of a line to sign on. */
  date?: boolean;
  /** What is on the line already: a signature made on the tablet (issue 19, pictures). */
  signed?: JSX.Element;
}

export interface FormSection {
  title?: string;
  fields: FormField[];
  signatures?: SignatureLine[];
}

export interface RecordFormProps {
  title: string;
  /** The record's human number, printed under the QR code. */
  number?: string;
  /** The record's address in the app, encoded in the QR code. */
  url?: string;
  meta?: { label: string; value: string }[];
  sections: FormSection[];
  signatures?: SignatureLine[];
  /** Identifies the record in a batch (`data-record`). */
  recordId?: string;
  /** Printed after the sections, before the form's own signature lines (the record's photos). */
  extra?: JSX.Element;
}

export function RecordForm(props: RecordFormProps) {
  return (
    <section class="record-form" data-record={props.recordId}>
      <FormTitle title={props.title} meta={props.meta} qr={props.url ? { url: props.url, number: props.number } : undefined} />
      <For each={props.sections}>
        {(section) => (
          <table class="form-grid">
            <colgroup>
              <col class="label" />
              <col />
              <col class="label" />
              <col />
            </colgroup>
            <Show when={section.title}>
              <thead>
                <tr>
                  <th colSpan={4} class="section-title" scope="colgroup">{section.title}</th>
                </tr>
              </thead>
            </Show>
            <tbody>
              <For each={layoutFields(section.fields)}>
                {(row) => (
                  <tr>
                    <For each={row}>
                      {(f) => (
                        <>
                          <th scope="row">{f.label}</th>
                          <td colSpan={row.length === 1 ? 3 : 1} class={f.lines ? 'multiline' : undefined}
                            style={f.lines ? { 'min-height': `${f.lines * 7}mm`, height: `${f.lines * 7}mm` } : undefined}>
                            {f.value ?? ''}
                          </td>
                        </>
                      )}
                    </For>
                  </tr>
                )}
              </For>
              <Show when={section.signatures?.length}>
                <tr class="sig-row">
                  <td colSpan={4}>
                    <Signatures lines={section.signatures!} />
                  </td>
                </tr>
              </Show>
            </tbody>
          </table>
        )}
      </For>
      {props.extra}
      <Show when={props.signatures?.length}>
        <Signatures lines={props.signatures!} />
      </Show>
    </section>
  );
}

/** Signature and date lines side by side, each a label and a ruled line of equal length. */
export function Signatures(props: { lines: SignatureLine[] }) {
  return (
    <div class="signatures" style={{ 'grid-template-columns': `repeat(${props.lines.length}, 1fr)` }}>
      <For each={props.lines}>
        {(line) => (
          <div class="sig">
            <span class="sig-label">{line.label}</span>
            <span class={`sig-line${line.date ? ' date' : ''}`}>
              <Show when={line.date}>{t('print.dateBlank')}</Show>
              {line.signed}
            </span>
          </div>
        )}
      </For>
    </div>
  );
}
