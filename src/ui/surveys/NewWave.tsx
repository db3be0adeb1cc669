import { createSignal, Show } from 'solid-js';
import { dateField } from '../../i18n/date-field';
import { createStore } from 'solid-js/store';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { addWave } from '../../store/surveys';
import { Problems } from '../common/Problems';

/** 新一轮: the same questionnaire again (next quarter), numbered after the last wave. */
export function NewWave(props: { office: Office; surveyId: string; next: number }) {
  const [open, setOpen] = createSignal(false);
  const [form, setForm] = createStore({ label: '', start: new Date().toISOString().slice(0, 10) });
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [saving, setSaving] = createSignal(false);
  const save = async (e: Event) => {
    e.preventDefault();
    if (saving()) return;
    setSaving(true);
    const r = await addWave(props.office, props.surveyId, form.label || t('survey.waveN', { n: props.next }), form.start);
    setSaving(false);
    setProblems(r.ok ? [] : r.problems);
    if (r.ok) setOpen(false);
  };
  return (
    <Show when={open()} fallback={<button type="button" onClick={() => setOpen(true)}>{t('survey.newWave')}</button>}>
      <form class="row-fields" onSubmit={save}>
        <label>{t('survey.waveLabel')}<input value={form.label} placeholder={t('survey.waveN', { n: props.next })} onInput={(e) => setForm('label', e.currentTarget.value)} /></label>
        <label>{t('survey.waveStart')}<input {...dateField('date')} value={form.start} onInput={(e) => setForm('start', e.currentTarget.value)} /></label>
        <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
        <button type="submit" class="primary" disabled={saving()}>{t('common.save')}</button>
        <Problems problems={problems()} />
      </form>
    </Show>
  );
}
