import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { localDay } from '../../domain/days';
import { mayMakeSurveyTasks } from '../../domain/tasks/survey-tasks';
import type { Survey } from '../../domain/surveys/survey';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { myRole } from '../../store/requests';
import { followUpHouseholds, followUpsToMake } from '../../store/queries/surveys';
import { makeSurveyFollowUps } from '../../store/surveys';
import { createLive } from '../../shared/bindings/live';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';

/**
 * 未回复住户转为回访任务 (N): the households of a wave without an answer (and without a follow-up
 * task yet) become tasks on 今日. For the manager and the front desk; N is live, so it drops to 0
 * once pressed here or on a tablet that has synced.
 */
export function FollowUpButton(props: { office: Office; survey: Survey; wave: number }) {
  const role = createLive(() => props.office, (o) => myRole(o), '');
  // The households change rarely; the count again on every answer keyed in (one wave's rows only).
  const households = createLive(() => props.survey, (s) => followUpHouseholds(props.office.db, s), null);
  const pending = createLive(
    () => ({ households: households(), wave: props.wave }),
    async (q) => (q.households ? (await followUpsToMake(props.office.db, props.survey, q.wave, localDay(), q.households)).length : null),
    null as number | null,
  );
  const action = createAction();
  const [made, setMade] = createSignal<number | null>(null);
  const press = () => action.run(async () => {
    const r = await makeSurveyFollowUps(props.office, props.survey, props.wave);
    setMade(r.ok ? r.value : null);
    return r;
  });
  return (
    <Show when={mayMakeSurveyTasks(role())}>
      <span class="follow-up-button">
        <button type="button" disabled={action.busy() || !pending()} onClick={press} data-testid="make-follow-ups">
          {t('survey.makeFollowUps', { n: pending() ?? '…' })}
        </button>
        {/* 0 made is said too: every household had a task already. */}
        <Show when={made() !== null}>
          <span role="status" class="muted"><A href="/today">{t('survey.followUpsMade', { n: made() ?? 0 })}</A></span>
        </Show>
        <Problems problems={action.problems()} />
      </span>
    </Show>
  );
}
