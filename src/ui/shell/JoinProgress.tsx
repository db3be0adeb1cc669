import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { SyncStatus } from '../../store/sync';
import { shardLabel } from './shard-label';

/**
 * What a tablet is fetching while the relay sends a shard in pieces (a new tablet's join, or one
 * back after a long absence): which shard, how far, how many wait after it, and — once office
 * and directory are in — that the desk can already work.
 */
export function JoinProgress(props: { status: SyncStatus }) {
  return (
    <Show when={props.status.fetching}>
      {(fetching) => (
        <div class="join-progress" role="status" data-testid="join-progress" data-shard={fetching().shard} data-percent={fetching().percent}>
          <p>
            <span>{t('join.fetching', { what: shardLabel(fetching().shard), percent: fetching().percent })}</span>
            <Show when={fetching().waiting > 0}>
              <span class="muted"> · {t('join.waiting', { n: fetching().waiting })}</span>
            </Show>
          </p>
          <progress max="100" value={fetching().percent} aria-label={t('join.progressLabel')} />
          <Show when={props.status.usable}>
            <p class="muted">{t('join.usable')}</p>
          </Show>
        </div>
      )}
    </Show>
  );
}
