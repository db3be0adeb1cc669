import '../../i18n/dashboard';
import { useParams, useSearchParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { householdNames, responsesOf, surveyHouseholds } from '../../store/queries/surveys';
import type { ResponseChannel } from '../../domain/surveys/response';
import { readSurvey } from '../../store/surveys';
import { createLive } from '../../shared/bindings/live';
import { EntryGrid } from './EntryGrid';
import './surveys.css';

/** 录入问卷: the loader — the survey, its households in building and unit order, the answers so far (live). */
export function SurveyEntry(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const [query] = useSearchParams<{ wave?: string; unit?: string; channel?: string }>();
  const [survey] = createResource(() => params.id, (id) => readSurvey(props.office, id));
  const wave = () => Number(query.wave) || survey()?.waves.at(-1)?.n || 1;
  const households = createLive(
    () => survey(),
    async (s) => {
      if (!s) return null;
      const codes = await surveyHouseholds(props.office.db, s);
      return { codes, names: await householdNames(props.office.db, codes) };
    },
    null,
  );
  const responses = createLive(() => ({ id: params.id, wave: wave() }), (q) => responsesOf(props.office.db, q.id, q.wave), []);
  return (
    <main class="page wide survey-entry">
      <Show when={survey.state === 'ready' && !survey()}><p class="banner error" role="alert">{t('error.notFound')}</p></Show>
      <Show when={survey()} fallback={<p>{t('common.loading')}</p>}>
        {(s) => (
          <Show when={households()} fallback={<p>{t('common.loading')}</p>}>
            {(h) => <EntryGrid office={props.office} survey={s()} wave={wave()} codes={h().codes} names={h().names} responses={responses()} focusUnit={query.unit} channel={query.channel as ResponseChannel | undefined} />}
          </Show>
        )}
      </Show>
    </main>
  );
}
