import { createSignal, Show } from 'solid-js';
import { isPlanEditable } from '../../domain/events/steps';
import type { CommunityEvent } from '../../domain/events/types';
import { t } from '../../i18n';
import { decide, submitForApproval, updatePlan } from '../../store/events';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { StepForm } from '../requests/StepForm';
import { ActionButton } from './ActionButton';
import { PlanForm } from './PlanForm';
import { allStaff } from '../../store/queries/staff';

/** The plan's facts, its revision while it may change, and the approval step (提交审批 → 批准 / 退回). */
export function PlanCard(props: { office: Office; event: CommunityEvent; role: string }) {
  const [editing, setEditing] = createSignal(false);
  const [comment, setComment] = createSignal('');
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const name = (id: string) => staff().find((s) => s.id === id)?.name ?? '—';
  const e = () => props.event;
  const editable = () => isPlanEditable(e());
  const groups = () => [
    ...e().groups.buildings.map((b) => t('events.buildingN', { n: b })),
    ...e().groups.kinds.map((k) => t(`kind.${k}` as 'kind.owner')),
    ...e().groups.tags,
  ].join('、') || '—';
  return (
    <section class="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('events.plan')}</h2>
      <Show
        when={!editing()}
        fallback={<PlanForm office={props.office} kind={e().kind} event={e()} onCancel={() => setEditing(false)} onSave={async (input) => { const r = await updatePlan(props.office, e().id, input); if (r.ok) setEditing(false); return r; }} />}
      >
        <dl class="facts bare" data-testid="plan-facts">
          <dt>{t('events.purpose')}</dt><dd class="pre">{e().purpose || '—'}</dd>
          <Show when={e().kind === 'seminar'}><dt>{t('events.scope')}</dt><dd>{t(`evscope.${e().scope}`)}{e().topic ? ` · ${e().topic}` : ''}</dd></Show>
          <dt>{t('events.startsAt')}</dt><dd>{e().startsAt.replace('T', ' ') || '—'}</dd>
          <dt>{t('events.place')}</dt><dd>{e().place || '—'}</dd>
          <dt>{t('events.form')}</dt><dd>{e().form || '—'}</dd>
          <dt>{t('events.groups')}</dt><dd>{groups()}</dd>
          <dt>{t('events.budget')}</dt><dd>{e().budget || '—'}</dd>
          <dt>{t('events.host')}</dt><dd>{name(e().hostId)}</dd>
          <dt>{t('events.recorder')}</dt><dd>{name(e().recorderId)}</dd>
        </dl>
        <Show when={editable()}>
          <div class="actions start">
            <button type="button" onClick={() => setEditing(true)}>{t('events.editPlan')}</button>
            <ActionButton label={t('approval.submit')} run={() => submitForApproval(props.office, e().id)} />
          </div>
        </Show>
      </Show>
      <Show when={e().approvalComment || e().decidedByName}>
        <p class={`approval-note ${e().status === 'rejected' ? 'rejected' : ''}`} data-testid="approval-note">
          {t(e().status === 'rejected' ? 'approval.rejectedBy' : 'approval.decidedBy', { name: e().decidedByName })}{e().approvalComment ? `：${e().approvalComment}` : ''}
        </p>
      </Show>
      <Show when={e().status === 'submitted'}>
        <Show when={props.role === 'manager'} fallback={<p class="muted">{t('approval.waiting')}</p>}>
          <div class="decide">
            <StepForm title={t('approval.decide')} submit={t('approval.approve')} onSubmit={() => decide(props.office, e().id, true, comment())} onDone={() => setComment('')}>
              <label>
                {t('approval.comment')}
                <textarea name="comment" rows={2} value={comment()} onInput={(ev) => setComment(ev.currentTarget.value)} />
              </label>
            </StepForm>
            <ActionButton tone="danger" label={t('approval.reject')} run={() => decide(props.office, e().id, false, comment())} onDone={() => setComment('')} />
          </div>
        </Show>
      </Show>
    </section>
  );
}
