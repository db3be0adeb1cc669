import { createResource, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { checkDeviceToken, RelayRequestError } from '../../store/relay-api';
import { BackupButton } from '../settings/BackupButton';
import '../settings/devices.css';

/**
 * Shown when the relay refuses this tablet (close code 4401). It asks the relay why: a tablet a
 * manager removed is told so plainly; either way it says how many of its edits never reached
 * the office and offers them as a file, so nothing pending is kept silently.
 */
export function RemovedNotice(props: { office: Office }) {
  const [why] = createResource(
    () => props.office,
    async (o) => {
      try {
        await checkDeviceToken(o.config.relayUrl, o.config.officeId, o.config.token);
        return 'invalid' as const;
      } catch (err) {
        return err instanceof RelayRequestError && err.reason === 'revoked' ? ('removed' as const) : ('invalid' as const);
      }
    },
  );
  const pending = () => props.office.sync.status().pending;
  return (
    <>
    <p class="banner error" role="alert">{why() === 'removed' ? t('removed.title') : t('sync.unauthorized')}</p>
    <section class="card removed" aria-labelledby="removed-title" data-testid="removed-notice" data-reason={why() ?? ''}>
      <h2 id="removed-title">{why() === 'removed' ? t('removed.title') : t('sync.unauthorizedShort')}</h2>
      <p>{why() === 'removed' ? t('removed.body') : t('removed.invalid')}</p>
      <p class="pending-count" data-testid="removed-pending" data-pending={pending()}>
        {pending() > 0 ? t('removed.pending', { n: pending() }) : t('removed.nonePending')}
      </p>
      <p class="muted">{t('removed.exportHelp')}</p>
      <BackupButton office={props.office} label={t('removed.export')} />
      <p class="muted">{t('removed.rejoin')}</p>
    </section>
    </>
  );
}
