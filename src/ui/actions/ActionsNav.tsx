import { A } from '@solidjs/router';
import { t } from '../../i18n';

/** The manager's month: the actions, the month's case review, the annual report (issue 21). */
export function ActionsNav() {
  return (
    <nav class="tabs sub-nav" aria-label={t('actions.nav')}>
      <A href="/dashboard" activeClass="active">{t('nav.dashboard')}</A>
      <A href="/actions" end activeClass="active">{t('actions.title')}</A>
      <A href="/actions/review" activeClass="active">{t('review.title')}</A>
      <A href="/annual" activeClass="active">{t('annual.title')}</A>
    </nav>
  );
}
