import { A } from '@solidjs/router';
import { t } from '../../i18n';
import { eventLinks } from './event-links';

/** The 活动 section's own links: the list, 扫码, and the paper lists. */
export function EventsNav() {
  return (
    <nav class="tabs sub-nav" aria-label={t('events.sectionNav')}>
      <A href={eventLinks.list()} end activeClass="active">{t('events.title')}</A>
      <A href={eventLinks.scan()} activeClass="active">{t('scan.title')}</A>
      <A href={eventLinks.papers()} activeClass="active">{t('papers.title')}</A>
    </nav>
  );
}
