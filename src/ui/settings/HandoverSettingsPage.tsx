import { A } from '@solidjs/router';
import { createEffect, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { DEFAULT_METERS, METER_RULES, type MeterRule } from '../../domain/moves/handover';
import { METERS, type Meter } from '../../domain/moves/types';
import { LIMITS } from '../../domain/limits';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import { saveChecklist } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { handoverChecklist } from '../../store/queries/moves';
import { problemFor } from '../common/Problems';
import { createSave, FormShell } from '../common/FormShell';
import './settings.css';
import '../moves/moves.css';

/**
 * 设置 → 入伙交接清单 (issue 20): the documents the office has signed at a move-in, in order, and
 * which meters are read. The next 办理入伙 and its printed 入伙交接单 follow it; handovers already
 * done keep the list they were done with. A manager's decision (others are refused with the reason).
 */
export function HandoverSettingsPage(props: { office: Office }) {
  const current = createLive(() => props.office, (o) => handoverChecklist(o.db), null);
  const [form, setForm] = createStore({ loaded: false, documents: '', meters: { ...DEFAULT_METERS } as Record<Meter, MeterRule> });
  // Filled once from the office's list; a colleague's later change does not overwrite what is being typed.
  createEffect(() => {
    const c = current();
    if (c && !form.loaded) setForm({ loaded: true, documents: c.documents.join('\n'), meters: { ...c.meters } });
  });
  const save = createSave(() => saveChecklist(props.office, { documents: form.documents.split('\n'), meters: { ...form.meters } }));
  return (
    <main class="page handover-settings">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <h1>{t('handoverSettings.title')}</h1>
      <p class="muted">{t('handoverSettings.intro')}</p>
      <FormShell save={save} class="card form" aria-label={t('handoverSettings.title')} showSaved>
        <label>
          {t('handoverSettings.documents')}
          <textarea name="documents" rows={8} maxLength={LIMITS.note} value={form.documents} aria-invalid={problemFor(save.problems(), 'documents') ? 'true' : undefined}
            onInput={(e) => setForm('documents', e.currentTarget.value)} />
        </label>
        <fieldset class="readings" aria-invalid={problemFor(save.problems(), 'meters') ? 'true' : undefined}>
          <legend>{t('handoverSettings.meters')}</legend>
          <For each={METERS}>
            {(m) => (
              <label>
                {t(`moves.meter.${m}`)}
                <select name={`meter-${m}`} value={form.meters[m]} onChange={(e) => setForm('meters', m, e.currentTarget.value as MeterRule)}>
                  <For each={METER_RULES}>{(r) => <option value={r} selected={r === form.meters[m]}>{t(`handoverSettings.meter.${r}`)}</option>}</For>
                </select>
              </label>
            )}
          </For>
        </fieldset>
      </FormShell>
    </main>
  );
}
