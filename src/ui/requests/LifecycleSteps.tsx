import { A } from '@solidjs/router';
import { LIMITS } from '../../domain/limits';
import { dateField } from '../../i18n/date-field';
import { createEffect, createMemo, For, on, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { allowedSteps, closeNeedsReason, type Step } from '../../domain/requests/steps';
import { InquiryAnswer } from '../answers/InquiryAnswer';
import { suggestAssignee } from '../../domain/requests/dispatch';
import {
  closeRequest, completeWork, dispatch, FOLLOW_UP_METHODS, handOver, recordFollowUp, reopenRequest, reportBack, resumeWork, startWork, waitOnResident, type FollowUpMethod,
} from '../../domain/requests/lifecycle';
import type { ServiceSettings } from '../../domain/requests/settings';
import type { ServiceRequest } from '../../domain/requests/types';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { runStep } from '../../store/requests';
import { openLoad } from '../../store/queries/requests';
import { StepForm } from './StepForm';
import { SelectField } from '../common/SelectField';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * 下一步: the steps that make sense in the request's state (`allowedSteps`, the domain's one
 * list), the most likely one open and the rest behind 更多操作, each a small form.
 */
export function LifecycleSteps(props: { office: Office; req: ServiceRequest; settings: ServiceSettings; staff: StaffRow[]; role: string; beforeClose?: JSX.Element }) {
  const step = (build: Parameters<typeof runStep>[2]) => runStep(props.office, props.req.id, build);
  const s = () => props.req.status;
  // The step forms' fields, one store: each form empties its own fields once its step is saved.
  const [form, setForm] = createStore({
    teamId: props.req.teamId || props.settings.teams[0]?.id || '', assignee: '',
    report: '',
    // Unticked until staff tick it: a signature the resident never gave must not reach the record.
    signed: false, signedDate: today(),
    note: '', method: 'phone' as FollowUpMethod, satisfaction: 0, comment: '', reason: '', reopenReason: '', waitNote: '', owner: '',
  });
  const members = createMemo(() => props.staff.filter((m) => m.teamId === form.teamId));
  const load = createLive(() => members().map((m) => m.id).join(','), (ids) => openLoad(props.office.db, ids ? ids.split(',') : []), new Map<string, number>());
  const suggested = () => suggestAssignee(form.teamId, props.staff, (id) => load().get(id) ?? 0);
  // Someone (here or on another tablet) changed the team: the form starts from the new one.
  const currentTeam = createMemo(() => props.req.teamId);
  createEffect(on(currentTeam, (id) => {
    if (id) setForm('teamId', id);
    setForm('assignee', '');
  }, { defer: true }));
  const chosen = () => form.assignee || suggested();
  const nameOf = (id: string) => props.staff.find((m) => m.id === id)?.name ?? '';
  const teamName = (id: string) => props.settings.teams.find((tm) => tm.id === id)?.name ?? id;

  const forms: Record<Step, () => JSX.Element> = {
    answer: () => <InquiryAnswer office={props.office} requestId={props.req.id} />,
    dispatch: () => (
      <StepForm title={s() === 'accepted' ? t('action.dispatch') : t('action.reassign')} submit={s() === 'accepted' ? t('action.dispatch') : t('action.reassign')}
        onSubmit={() => step((req, ctx) => dispatch(req, form.teamId, chosen(), ctx, { team: teamName(form.teamId), assignee: nameOf(chosen()) }))} onDone={() => setForm('assignee', '')}>
        <div class="grid-2">
          <label>
            {t('requests.team')}
            <select name="team" value={form.teamId} onChange={(e) => setForm({ teamId: e.currentTarget.value, assignee: '' })}>
              <For each={props.settings.teams}>{(tm) => <option value={tm.id}>{tm.name}</option>}</For>
            </select>
          </label>
          <label>
            {t('requests.assignee')}
            <select name="assignee" value={chosen()} onChange={(e) => setForm('assignee', e.currentTarget.value)}>
              <option value="">{t('requests.unassigned')}</option>
              <For each={members()}>{(m) => <option value={m.id}>{m.name}（{load().get(m.id) ?? 0}）</option>}</For>
            </select>
          </label>
        </div>
        <Show when={suggested()}>
          <p class="muted">{t('requests.suggested', { name: nameOf(suggested()), n: load().get(suggested()) ?? 0 })}</p>
        </Show>
        {/* A new office's teams have nobody in them: say so, and where to put people in, instead of only 未指派. */}
        <Show when={!members().length}>
          <p class="hint" data-testid="team-empty">{t('requests.teamEmpty', { team: teamName(form.teamId) })} <A href="/settings/staff">{t('requests.setUpTeam')}</A></p>
        </Show>
      </StepForm>
    ),
    reassign: () => forms.dispatch(),
    start: () => (
      <StepForm title={t('action.start')} submit={t('action.start')} onSubmit={() => step((req, ctx) => startWork(req, ctx))} />
    ),
    complete: () => (
      <StepForm title={t('action.complete')} submit={t('action.complete')} onSubmit={() => step((req, ctx) => completeWork(req, form.report, form.signed, form.signedDate, ctx))} onDone={() => setForm('report', '')}>
        <label>
          {t('requests.report')}
          <textarea name="report" rows={2} maxLength={LIMITS.note} value={form.report} onInput={(e) => setForm('report', e.currentTarget.value)} />
        </label>
        <div class="grid-2">
          <label class="inline">
            <input type="checkbox" name="signed" checked={form.signed} onChange={(e) => setForm('signed', e.currentTarget.checked)} />
            {t('requests.signed')}
          </label>
          <Show when={form.signed}>
            <label>
              {t('requests.signedDate')}
              <input {...dateField('date')} name="signedDate" value={form.signedDate} onInput={(e) => setForm('signedDate', e.currentTarget.value)} />
            </label>
          </Show>
        </div>
      </StepForm>
    ),
    reportBack: () => (
      <StepForm title={t('action.reportBack')} submit={t('action.reportBack')} onSubmit={() => step((req, ctx) => reportBack(req, form.note, ctx))} onDone={() => setForm('note', '')}>
        <label>
          {t('requests.note')}
          <input name="reportNote" maxLength={LIMITS.longText} value={form.note} onInput={(e) => setForm('note', e.currentTarget.value)} />
        </label>
      </StepForm>
    ),
    followUp: () => (
      <StepForm title={t('action.followUp')} submit={t('action.followUp')} onSubmit={() => step((req, ctx) => recordFollowUp(req, form.method, form.satisfaction, form.comment, ctx))}
        onDone={() => setForm({ satisfaction: 0, comment: '' })}>
        <div class="grid-2">
          <SelectField label={t('requests.method')} name="method" value={form.method} options={FOLLOW_UP_METHODS} text={(m) => t(`method.${m}`)} onChange={(m) => setForm('method', m)} />
          <fieldset class="satisfaction">
            <legend>{t('requests.satisfaction')}</legend>
            <For each={[1, 2, 3, 4, 5]}>
              {(n) => (
                <label class="inline">
                  <input type="radio" name="satisfaction" value={n} checked={form.satisfaction === n} onChange={() => setForm('satisfaction', n)} />
                  {t(`sat.${n}` as 'sat.1')}
                </label>
              )}
            </For>
          </fieldset>
        </div>
        <label>
          {t('requests.comment')}
          <input name="followComment" maxLength={LIMITS.longText} value={form.comment} onInput={(e) => setForm('comment', e.currentTarget.value)} />
        </label>
      </StepForm>
    ),
    close: () => (
      // The reason is asked only where the domain needs one: a manager closing without a satisfied 回访.
      <StepForm title={t('action.close')} submit={closeNeedsReason(props.req) ? t('action.closeManager') : t('action.close')} tone="danger"
        onSubmit={() => step((req, ctx) => closeRequest(req, ctx, props.role, closeNeedsReason(req) ? form.reason : ''))} onDone={() => setForm('reason', '')}>
        {props.beforeClose /* pictures not on the relay yet (issue 19) */}
        <Show when={closeNeedsReason(props.req)}>
          <label>
            {t('requests.reason')}
            <input name="closeReason" maxLength={LIMITS.longText} value={form.reason} onInput={(e) => setForm('reason', e.currentTarget.value)} />
          </label>
        </Show>
      </StepForm>
    ),
    reopen: () => (
      <StepForm title={t('action.reopen')} submit={t('action.reopen')} tone="danger" onSubmit={() => step((req, ctx) => reopenRequest(req, form.reopenReason, ctx))} onDone={() => setForm('reopenReason', '')}>
        <label>
          {t('requests.reason')}
          <input name="reopenReason" maxLength={LIMITS.longText} value={form.reopenReason} onInput={(e) => setForm('reopenReason', e.currentTarget.value)} />
        </label>
      </StepForm>
    ),
    wait: () => (
        <StepForm title={t('action.wait')} submit={t('action.wait')} onSubmit={() => step((req, ctx) => waitOnResident(req, form.waitNote, ctx))} onDone={() => setForm('waitNote', '')}>
          <label>
            {t('requests.note')}
            <input name="waitNote" maxLength={LIMITS.longText} value={form.waitNote} onInput={(e) => setForm('waitNote', e.currentTarget.value)} />
          </label>
        </StepForm>
    ),
    resume: () => (
        <StepForm title={t('action.resume')} submit={t('action.resume')} onSubmit={() => step((req, ctx, settings) => resumeWork(req, settings, ctx))} />
    ),
    handOver: () => (
      <StepForm title={t('action.handOver')} submit={t('action.handOver')} onSubmit={() => step((req, ctx) => handOver(req, form.owner, nameOf(form.owner), ctx))} onDone={() => setForm('owner', '')}>
        <label>
          {t('requests.owner')}
          <select name="owner" value={form.owner} onChange={(e) => setForm('owner', e.currentTarget.value)}>
            <option value="">—</option>
            <For each={props.staff.filter((m) => m.id !== props.req.ownerId)}>{(m) => <option value={m.id}>{m.name}</option>}</For>
          </select>
        </label>
      </StepForm>
    ),
  };
  const steps = () => allowedSteps(props.req, props.role);

  return (
    <section class="card steps-panel" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('requests.actions')}</h2>
      <Show when={steps()[0]} keyed>{(first) => forms[first]()}</Show>
      <Show when={steps().length > 1}>
        <details class="more-steps">
          <summary>{t('requests.moreSteps')}</summary>
          <For each={steps().slice(1)}>{(step) => forms[step]()}</For>
        </details>
      </Show>
    </section>
  );
}
