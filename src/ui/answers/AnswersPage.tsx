import { useSearchParams } from '@solidjs/router';
import { dateField } from '../../i18n/date-field';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { needsReview, type AnswerRow } from '../../domain/answers/answer';
import { localDay } from '../../domain/days';
import { t } from '../../i18n';
import { saveAnswer } from '../../store/answers';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';
import { AnswerSearch } from './AnswerSearch';
import '../settings/settings.css';
import { allStaff } from '../../store/queries/staff';
import { LIMITS } from '../../domain/limits';
import { answerRow } from '../../store/queries/answers';

const today = () => localDay();
const blank = () => ({ id: '', category: '', title: '', wording: '', effective: today(), review: '', keeperId: '', synonyms: '' });

/** 标准答复: the office's answers, searched as customers are; each kept by a colleague and reviewed by a date. */
export function AnswersPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ edit?: string }>();
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const [form, setForm] = createStore(blank());
  const [shown, setShown] = createSignal<AnswerRow | null>(null);
  const edit = (a: AnswerRow | null) => {
    save.reset();
    setShown(a);
    setForm(a ? { id: a.id, category: a.category, title: a.title, wording: a.wording, effective: a.effective, review: a.review, keeperId: a.keeperId, synonyms: a.synonyms.join('，') } : blank());
  };
  // Opened from 今日 (an answer to review): that answer in the form.
  const linked = createLive(() => params.edit ?? '', (id) => (id ? answerRow(props.office.db, id) : undefined), undefined);
  createEffect(() => {
    const a = linked();
    if (a) edit(a);
  });
  const save = createSave(() => {
    const keeper = staff().find((s) => s.id === form.keeperId);
    return saveAnswer(props.office, form.id || null, {
      category: form.category, title: form.title, wording: form.wording, effective: form.effective, review: form.review,
      keeperId: form.keeperId, keeperName: keeper?.name ?? '', synonyms: form.synonyms.split(/[,，、\s]+/),
    });
  }, (id) => {
    setForm('id', id);
    setParams({ edit: undefined }, { replace: true });
  });
  return (
    <main class="page wide answers-page">
      <div class="page-head">
        <h1>{t('answers.title')}</h1>
        <button type="button" onClick={() => edit(null)}>{t('answers.new')}</button>
      </div>
      <div class="grid-2 settings-split">
        <section class="card" aria-labelledby="answers-found">
          <h2 id="answers-found">{t('answers.list')}</h2>
          <AnswerSearch office={props.office} onPick={edit} pickLabel={t('common.edit')} />
          <Show when={shown()}>
            {(a) => (
              <article class="answer-wording" aria-label={a().title}>
                <Show when={needsReview(a(), today())}><p class="banner warn" role="note">{t('answers.reviewDue', { date: a().review, keeper: a().keeperName || '—' })}</p></Show>
                <p>{a().wording}</p>
              </article>
            )}
          </Show>
        </section>
        <FormShell save={save} class="card" aria-label={t('answers.form')} head={<h2>{form.id ? t('answers.edit') : t('answers.new')}</h2>} showSaved>
          <div class="grid-2">
            <label>
              {t('answers.category')}
              <input value={form.category} maxLength={LIMITS.name} placeholder={t('answers.categoryPlaceholder')} onInput={(e) => setForm('category', e.currentTarget.value)} />
            </label>
            <label>
              {t('answers.titleField')}
              <input value={form.title} maxLength={LIMITS.shortText} onInput={(e) => setForm('title', e.currentTarget.value)} />
            </label>
          </div>
          <label>
            {t('answers.wording')}
            <textarea rows={6} value={form.wording} maxLength={LIMITS.note} onInput={(e) => setForm('wording', e.currentTarget.value)} />
          </label>
          <label>
            {t('answers.synonyms')}
            <input value={form.synonyms} placeholder={t('answers.synonymsPlaceholder')} onInput={(e) => setForm('synonyms', e.currentTarget.value)} />
          </label>
          <div class="grid-2">
            <label>
              {t('answers.effective')}
              <input {...dateField('date')} value={form.effective} onInput={(e) => setForm('effective', e.currentTarget.value)} />
            </label>
            <label>
              {t('answers.review')}
              <input {...dateField('date')} value={form.review} onInput={(e) => setForm('review', e.currentTarget.value)} />
            </label>
            <label>
              {t('answers.keeper')}
              <select value={form.keeperId} onChange={(e) => setForm('keeperId', e.currentTarget.value)}>
                <option value="">—</option>
                <For each={staff()}>{(s) => <option value={s.id} selected={s.id === form.keeperId}>{s.name}</option>}</For>
              </select>
            </label>
          </div>
        </FormShell>
      </div>
    </main>
  );
}
