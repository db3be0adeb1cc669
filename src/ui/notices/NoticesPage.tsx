import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localDay } from '../../domain/days';
import { inForce } from '../../domain/notices/notice';
import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { listNotices } from '../../store/queries/notices';
import { BoardNav } from './BoardNav';
import { audienceText } from './audience-text';
import { boardLinks } from './links';
import '../residents/residents.css';
import '../residents/need-chips.css';

/** 通知公告: every notice, newest first; those in force marked. */
export function NoticesPage(props: { office: Office }) {
  const rows = createLive(() => props.office, (o) => listNotices(o.db), []);
  const today = localDay();
  return (
    <main class="page wide">
      <div class="page-head">
        <h1>{t('notice.title')}</h1>
        <div class="head-actions">
          <A class="button primary" href={boardLinks.newNotice()}>{t('notice.new')}</A>
        </div>
      </div>
      <BoardNav />
      <Show when={rows().length} fallback={<p class="empty">{t('notice.none')}</p>}>
        <ul class="rows" data-testid="notice-list">
          <For each={rows()}>
            {(n) => (
              <li>
                <A class="row resident-row" href={boardLinks.notice(n.id)}>
                  <strong>{n.title}</strong>
                  <span class="chips">
                    <span class="chip">{t(`noticeKind.${n.kind}` as never)}</span>
                    <Show when={inForce(n, today)}><span class="chip need">{t('notice.inForce')}</span></Show>
                    <Show when={n.withdrawn}><span class="chip status">{t('notice.withdrawnChip')}</span></Show>
                  </span>
                  <span class="muted">{n.from} – {n.to} · {audienceText(n)}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </main>
  );
}
