import { createEffect, createMemo, For, on, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../domain/limits';
import { createStore } from 'solid-js/store';
import { dateField } from '../../i18n/date-field';
import { allowedComplaintSteps, type ComplaintStep } from '../../domain/requests/steps';
import {
  addTask, complaintState, completeTask, decideSettlement, investigate, negotiate, proposeSettlement, sendCorrectiveAction, signAgreement,
} from '../../domain/requests/complaint';
import { REMEDIES, RESPONSIBILITIES, SEVERITIES, type Remedy, type Responsibility, type ServiceRequest, type Severity } from '../../domain/requests/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { runStep } from '../../store/requests';
import { StepForm } from './StepForm';

/**
 * 投诉处理: investigation, settlement and approval, negotiation, agreement, tasks, corrective
 * actions — the step the stage calls for open (`allowedComplaintSteps`), the others behind 更多操作.
 */
export function ComplaintSteps(props: { office: Office; req: ServiceRequest; role: string }) {
  const step = (build: Parameters<typeof runStep>[2]) => runStep(props.office, props.req.id, build);
  const state = () => complaintState(props.req.history);
  const open = () => props.req.status !== 'closed';
  const inv = props.req.investigation;
  // The step forms' fields, one store: each form empties its own fields once its step is saved.
  const [form, setForm] = createStore({
    facts: inv?.facts ?? '', cause: inv?.cause ?? '', responsibility: (inv?.responsibility ?? 'company') as Responsibility, severity: (inv?.severity ?? 'general') as Severity,
    proposal: '', remedies: [] as Remedy[], decision: '', roundNote: '', signedOn: new Date().toISOString().slice(0, 10),
    department: '', task: '', capaDept: '', capa: '',
  });
  const pending = () => state().proposals.find((p) => p.status === 'pending');
  // An investigation saved meanwhile (by a colleague, or here) fills the fields not being edited.
  const saved = createMemo(() => props.req.investigation, undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  createEffect(on(saved, (now, before) => {
    if (!now) return;
    if (form.facts === (before?.facts ?? '')) setForm('facts', now.facts);
    if (form.cause === (before?.cause ?? '')) setForm('cause', now.cause);
    if (form.responsibility === (before?.responsibility ?? 'company')) setForm('responsibility', now.responsibility);
    if (form.severity === (before?.severity ?? 'general')) setForm('severity', now.severity);
  }, { defer: true }));

  const forms: Record<ComplaintStep, () => JSX.Element> = {
    investigate: () => (
      <>
        <StepForm title={t('requests.investigation')} submit={t('action.investigate')}
          onSubmit={() => step((req, ctx) => investigate(req, { facts: form.facts, cause: form.cause, responsibility: form.responsibility, severity: form.severity }, ctx))}>
          <label>{t('requests.facts')}<textarea name="facts" rows={2} maxLength={LIMITS.note} value={form.facts} onInput={(e) => setForm('facts', e.currentTarget.value)} /></label>
          <label>{t('requests.cause')}<input name="cause" maxLength={LIMITS.longText} value={form.cause} onInput={(e) => setForm('cause', e.currentTarget.value)} /></label>
          <div class="grid-2">
            <label>{t('requests.responsibility')}
              <select name="responsibility" value={form.responsibility} onChange={(e) => setForm('responsibility', e.currentTarget.value as Responsibility)}>
                <For each={RESPONSIBILITIES}>{(r) => <option value={r}>{t(`resp.${r}`)}</option>}</For>
              </select>
            </label>
            <label>{t('requests.severity')}
              <select name="severity" value={form.severity} onChange={(e) => setForm('severity', e.currentTarget.value as Severity)}>
                <For each={SEVERITIES}>{(v) => <option value={v}>{t(`sev.${v}`)}</option>}</For>
              </select>
            </label>
          </div>
        </StepForm>
      </>
    ),
    propose: () => (
      <>
        <StepForm title={t('requests.proposals')} submit={t('action.propose')} onSubmit={() => step((req, ctx) => proposeSettlement(req, form.proposal, [...form.remedies], ctx))}
          onDone={() => setForm({ proposal: '', remedies: [] })}>
          <label>{t('requests.proposal')}<textarea name="proposal" rows={2} maxLength={LIMITS.note} value={form.proposal} onInput={(e) => setForm('proposal', e.currentTarget.value)} /></label>
          <fieldset class="remedies">
            <legend>{t('requests.remedies')}</legend>
            <For each={REMEDIES}>
              {(r) => (
                <label class="inline">
                  <input type="checkbox" checked={form.remedies.includes(r)} onChange={(e) => setForm('remedies', e.currentTarget.checked ? [...form.remedies, r] : form.remedies.filter((x) => x !== r))} />
                  {t(`remedy.${r}`)}
                </label>
              )}
            </For>
          </fieldset>
        </StepForm>
      </>
    ),
    decide: () => (
      <Show when={pending()}>
        {(p) => (
          <Show when={props.role === 'manager'} fallback={<p class="muted">{t('requests.managerNote')}</p>}>
            <div class="decide">
              <label>{t('requests.decisionComment')}<input name="decisionComment" maxLength={LIMITS.longText} value={form.decision} onInput={(e) => setForm('decision', e.currentTarget.value)} /></label>
              <StepForm title={t('action.approve')} submit={t('action.approve')} onSubmit={() => step((req, ctx) => decideSettlement(req, p().id, true, form.decision, props.role, ctx))} onDone={() => setForm('decision', '')} />
              <StepForm title={t('action.reject')} submit={t('action.reject')} tone="danger" onSubmit={() => step((req, ctx) => decideSettlement(req, p().id, false, form.decision, props.role, ctx))} onDone={() => setForm('decision', '')} />
            </div>
          </Show>
        )}
      </Show>
    ),
    negotiate: () => (
      <>
        <div class="decide">
          <label>{t('requests.negotiation')}<input name="roundNote" maxLength={LIMITS.longText} value={form.roundNote} onInput={(e) => setForm('roundNote', e.currentTarget.value)} /></label>
          <StepForm title={t('action.agreed')} submit={t('action.agreed')} onSubmit={() => step((req, ctx) => negotiate(req, 'agreed', form.roundNote, ctx))} onDone={() => setForm('roundNote', '')} />
          <StepForm title={t('action.revise')} submit={t('action.revise')} tone="danger" onSubmit={() => step((req, ctx) => negotiate(req, 'revise', form.roundNote, ctx))} onDone={() => setForm('roundNote', '')} />
        </div>
      </>
    ),
    signAgreement: () => (
      <>
        <StepForm title={t('requests.agreement')} submit={t('action.signAgreement')} onSubmit={() => step((req, ctx) => signAgreement(req, form.signedOn, ctx))}>
          <label>{t('requests.signedDate')}<input {...dateField('date')} name="agreementDate" value={form.signedOn} onInput={(e) => setForm('signedOn', e.currentTarget.value)} /></label>
        </StepForm>
      </>
    ),
    addTask: () => (
      <>
          <StepForm title={t('action.addTask')} submit={t('action.addTask')} onSubmit={() => step((req, ctx) => addTask(req, form.department, form.task, ctx))} onDone={() => setForm({ department: '', task: '' })}>
            <div class="grid-2">
              <label>{t('requests.department')}<input name="taskDepartment" maxLength={LIMITS.name} value={form.department} onInput={(e) => setForm('department', e.currentTarget.value)} /></label>
              <label>{t('requests.task')}<input name="taskText" maxLength={LIMITS.longText} value={form.task} onInput={(e) => setForm('task', e.currentTarget.value)} /></label>
            </div>
          </StepForm>
      </>
    ),
    corrective: () => (
      <>
        <StepForm title={t('requests.corrective')} submit={t('action.sendCorrective')} onSubmit={() => step((req, ctx) => sendCorrectiveAction(req, form.capaDept, form.capa, ctx))} onDone={() => setForm({ capaDept: '', capa: '' })}>
          <div class="grid-2">
            <label>{t('requests.department')}<input name="capaDepartment" maxLength={LIMITS.name} value={form.capaDept} onInput={(e) => setForm('capaDept', e.currentTarget.value)} /></label>
            <label>{t('requests.correctiveAction')}<input name="capaAction" maxLength={LIMITS.longText} value={form.capa} onInput={(e) => setForm('capa', e.currentTarget.value)} /></label>
          </div>
        </StepForm>
      </>
    ),
  };
  const steps = () => allowedComplaintSteps(props.req, props.role);

  return (
    <section class="card steps-panel complaint" aria-labelledby="complaint-title">
      <h2 id="complaint-title">{t('requests.stage')}：<span data-testid="complaint-stage">{t(`stage.${state().stage}`)}</span>
        <Show when={!open()}> · {t('reqstatus.closed')}</Show></h2>
      <h3>{t('requests.proposals')}</h3>
      <ol class="plain proposals" data-testid="proposals">
        <For each={state().proposals}>
          {(p) => (
            <li class={`proposal ${p.status}`}>
              <span class="chip">{t(`proposal.${p.status}`)}</span>{' '}
              <span class="proposal-text">{p.text}<Show when={p.remedies.length}> <span class="muted">（{p.remedies.map((r) => t(`remedy.${r}`)).join('、')}）</span></Show></span>
              {/* The manager's reason stays readable when the proposal is struck through. */}
              <Show when={p.decidedBy}> <span class="muted decision">— {p.decidedBy}{p.comment ? `：${p.comment}` : ''}</span></Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={open() && pending() && props.role !== 'manager'}>
        <p class="muted" data-testid="awaiting-manager">{t('requests.managerNote')}</p>
      </Show>
      <Show when={open() && state().stage === 'registered'}>
        <p class="muted">{t('request.error.investigateFirst')}</p>
      </Show>
      <Show when={state().stage === 'signed' || state().tasks.length}>
        <h3>{t('requests.tasks')}</h3>
        <ul class="plain" data-testid="tasks">
          <For each={state().tasks}>
            {(k) => (
              <li class="task">
                <span>{k.done ? '✓' : '○'} <strong>{k.department}</strong> {k.text}</span>
                <Show when={!k.done && open()}>
                  <button type="button" onClick={() => void step((req, ctx) => completeTask(req, k.id, ctx))}>{t('action.taskDone')}</button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={state().corrective.length}>
        <h3>{t('requests.corrective')}</h3>
        <ul class="plain">
          <For each={state().corrective}>{(c) => <li><strong>{c.department}</strong> {c.action} <span class="muted">— {c.by}</span></li>}</For>
        </ul>
      </Show>
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
