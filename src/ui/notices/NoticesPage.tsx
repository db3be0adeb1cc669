import { Show } from 'solid-js';
import { localDay } from '../../domain/days';
import { inForce } from '../../domain/notices/notice';
import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { listNotices } from '../../store/queries/notices';
import { BoardListPage, RecordRow } from '../common/RecordList';
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
    <BoardListPage title={t('notice.title')} newHref={boardLinks.newNotice()} newLabel={t('notice.new')} nav={<BoardNav />}
      rows={rows()} empty={t('notice.none')} testId="notice-list">
      {(n) => (
        <RecordRow class="resident-row" href={boardLinks.notice(n.id)} title={n.title}
          chips={<>
            <span class="chip">{t(`noticeKind.${n.kind}` as never)}</span>
            <Show when={inForce(n, today)}><span class="chip need">{t('notice.inForce')}</span></Show>
            <Show when={n.withdrawn}><span class="chip status">{t('notice.withdrawnChip')}</span></Show>
          </>}
          meta={<>{n.from} – {n.to} · {audienceText(n)}</>} />
      )}
    </BoardListPage>
  );
}
