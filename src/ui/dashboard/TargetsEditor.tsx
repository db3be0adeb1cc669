import { For, Show } from 'solid-js';
import { createStore, unwrap, type SetStoreFunction } from 'solid-js/store';
import { DIRECTION, INDICATOR_IDS, type Targets } from '../../domain/indicators/targets';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { saveTargets } from '../../store/reports';
import { createSave, FormShell } from '../common/FormShell';

/** 指标目标: everyone sees the office's targets; a manager changes them. */
export function TargetsEditor(props: { office: Office; targets: Targets; manager: boolean }) {
  const [draft, setDraft] = createStore<Targets>(structuredClone(props.targets));
  // The form's guard, reasons and 已保存 are FormShell's, as every form's.
  const save = createSave(() => saveTargets(props.office, structuredClone(unwrap(draft))));
  return (
    <details class="card targets">
      <summary>{t('dashboard.targets')}</summary>
      <Show when={props.manager} fallback={<><TargetsTable draft={draft} /><p class="muted">{t('dashboard.targetsManagerOnly')}</p></>}>
        <FormShell save={save} showSaved problemsAt="bottom" aria-label={t('dashboard.targets')}>
          <TargetsTable draft={draft} setDraft={setDraft} />
        </FormShell>
      </Show>
    </details>
  );
}

/** Each indicator's target and amber band: fields a manager edits (`setDraft`), read-only to the others. */
function TargetsTable(props: { draft: Targets; setDraft?: SetStoreFunction<Targets> }) {
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const field = (id: (typeof INDICATOR_IDS)[number], part: 'target' | 'amber', label: string) => (
    <input type="number" step="0.1" inputmode="decimal" disabled={!props.setDraft} aria-label={`${t(`indicator.${id}`)} ${label}`}
      value={props.draft[id][part]} onInput={(e) => props.setDraft?.(id, part, num(e.currentTarget.value))} />
  );
  return (
    <table class="figures">
      <thead>
        <tr><th scope="col">{t('dashboard.indicator')}</th><th scope="col">{t('dashboard.target')}</th><th scope="col">{t('dashboard.amberBand')}</th></tr>
      </thead>
      <tbody>
        <For each={INDICATOR_IDS}>
          {(id) => (
            <tr>
              <th scope="row">{t(`indicator.${id}`)} ({DIRECTION[id] === 'higher' ? '≥' : '≤'})</th>
              <td>{field(id, 'target', t('dashboard.target'))}</td>
              <td>{field(id, 'amber', t('dashboard.amberBand'))}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
