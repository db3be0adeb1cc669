import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { isOverdue } from '../../domain/requests/lifecycle';
import type { RequestRow } from '../../domain/requests/types';
import { formatDateTime, t } from '../../i18n';
import { NeedChips } from '../residents/NeedChips';

/** One line of a queue: number, kind, who and where, what, state and deadline. */
/** 45 分钟, 3 小时, 2 天: how late or how long left, rounded the way staff say it. */
function duration(minutes: number): string {
  const m = Math.abs(minutes);
  if (m < 60) return t('duration.minutes', { n: Math.max(1, Math.round(m)) });
  if (m < 48 * 60) return t('duration.hours', { n: Math.round(m / 60) });
  return t('duration.days', { n: Math.round(m / 1440) });
}

/** `tags`: the customer's tags when they name a special need (行动不便, 独居老人), shown as chips. */
export function RequestRowView(props: { row: RequestRow; now: Date; teamName?: string; assigneeName?: string; tags?: string[] }) {
  const overdue = () => isOverdue(props.row, props.now);
  const left = () => (Date.parse(props.row.dueFinish) - props.now.getTime()) / 60_000;
  return (
    <A href={`/requests/${props.row.id}`} class="row request-row" classList={{ overdue: overdue() }}>
      <span class="number">{props.row.number}</span>
      <span class="chips">
        <span class={`chip kind-${props.row.kind}`}>{t(`reqkind.${props.row.kind}`)}</span>
        <Show when={props.row.urgency === 'urgent'}>
          <span class="chip urgent">{t('urgency.urgent')}</span>
        </Show>
        <Show when={props.tags}>{(tags) => <NeedChips tags={tags()} />}</Show>
      </span>
      <span class="who">{[props.row.unitCode, props.row.customerName].filter(Boolean).join(' ') || '—'}</span>
      <span class="summary">{props.row.summary}</span>
      <span class={`status status-${props.row.status}`}>
        {t(`reqstatus.${props.row.status}`)}
        <Show when={props.row.waiting}> · {t('requests.waiting')}</Show>
      </span>
      <span class="handler">{[props.teamName, props.assigneeName].filter(Boolean).join(' · ')}</span>
      <span class="due">
        <Show when={props.row.dueFinish && props.row.open && !props.row.waiting}>
          <time datetime={props.row.dueFinish}>{formatDateTime(props.row.dueFinish)}</time>{' '}
          <Show when={overdue()} fallback={<span class="left">{t('queue.left', { time: duration(left()) })}</span>}>
            <strong>{t('queue.late', { time: duration(left()) })}</strong>
          </Show>
        </Show>
      </span>
    </A>
  );
}
