import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { waveSummary } from '../../domain/surveys/response';
import type { Survey, Wave } from '../../domain/surveys/survey';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { responsesOf } from '../../store/queries/surveys';
import { createLive } from '../../shared/bindings/live';
import { FollowUpButton } from './FollowUpButton';

/** One wave of a survey with its figures (so this quarter compares with the last) and its actions. */
export function WaveRow(props: { office: Office; survey: Survey; wave: Wave }) {
  const summary = createLive(() => props.wave.n, async (n) => waveSummary(props.survey, await responsesOf(props.office.db, props.survey.id, n)), null);
  return (
    <tr>
      <th scope="row">{props.wave.label}<div class="muted">{props.wave.start}</div></th>
      <td>{summary()?.answered ?? '…'}</td>
      <td>
        <Show when={summary()} fallback="…">
          {(s) => (s().rate === null ? '—' : `${s().rate!.toFixed(1)}%（${s().satisfied} / ${s().answers}）`)}
        </Show>
      </td>
      <td class="actions">
        <A class="button primary" href={`/surveys/${props.survey.id}/entry?wave=${props.wave.n}`}>{t('survey.enter')}</A>
        <A class="button" href={`/print/survey?id=${props.survey.id}&wave=${props.wave.n}`}>{t('survey.printForms')}</A>
        <A class="button" href={`/print/survey-nonrespondents?id=${props.survey.id}&wave=${props.wave.n}`}>{t('survey.printNonRespondents')}</A>
        <FollowUpButton office={props.office} survey={props.survey} wave={props.wave.n} />
      </td>
    </tr>
  );
}
