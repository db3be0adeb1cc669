import { useNavigate } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import { fail, ok, type Result } from '../../domain/result';
import { t } from '../../i18n';
import { loadDeviceConfig, parseJoinLink, saveDeviceConfig, type DeviceConfig } from '../../store/device';
import { checkDeviceToken, joinWithInvitation, RelayRequestError } from '../../store/relay-api';
import { openOffice } from '../session';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { relayProblem } from './relay-problem';

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
  // Joining is one run of an action: its reasons, if refused, are the page.
  const action = createAction();
  const join = async (): Promise<Result<void>> => {
    const link = parseJoinLink(location.hash);
    history.replaceState(null, '', '/join');
    if (!link) return fail({ code: 'setup.badLink' });
    const existing = loadDeviceConfig();
    if (!link.invite) {
      // An old link carrying the office token: it still opens the tablet that already holds it.
      if (existing && existing.officeId === link.officeId && existing.token === link.token) {
        openOffice(existing);
        navigate('/customers', { replace: true });
        return ok(undefined);
      }
      return fail({ code: 'setup.linkRetired' });
    }
    if (existing && existing.officeId === link.officeId && existing.deviceToken && (await stillMember(existing))) {
      // Already in this office with a working token: open it, and leave the invitation unspent.
      openOffice(existing);
      navigate('/today', { replace: true });
      return ok(undefined);
    }
    try {
      const joined = await joinWithInvitation(link.relayUrl, link.officeId, link.invite);
      if (existing && existing.officeId === link.officeId) {
        saveDeviceConfig({ ...existing, relayUrl: link.relayUrl, token: joined.token, deviceCode: joined.deviceCode, deviceToken: true });
        // The open store still holds the old token: start afresh from the saved config.
        location.replace('/customers');
        return ok(undefined);
      }
      const config: DeviceConfig = { officeId: link.officeId, officeName: joined.name || link.officeName, relayUrl: link.relayUrl, token: joined.token, deviceCode: joined.deviceCode, deviceToken: true };
      saveDeviceConfig(config);
      openOffice(config);
      navigate('/today', { replace: true });
      return ok(undefined);
    } catch (err) {
      return fail(relayProblem(err, link.relayUrl));
    }
  };
  onMount(() => void action.run(join));
  return (
    <main class="setup">
      <Show when={action.problems().length} fallback={<p role="status">{t('common.loading')}</p>}>
        <Problems problems={action.problems()} />
        <a href="/" class="button">{t('common.back')}</a>
      </Show>
    </main>
  );
}
