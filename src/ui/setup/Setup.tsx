import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { t, type DictKey } from '../../i18n';
import { defaultRelayUrl, parseJoinLink, saveDeviceConfig } from '../../store/device';
import { createOfficeOnRelay, RelayRequestError } from '../../store/relay-api';
import { createStaff } from '../../domain/staff';
import { setOfficeName } from '../../domain/staff';
import { chooseStaff, openOffice } from '../session';
import { LanguagePicker } from '../settings/LanguagePicker';

const RELAY_ERRORS: Record<string, DictKey> = {
  unreachable: 'setup.relayUnreachable',
  forbidden: 'setup.createForbidden',
  unauthorized: 'setup.joinUnauthorized',
  failed: 'setup.relayUnreachable',
};

export function relayErrorText(err: unknown, relay: string): string {
  const reason = err instanceof RelayRequestError ? err.reason : 'failed';
  return t(RELAY_ERRORS[reason], { relay });
}

/** First run on a device: create an office on the relay, or join one from a link. */
export function Setup() {
  const navigate = useNavigate();
  const [officeName, setName] = createSignal('');
  const [myName, setMyName] = createSignal('');
  const [link, setLink] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const create = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (!officeName().trim()) return setError(t('office.error.nameRequired'));
    if (!myName().trim()) return setError(t('staff.error.nameRequired'));
    const relayUrl = import.meta.env.VITE_RELAY_URL ?? defaultRelayUrl(location);
    setBusy(true);
    try {
      const made = await createOfficeOnRelay(relayUrl, officeName().trim());
      const config = { officeId: made.officeId, officeName: made.name, relayUrl, token: made.token, deviceCode: made.deviceCode };
      saveDeviceConfig(config);
      const office = openOffice(config);
      const now = new Date().toISOString();
      const staff = createStaff(myName(), 'manager', { now });
      if (!staff.ok) return setError(t('staff.error.nameRequired'));
      for (const op of staff.value.command.ops) if (op.kind === 'log') op.entry.device = made.deviceCode;
      await office.run(staff.value.command);
      const actor = { staffId: staff.value.id, name: myName().trim(), deviceCode: made.deviceCode };
      const named = setOfficeName(officeName(), { actor, now });
      if (named.ok) await office.run(named.value);
      chooseStaff(staff.value.id, myName().trim());
      navigate('/today', { replace: true });
    } catch (err) {
      setError(relayErrorText(err, relayUrl));
    } finally {
      setBusy(false);
    }
  };

  const join = (e: Event) => {
    e.preventDefault();
    const raw = link().trim();
    const hashAt = raw.indexOf('#');
    if (hashAt < 0 || !parseJoinLink(raw.slice(hashAt))) return setError(t('setup.badLink'));
    navigate(`/join${raw.slice(hashAt)}`);
  };

  return (
    <main class="setup">
      <header class="setup-head">
        <span class="logo big" aria-hidden="true">邻</span>
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <LanguagePicker />
      </header>
      <Show when={error()}>
        <p class="problems" role="alert">{error()}</p>
      </Show>
      <div class="setup-cards">
        <form class="card" onSubmit={create} aria-labelledby="create-title">
          <h2 id="create-title">{t('setup.create')}</h2>
          <label>
            {t('setup.officeName')}
            <input name="officeName" value={officeName()} onInput={(e) => setName(e.currentTarget.value)} placeholder={t('setup.officeNamePlaceholder')} maxLength={200} required />
          </label>
          <label>
            {t('setup.yourName')}
            <input name="myName" value={myName()} onInput={(e) => setMyName(e.currentTarget.value)} maxLength={60} required />
          </label>
          <button type="submit" class="primary" disabled={busy()}>{t('setup.createSubmit')}</button>
        </form>
        <form class="card" onSubmit={join} aria-labelledby="join-title">
          <h2 id="join-title">{t('setup.join')}</h2>
          <label>
            {t('setup.joinLink')}
            <input name="joinLink" value={link()} onInput={(e) => setLink(e.currentTarget.value)} placeholder={t('setup.joinLinkPlaceholder')} maxLength={2000} />
          </label>
          <button type="submit">{t('setup.joinSubmit')}</button>
        </form>
      </div>
    </main>
  );
}
