import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { LockButton } from '../lock/IdleLock';
import { PresenceList } from './Presence';
import { SyncBadge } from './SyncBadge';
import { officeSettings } from '../../store/queries/settings';

export function AppBar(props: { office: Office }) {
  const settings = createLive(() => props.office, (o) => officeSettings(o.db), undefined);
  const officeName = () => settings()?.name || props.office.config.officeName;
  return (
    <header class="app-bar">
      <div class="brand">
        <span class="logo" aria-hidden="true">邻</span>
        <span class="title">{t('app.name')}</span>
        <Show when={officeName()}>
          <span class="office" data-testid="office-name">{officeName()}</span>
        </Show>
      </div>
      <nav aria-label={t('nav.main')}>
        <A href="/today" activeClass="active">{t('nav.today')}</A>
        <A href="/requests" activeClass="active">{t('nav.requests')}</A>
        <A href="/customers" activeClass="active">{t('nav.customers')}</A>
        <A href="/units" activeClass="active">{t('nav.units')}</A>
        <A href="/answers" activeClass="active">{t('nav.answers')}</A>
        {/* Notices, incidents and lists of residents (issue 20): one link, the section has its own tabs */}
        <A href="/notices" activeClass="active">{t('nav.notices')}</A>
        <A href="/events" activeClass="active">{t('nav.events')}</A>
        <A href="/dashboard" activeClass="active">{t('nav.dashboard')}</A>
        <A href="/surveys" activeClass="active">{t('nav.surveys')}</A>
        <A href="/settings" activeClass="active">{t('nav.settings')}</A>
      </nav>
      <div class="status">
        <PresenceList peers={props.office.presence.peers()} />
        <SyncBadge status={props.office.sync.status()} />
        <LockButton office={props.office} />
      </div>
    </header>
  );
}
