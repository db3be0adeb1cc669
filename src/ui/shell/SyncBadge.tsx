import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { SyncStatus } from '../../store/sync';

const LABEL = {
  offline: 'sync.offline',
  connecting: 'sync.connecting',
  synced: 'sync.synced',
  unauthorized: 'sync.unauthorizedShort',
} as const;

/** 离线 / 连接中 / 已同步, plus "N 项待同步" while this device holds unsent edits. */
export function SyncBadge(props: { status: SyncStatus }) {
  const text = () => t(LABEL[props.status.state]);
  return (
    <div class={`sync-badge sync-${props.status.state}`} role="status" aria-live="polite" aria-label={t('sync.label', { state: text() })} data-testid="sync-status" data-state={props.status.state} data-pending={props.status.pending}>
      <span class="dot" aria-hidden="true" />
      <span>{text()}</span>
      <Show when={props.status.pending > 0 && props.status.state !== 'synced'}>
        <span class="pending">· {t('sync.pending', { n: props.status.pending })}</span>
      </Show>
    </div>
  );
}
