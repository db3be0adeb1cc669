import { A } from '@solidjs/router';
import { t } from '../../i18n';
import { boardLinks } from './links';

/** The section's own links: 通知公告, 突发事件, 住户名单. */
export function BoardNav() {
  return (
    <nav class="tabs sub-nav" aria-label={t('board.sectionNav')}>
      <A href={boardLinks.notices()} activeClass="active">{t('notice.title')}</A>
      <A href={boardLinks.incidents()} activeClass="active">{t('incident.title')}</A>
      <A href={boardLinks.residents()} activeClass="active">{t('residents.title')}</A>
    </nav>
  );
}
