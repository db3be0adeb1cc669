import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { persisted, requestPersistence, signOut } from '../session';
import { LanguagePicker } from './LanguagePicker';
import { TabletSetup } from './TabletSetup';
import './settings.css';
import { staffMember } from '../../store/queries/staff';
import { officeSettings } from '../../store/queries/settings';

export function SettingsPage(props: { office: Office }) {
  const config = () => props.office.config;
  const me = createLive(() => config().staffId ?? '', (id) => staffMember(props.office.db, id), undefined);
  const settings = createLive(() => props.office, (o) => officeSettings(o.db), undefined);
  return (
    <main class="page settings">
      <h1>{t('settings.title')}</h1>
      <dl class="facts">
        <dt>{t('settings.office')}</dt>
        <dd>{settings()?.name ?? config().officeName}</dd>
        <dt>{t('settings.device')}</dt>
        <dd data-testid="device-code">{config().deviceCode}</dd>
        <dt>{t('settings.me')}</dt>
        <dd>
          {me()?.name ?? '—'}
          <button type="button" class="link" onClick={signOut}>{t('settings.switchUser')}</button>
        </dd>
        <dt>{t('settings.relay')}</dt>
        <dd><code>{config().relayUrl}</code></dd>
      </dl>

      <nav class="settings-links" aria-labelledby="manage-title">
        <h2 id="manage-title">{t('settings.manage')}</h2>
        <ul class="rows">
          <li>
            <A href="/settings/service" class="row link-row">
              <strong>{t('settings.service')}</strong>
              <span class="muted">{t('settings.serviceHelp')}</span>
            </A>
          </li>
          <li>
            <A href="/settings/staff" class="row link-row">
              <strong>{t('settings.staff')}</strong>
              <span class="muted">{t('settings.staffHelp')}</span>
            </A>
          </li>
          <li>
            <A href="/settings/personal" class="row link-row">
              <strong>{t('settings.personal')}</strong>
              <span class="muted">{t('settings.personalHelp')}</span>
            </A>
          </li>
          <li>
            <A href="/settings/templates" class="row link-row">
              <strong>{t('settings.templates')}</strong>
              <span class="muted">{t('settings.templatesHelp')}</span>
            </A>
          </li>
          <li>
            <A href="/settings/plans" class="row link-row">
              <strong>{t('settings.plans')}</strong>
              <span class="muted">{t('settings.plansHelp')}</span>
            </A>
          </li>
          {/* The move-in checklist (issue 20, lists branch) */}
          <li>
            <A href="/settings/handover" class="row link-row">
              <strong>{t('handoverSettings.link')}</strong>
              <span class="muted">{t('handoverSettings.intro')}</span>
            </A>
          </li>
          <li>
            <A href="/settings/devices" class="row link-row">
              <strong>{t('settings.devices')}</strong>
              <span class="muted">{t('settings.devicesHelp')}</span>
            </A>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="storage-title">
        <h2 id="storage-title">{t('settings.storage')}</h2>
        <p data-testid="storage-persisted" data-persisted={String(persisted())}>
          {persisted() === null ? t('settings.storageUnknown') : persisted() ? t('settings.storagePersisted') : t('settings.storageNotPersisted')}
        </p>
        <Show when={persisted() === false}>
          <button type="button" onClick={() => void requestPersistence()}>{t('settings.storageRequest')}</button>
        </Show>
      </section>

      <section>
        <LanguagePicker />
      </section>

      <TabletSetup relayUrl={config().relayUrl} />
    </main>
  );
}
