import '../../i18n/dashboard';
import { LIMITS } from '../../domain/limits';
import { dateField } from '../../i18n/date-field';
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Index, Show } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import { DEFAULT_LABELS, DEFAULT_SATISFIED_FROM, QUESTION_TYPES, type QuestionType, type SurveyInput } from '../../domain/surveys/survey';
import { CUSTOMER_KINDS } from '../../domain/customers/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { createSurvey } from '../../store/surveys';
import { problemFor } from '../common/Problems';
import { createSave, FormShell } from '../common/FormShell';
import { createLive } from '../../shared/bindings/live';
import { residentLists } from '../../store/queries/residents';

interface Draft {
  title: string;
  intro: string;
  levels: 5 | 7;
  satisfiedFrom: number;
  questions: { type: QuestionType; text: string; options: string[] }[];
  target: 'all' | 'building' | 'type' | 'tag' | 'list';
  listId: string;
  targetValues: string;
  waveLabel: string;
  start: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** 新建问卷: questions on a 5- or 7-level scale with the office's labels, choices, free text; whom it goes to. */
export function SurveyNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [draft, setDraft] = createStore<Draft>({
    title: '', intro: t('survey.defaultIntro'), levels: 5, satisfiedFrom: 4,
    questions: [
      { type: 'scale', text: t('survey.defaultQ1'), options: [...DEFAULT_LABELS[5]] },
      { type: 'scale', text: t('survey.defaultQ2'), options: [...DEFAULT_LABELS[5]] },
      { type: 'text', text: t('survey.defaultQ3'), options: [] },
    ],
    target: 'all', targetValues: '', listId: '', waveLabel: t('survey.firstWave'), start: today(),
  });
  const lists = createLive(() => props.office, (o) => residentLists(o.db), []);
  const setLevels = (levels: 5 | 7) =>
    setDraft(produce((d) => {
      d.levels = levels;
      d.satisfiedFrom = DEFAULT_SATISFIED_FROM[levels];
      for (const q of d.questions) if (q.type === 'scale') q.options = [...DEFAULT_LABELS[levels]];
    }));
  const setType = (i: number, type: QuestionType) =>
    setDraft('questions', i, (q) => ({ ...q, type, options: type === 'scale' ? [...DEFAULT_LABELS[draft.levels]] : type === 'text' ? [] : q.type === 'scale' || !q.options.length ? ['', ''] : q.options }));
  const save = createSave(() => {
    const d = unwrap(draft);
    const values = d.targetValues.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);
    const target: SurveyInput['target'] =
      d.target === 'list' ? { kind: 'list', listId: d.listId, listName: '' } : d.target === 'building' ? { kind: 'building', buildings: values } : d.target === 'type' ? { kind: 'type', customerKinds: values } : d.target === 'tag' ? { kind: 'tag', tags: values } : { kind: 'all' };
    return createSurvey(props.office, { ...structuredClone(d), target, firstWave: { label: d.waveLabel, start: d.start } });
  }, (id) => navigate(`/surveys/${id}/entry`, { replace: true }));
  const problems = save.problems;
  return (
    <main class="page">
      <h1>{t('survey.new')}</h1>
      <FormShell save={save} class="card form" aria-label={t('survey.new')} onCancel={() => navigate(-1)}>
        <label>{t('survey.titleField')}<input value={draft.title} maxLength={LIMITS.shortText} aria-invalid={!!problemFor(problems(), 'title')} onInput={(e) => setDraft('title', e.currentTarget.value)} /></label>
        <label>{t('survey.intro')}<textarea rows={2} value={draft.intro} onInput={(e) => setDraft('intro', e.currentTarget.value)} /></label>
        <div class="row-fields">
          <label>{t('survey.levels')}
            <select value={draft.levels} onChange={(e) => setLevels(Number(e.currentTarget.value) === 7 ? 7 : 5)}>
              <option value="5">{t('survey.levels5')}</option>
              <option value="7">{t('survey.levels7')}</option>
            </select>
          </label>
          <label>{t('survey.satisfiedFrom')}
            <select value={draft.satisfiedFrom} onChange={(e) => setDraft('satisfiedFrom', Number(e.currentTarget.value))}>
              <For each={Array.from({ length: draft.levels - 1 }, (_, i) => i + 2)}>{(n) => <option value={n}>{t('survey.fromLevel', { n, label: DEFAULT_LABELS[draft.levels][n - 1] })}</option>}</For>
            </select>
          </label>
        </div>
        <fieldset>
          <legend>{t('survey.questions')}</legend>
          <Index each={draft.questions}>
            {(q, i) => (
              <div class="question-edit">
                <div class="row-fields">
                  <label class="grow">{t('survey.questionN', { n: i + 1 })}<input value={q().text} onInput={(e) => setDraft('questions', i, 'text', e.currentTarget.value)} /></label>
                  <label>{t('survey.questionType')}
                    <select value={q().type} onChange={(e) => setType(i, e.currentTarget.value as QuestionType)}>
                      <For each={QUESTION_TYPES}>{(type) => <option value={type}>{t(`survey.type.${type}`)}</option>}</For>
                    </select>
                  </label>
                  <button type="button" class="danger" aria-label={t('survey.removeQuestion', { n: i + 1 })} onClick={() => setDraft('questions', (qs) => qs.filter((_, j) => j !== i))}>✕</button>
                </div>
                <Show when={q().type !== 'text'}>
                  <div class="options-edit">
                    <Index each={q().options}>
                      {(o, j) => (
                        <input value={o()} aria-label={q().type === 'scale' ? t('survey.levelLabel', { q: i + 1, n: j + 1 }) : t('survey.choiceLabel', { q: i + 1, n: j + 1 })}
                          onInput={(e) => setDraft('questions', i, 'options', j, e.currentTarget.value)} />
                      )}
                    </Index>
                    <Show when={q().type !== 'scale'}>
                      <button type="button" onClick={() => setDraft('questions', i, 'options', (os) => [...os, ''])}>{t('survey.addChoice')}</button>
                    </Show>
                  </div>
                </Show>
              </div>
            )}
          </Index>
          <button type="button" onClick={() => setDraft('questions', (qs) => [...qs, { type: 'scale', text: '', options: [...DEFAULT_LABELS[draft.levels]] }])}>{t('survey.addQuestion')}</button>
        </fieldset>
        <div class="row-fields">
          <label>{t('survey.target')}
            <select value={draft.target} onChange={(e) => setDraft('target', e.currentTarget.value as Draft['target'])}>
              <For each={['all', 'building', 'type', 'tag', 'list'] as const}>{(k) => <option value={k}>{t(`survey.target.${k}`)}</option>}</For>
            </select>
          </label>
          {/* A saved list (issue 20): resolved as notices and plans resolve it. */}
          <Show when={draft.target === 'list'}>
            <label class="grow">{t('survey.targetValues.list')}
              <select name="listId" value={draft.listId} aria-invalid={!!problemFor(problems(), 'listId')} onChange={(e) => setDraft('listId', e.currentTarget.value)}>
                <option value="">{t('survey.pickList')}</option>
                <For each={lists()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
              </select>
            </label>
          </Show>
          <Show when={draft.target !== 'all' && draft.target !== 'list'}>
            <label class="grow">{t(`survey.targetValues.${draft.target as 'building'}`)}
              <Show when={draft.target === 'type'} fallback={<input value={draft.targetValues} onInput={(e) => setDraft('targetValues', e.currentTarget.value)} />}>
                <select value={draft.targetValues} onChange={(e) => setDraft('targetValues', e.currentTarget.value)}>
                  <option value="" />
                  <For each={CUSTOMER_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
                </select>
              </Show>
            </label>
          </Show>
        </div>
        <div class="row-fields">
          <label>{t('survey.waveLabel')}<input value={draft.waveLabel} onInput={(e) => setDraft('waveLabel', e.currentTarget.value)} /></label>
          <label>{t('survey.waveStart')}<input {...dateField('date')} value={draft.start} onInput={(e) => setDraft('start', e.currentTarget.value)} /></label>
        </div>
      </FormShell>
    </main>
  );
}
