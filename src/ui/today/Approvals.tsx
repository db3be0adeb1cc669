import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { plansAwaitingApproval } from '../../store/queries/events';
import { settlementsAwaitingApproval } from '../../store/queries/requests';
import { myRole } from '../../store/requests';
import { createLive } from '../../shared/bindings/live';

/**
 * 今日, for a manager: what waits on their decision — complaint settlements (处理方案) and
 * seminar, club and activity plans submitted for approval. Nobody else can decide them, so
 * nobody else is shown them here (the 待审批 queue stays open to all).
 */
export function AwaitingMe(props: { office: Office; today: string }) {
  const role = createLive(() => props.office, (o) => myRole(o), '');
  const settlements = createLive(() => (role() === 'manager' ? props.office : null), (o) => (o ? settlementsAwaitingApproval(o.db) : Promise.resolve([])), []);
  const plans = createLive(() => (role() === 'manager' ? props.office : null), (o) => (o ? plansAwaitingApproval(o.db) : Promise.resolve([])), []);
  const count = () => settlements().length + plans().length;
  return (
    <Show when={count()}>
      <section class="card today-section" aria-labelledby="today-approvals" data-testid="today-approvals">
        <h2 id="today-approvals">{t('today.approvals')} <span class="count">{count()}</span></h2>
        <ul class="plain">
          <For each={settlements()}>
            {(r) => (
              <li>
                <span class="chip">{t('today.approveSettlement')}</span>{' '}
                <A href={`/requests/${r.id}`}>{r.number}</A>{' '}
                <span>{r.customerName || r.unitCode}</span>{' '}
                <span class="muted">{r.summary}</span>
              </li>
            )}
          </For>
          <For each={plans()}>
            {(e) => (
              <li>
                <span class="chip">{t('today.approvePlan', { kind: t(`evkind.${e.kind}`) })}</span>{' '}
                <A href={`/events/${e.id}`}>{e.title}</A>{' '}
                <span class="muted">{formatDateTime(e.startsAt)}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
