import { createSignal, For, Show } from 'solid-js';
import type { PaperRow } from '../../domain/papers/paper';
import { formatDateTime, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { recordArchived, recordReceived } from '../../store/papers';
import { papersOf } from '../../store/queries/papers';
import { createLive } from '../../shared/bindings/live';
import { ActionButton } from '../events/ActionButton';
import '../events/events.css';
import './papers.css';
import { LIMITS } from '../../domain/limits';

/**
 * 纸质件 of one record: for each of its printed forms, 未打印 / 已打印 / 已签回 / 已归档, and the
 * buttons to mark the signed paper back (who, when) and where it is filed (档案盒/册).
 * `highlight` is the form a scanned QR code named: it comes first, with the box field focused.
 */
export function PaperPanel(props: { office: Office; refPath: string; forms: string[]; highlight?: string }) {
  const rows = createLive(() => props.refPath, (ref) => papersOf(props.office.db, ref), [] as PaperRow[]);
  const ordered = () => [...props.forms].sort((a, b) => (a === props.highlight ? -1 : b === props.highlight ? 1 : 0));
  return (
    <section class="card papers" aria-labelledby="papers-title" data-testid="paper-panel">
      <h2 id="papers-title">{t('papers.paper')}</h2>
      <ul class="plain">
        <For each={ordered()}>{(form) => <PaperLine office={props.office} form={form} refPath={props.refPath} row={rows().find((r) => r.form === form)} highlight={form === props.highlight} />}</For>
      </ul>
    </section>
  );
}

export function PaperLine(props: { office: Office; form: string; refPath: string; row?: PaperRow; highlight: boolean }) {
  const [box, setBox] = createSignal('');
  const state = () => props.row?.state ?? 'none';
  const formName = () => t(`paperform.${props.form}` as 'paperform.sign-in');
  return (
    <li class={`paper-line${props.highlight ? ' highlight' : ''}`} data-testid="paper-line" data-form={props.form} data-state={state()}>
      <div>
        <strong>{formName()}</strong> <span class={`chip paper-${state()}`} data-testid="paper-state">{t(`paperstate.${state()}`)}</span>
        <Show when={props.row?.number}><span class="muted paper-number"> {props.row!.number}</span></Show>
        <Show when={props.row?.printedAt}><span class="muted"> {t('papers.printedOn', { when: formatDateTime(props.row!.printedAt) })}</span></Show>
        <Show when={props.row?.receivedAt}><span class="muted"> · {t('papers.receivedOn', { when: formatDateTime(props.row!.receivedAt) })}</span></Show>
        <Show when={props.row?.box}><span class="muted"> · {t('papers.inBox', { box: props.row!.box })}</span></Show>
        <Show when={props.row?.scans?.length}><span class="chip" data-testid="paper-scan"> {t('papers.hasScan')}</span></Show>
      </div>
      <Show when={state() === 'printed' || state() === 'received'}>
        <div class="inline-form">
          <label>
            {t('papers.box')}
            <input name="box" value={box()} maxLength={LIMITS.shortText} autofocus={props.highlight} aria-label={t('papers.boxOf', { form: formName() })} onInput={(e) => setBox(e.currentTarget.value)} />
          </label>
          <Show when={state() === 'printed'}
            fallback={<ActionButton label={t('papers.archive')} run={() => recordArchived(props.office, props.form, props.refPath, box())} onDone={() => setBox('')} />}>
            <ActionButton label={t('papers.markReceived', { form: formName() })} run={() => recordReceived(props.office, props.form, props.refPath, box())} onDone={() => setBox('')} />
          </Show>
        </div>
      </Show>
    </li>
  );
}
