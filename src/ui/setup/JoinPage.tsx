import { useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import { loadDeviceConfig, parseJoinLink, saveDeviceConfig, type DeviceConfig } from '../../store/device';
import { checkDeviceToken, joinWithInvitation, RelayRequestError } from '../../store/relay-api';
import { openOffice } from '../session';
import { relayErrorText } from './Setup';

/**
 * Opened from an invitation link or QR code: /join#relay=…&office=…&invite=…. The relay spends
 * the one-time code and hands this device its own token and short code; the link is then
 * wiped from the address bar. A tablet that rejoins its own office (after being removed, or
 * after the relay was re-seeded) keeps its IndexedDB and so its edits not yet sent.
 */
/** True unless the relay says this device's token is revoked or unknown (offline counts as a member). */
async function stillMember(config: DeviceConfig): Promise<boolean> {
  try {
    await checkDeviceToken(config.relayUrl, config.officeId, config.token);
    return true;
  } catch (err) {
    return !(err instanceof RelayRequestError) || err.reason === 'unreachable' || err.reason === 'failed';
  }
}

export function JoinPage() {
  const navigate = useNavigate();
  const [error, setError] = createSignal('');
  onMount(async () => {
    const link = parseJoinLink(location.hash);
    history.replaceState(null, '', '/join');
    if (!link) return setError(t('setup.badLink'));
    const existing = loadDeviceConfig();
    if (!link.invite) {
      // An old link carrying the office token: it still opens the tablet that already holds it.
      if (existing && existing.officeId === link.officeId && existing.token === link.token) {
        openOffice(existing);
        return navigate('/customers', { replace: true });
      }
      return setError(t('setup.linkRetired'));
    }
    if (existing && existing.officeId === link.officeId && existing.deviceToken && (await stillMember(existing))) {
      // Already in this office with a working token: open it, and leave the invitation unspent.
      openOffice(existing);
      return navigate('/today', { replace: true });
    }
    try {
      const joined = await joinWithInvitation(link.relayUrl, link.officeId, link.invite);
      if (existing && existing.officeId === link.officeId) {
        saveDeviceConfig({ ...existing, relayUrl: link.relayUrl, token: joined.token, deviceCode: joined.deviceCode, deviceToken: true });
        // The open store still holds the old token: start afresh from the saved config.
        location.replace('/customers');
        return;
      }
      const config: DeviceConfig = { officeId: link.officeId, officeName: joined.name || link.officeName, relayUrl: link.relayUrl, token: joined.token, deviceCode: joined.deviceCode, deviceToken: true };
      saveDeviceConfig(config);
      openOffice(config);
      navigate('/today', { replace: true });
    } catch (err) {
      setError(relayErrorText(err, link.relayUrl));
    }
  });
  return (
    <main class="setup">
      <Show when={error()} fallback={<p role="status">{t('common.loading')}</p>}>
        <p class="problems" role="alert">{error()}</p>
        <a href="/" class="button">{t('common.back')}</a>
      </Show>
    </main>
  );
}
