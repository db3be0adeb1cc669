import { createSignal, Show } from 'solid-js';
import { dateField } from '../../i18n/date-field';
import { createStore } from 'solid-js/store';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { addWave } from '../../store/surveys';
import { createSave, FormShell } from '../common/FormShell';

/** 新一轮: the same questionnaire again (next quarter), numbered after the last wave. */
export function NewWave(props: { office: Office; surveyId: string; next: number }) {
  const [open, setOpen] = createSignal(false);
  const [form, setForm] = createStore({ label: '', start: new Date().toISOString().slice(0, 10) });
  const save = createSave(() => addWave(props.office, props.surveyId, form.label || t('survey.waveN', { n: props.next }), form.start), () => setOpen(false));
  return (
    <Show when={open()} fallback={<button type="button" onClick={() => setOpen(true)}>{t('survey.newWave')}</button>}>
      <FormShell save={save} class="row-fields" aria-label={t('survey.newWave')} onCancel={() => setOpen(false)} actionsClass="inline-actions" problemsAt="bottom">
        <label>{t('survey.waveLabel')}<input value={form.label} placeholder={t('survey.waveN', { n: props.next })} onInput={(e) => setForm('label', e.currentTarget.value)} /></label>
        <label>{t('survey.waveStart')}<input {...dateField('date')} value={form.start} onInput={(e) => setForm('start', e.currentTarget.value)} /></label>
      </FormShell>
    </Show>
  );
}
