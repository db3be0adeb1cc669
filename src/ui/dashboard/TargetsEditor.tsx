import { createSignal, For, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { DIRECTION, INDICATOR_IDS, type Targets } from '../../domain/indicators/targets';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { saveTargets } from '../../store/reports';
import { Problems } from '../common/Problems';

/** 指标目标: everyone sees the office's targets; a manager changes them. */
export function TargetsEditor(props: { office: Office; targets: Targets; manager: boolean }) {
  const [draft, setDraft] = createStore<Targets>(structuredClone(props.targets));
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [state, setState] = createSignal<'idle' | 'saving' | 'saved'>('idle');
  const save = async (e: Event) => {
    e.preventDefault();
    if (state() === 'saving') return;
    setState('saving');
    const done = await saveTargets(props.office, structuredClone(unwrap(draft)));
    setProblems(done.ok ? [] : done.problems);
    setState(done.ok ? 'saved' : 'idle');
  };
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return (
    <details class="card targets">
      <summary>{t('dashboard.targets')}</summary>
      <form onSubmit={save}>
        <table class="figures">
          <thead>
            <tr><th scope="col">{t('dashboard.indicator')}</th><th scope="col">{t('dashboard.target')}</th><th scope="col">{t('dashboard.amberBand')}</th></tr>
          </thead>
          <tbody>
            <For each={INDICATOR_IDS}>
              {(id) => (
                <tr>
                  <th scope="row">{t(`indicator.${id}`)} ({DIRECTION[id] === 'higher' ? '≥' : '≤'})</th>
                  <td>
                    <input type="number" step="0.1" inputmode="decimal" disabled={!props.manager} aria-label={`${t(`indicator.${id}`)} ${t('dashboard.target')}`}
                      value={draft[id].target} onInput={(e) => setDraft(id, 'target', num(e.currentTarget.value))} />
                  </td>
                  <td>
                    <input type="number" step="0.1" inputmode="decimal" disabled={!props.manager} aria-label={`${t(`indicator.${id}`)} ${t('dashboard.amberBand')}`}
                      value={draft[id].amber} onInput={(e) => setDraft(id, 'amber', num(e.currentTarget.value))} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Problems problems={problems()} />
        <Show when={props.manager} fallback={<p class="muted">{t('dashboard.targetsManagerOnly')}</p>}>
          <div class="actions">
            <button type="submit" class="primary" disabled={state() === 'saving'}>{state() === 'saving' ? t('common.saving') : t('common.save')}</button>
            <Show when={state() === 'saved'}><span role="status">{t('common.saved')}</span></Show>
          </div>
        </Show>
      </form>
    </details>
  );
}
