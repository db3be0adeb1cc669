import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { isOverdue } from '../../domain/requests/lifecycle';
import type { RequestRow } from '../../domain/requests/types';
import { formatDateTime, t } from '../../i18n';

/** One line of a queue: number, kind, who and where, what, state and deadline. */
export function RequestRowView(props: { row: RequestRow; now: Date }) {
  const overdue = () => isOverdue(props.row, props.now);
  return (
    <A href={`/requests/${props.row.id}`} class="row request-row" classList={{ overdue: overdue() }}>
      <span class="number">{props.row.number}</span>
      <span class="chips">
        <span class={`chip kind-${props.row.kind}`}>{t(`reqkind.${props.row.kind}`)}</span>
        <Show when={props.row.urgency === 'urgent'}>
          <span class="chip urgent">{t('urgency.urgent')}</span>
        </Show>
      </span>
      <span class="who">{[props.row.unitCode, props.row.customerName].filter(Boolean).join(' ') || '—'}</span>
      <span class="summary">{props.row.summary}</span>
      <span class={`status status-${props.row.status}`}>
        {t(`reqstatus.${props.row.status}`)}
        <Show when={props.row.waiting}> · {t('requests.waiting')}</Show>
      </span>
      <span class="due">
        <Show when={overdue()} fallback={props.row.dueFinish && props.row.open ? formatDateTime(props.row.dueFinish) : ''}>
          <strong>{t('requests.overdue')}</strong>
        </Show>
      </span>
    </A>
  );
}
