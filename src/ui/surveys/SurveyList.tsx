import '../../i18n/dashboard';
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { listSurveys } from '../../store/queries/surveys';
import { createLive } from '../../shared/bindings/live';
import { NewWave } from './NewWave';
import { WaveRow } from './WaveRow';
import './surveys.css';

/** 问卷调查: the office's surveys and their waves. */
export function SurveyList(props: { office: Office }) {
  const surveys = createLive(() => props.office, (o) => listSurveys(o.db), null);
  return (
    <main class="page">
      <div class="page-head">
        <h1>{t('survey.title')}</h1>
        <div class="head-actions">
          <A class="button" href="/print/survey?blank=1">{t('survey.printBlank')}</A>
          <A class="button primary" href="/surveys/new">{t('survey.new')}</A>
        </div>
      </div>
      <Show when={surveys()} fallback={<p>{t('common.loading')}</p>}>
        {(list) => (
          <Show when={list().length} fallback={<p class="muted">{t('survey.none')}</p>}>
            <div class="list">
              <For each={list()}>
                {(s) => (
                  <div class="card survey-card">
                    <h2>{s.title}</h2>
                    <p class="muted">{t('survey.summary', { levels: s.levels, from: s.satisfiedFrom, n: s.questions.length })}</p>
                    <div class="table-scroll">
                      <table class="waves">
                        <thead><tr><th scope="col">{t('survey.waveLabel')}</th><th scope="col">{t('survey.answered')}</th><th scope="col">{t('indicator.satisfactionSurveys')}</th><th scope="col"><span class="sr-only">{t('common.actions')}</span></th></tr></thead>
                        <tbody><For each={s.waves}>{(w) => <WaveRow office={props.office} survey={s} wave={w} />}</For></tbody>
                      </table>
                    </div>
                    <NewWave office={props.office} surveyId={s.id} next={Math.max(0, ...s.waves.map((w) => w.n)) + 1} />
                  </div>
                )}
              </For>
            </div>
          </Show>
        )}
      </Show>
    </main>
  );
}
