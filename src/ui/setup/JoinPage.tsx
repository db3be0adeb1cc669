import { useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import { loadDeviceConfig, parseJoinLink, saveDeviceConfig } from '../../store/device';
import { registerDevice } from '../../store/relay-api';
import { openOffice } from '../session';
import { relayErrorText } from './Setup';

/**
 * Opened from a join link or QR code: /join#relay=…&office=…&token=…. The relay hands this
 * device its short code; the token is then kept on the device and wiped from the address bar.
 */
export function JoinPage() {
  const navigate = useNavigate();
  const [error, setError] = createSignal('');
  onMount(async () => {
    const link = parseJoinLink(location.hash);
    history.replaceState(null, '', '/join');
    if (!link) return setError(t('setup.badLink'));
    const existing = loadDeviceConfig();
    if (existing && existing.officeId === link.officeId && existing.token === link.token) {
      openOffice(existing);
      return navigate('/today', { replace: true });
    }
    try {
      const { deviceCode, name } = await registerDevice(link.relayUrl, link.officeId, link.token);
      const config = { ...link, officeName: name || link.officeName, deviceCode };
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
