import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { locale, t, type DictKey } from '../../i18n';
import { defaultRelayUrl, parseJoinLink, saveDeviceConfig } from '../../store/device';
import { createOfficeOnRelay, RelayRequestError } from '../../store/relay-api';
import { LIMITS } from '../../domain/limits';
import { checkNewPin } from '../../domain/staff/pin';
import { setOfficeName } from '../../domain/staff/staff';
import { starterTemplates } from '../../domain/templates/starters';
import { tCode } from '../../i18n';
import { addStaffProfile } from '../../store/staff-pins';
import { enterAs } from '../lock/lock-state';
import { openOffice } from '../session';
import { LanguagePicker } from '../settings/LanguagePicker';

const RELAY_ERRORS: Record<string, DictKey> = {
  unreachable: 'setup.relayUnreachable',
  forbidden: 'setup.createForbidden',
  unauthorized: 'setup.invitationInvalid',
  revoked: 'setup.invitationInvalid',
  used: 'setup.invitationUsed',
  expired: 'setup.invitationExpired',
  failed: 'setup.relayUnreachable',
};

export function relayErrorText(err: unknown, relay: string): string {
  const reason = err instanceof RelayRequestError ? err.reason : 'failed';
  return t(RELAY_ERRORS[reason], { relay });
}

/** First run on a device: create an office on the relay, or join one from a link. */
export function Setup() {
  const navigate = useNavigate();
  // What is typed: a new office and its first manager, or the link to join one.
  const [form, setForm] = createStore({ officeName: '', myName: '', pin: '', pinAgain: '', link: '' });
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const create = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (!form.officeName.trim()) return setError(t('office.error.nameRequired'));
    if (!form.myName.trim()) return setError(t('staff.error.nameRequired'));
    // The PIN is checked before the office exists on the relay: a typo must not leave one behind.
    const pinOk = checkNewPin(form.pin, form.pinAgain);
    if (!pinOk.ok) return setError(tCode(pinOk.problems[0].code));
    const relayUrl = import.meta.env.VITE_RELAY_URL ?? defaultRelayUrl(location);
    setBusy(true);
    try {
      const made = await createOfficeOnRelay(relayUrl, form.officeName.trim());
      const config = { officeId: made.officeId, officeName: made.name, relayUrl, token: made.token, deviceCode: made.deviceCode, deviceToken: true };
      saveDeviceConfig(config);
      const office = openOffice(config);
      // The office's creator is its first manager, with the PIN just typed.
      const founder = await addStaffProfile(office, { name: form.myName, role: 'manager', pin: form.pin, pinAgain: form.pinAgain }, true);
      if (!founder.ok) return setError(tCode(founder.problems[0].code, founder.problems[0].params));
      const actor = { staffId: founder.value.id, name: founder.value.name, deviceCode: made.deviceCode };
      const named = setOfficeName(form.officeName, { actor, now: new Date().toISOString() });
      if (named.ok) await office.run(named.value);
      // Starter letters, already chosen for birthdays and move-in days: 今日's first birthday prints.
      await office.run(starterTemplates(locale() === 'zh-TW' ? 'hant' : 'hans', { actor, now: new Date().toISOString() }));
      enterAs(office, founder.value);
      navigate('/today', { replace: true });
    } catch (err) {
      setError(relayErrorText(err, relayUrl));
    } finally {
      setBusy(false);
    }
  };

  const join = (e: Event) => {
    e.preventDefault();
    const raw = form.link.trim();
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
            <input name="officeName" value={form.officeName} onInput={(e) => setForm('officeName', e.currentTarget.value)} placeholder={t('setup.officeNamePlaceholder')} maxLength={LIMITS.shortText} required />
          </label>
          <label>
            {t('setup.yourName')}
            <input name="myName" value={form.myName} onInput={(e) => setForm('myName', e.currentTarget.value)} maxLength={LIMITS.name} required />
          </label>
          <label>
            {t('pin.label')}
            <input name="pin" type="password" inputmode="numeric" autocomplete="new-password" maxLength={6} value={form.pin} aria-describedby="founder-pin-help" onInput={(e) => setForm('pin', e.currentTarget.value)} required />
          </label>
          <p id="founder-pin-help" class="muted">{t('pin.newStaffHelp')}</p>
          <label>
            {t('pin.again')}
            <input name="pinAgain" type="password" inputmode="numeric" autocomplete="new-password" maxLength={6} value={form.pinAgain} onInput={(e) => setForm('pinAgain', e.currentTarget.value)} required />
          </label>
          <button type="submit" class="primary" disabled={busy()}>{t('setup.createSubmit')}</button>
        </form>
        <form class="card" onSubmit={join} aria-labelledby="join-title">
          <h2 id="join-title">{t('setup.join')}</h2>
          <label>
            {t('setup.joinLink')}
            <input name="joinLink" value={form.link} onInput={(e) => setForm('link', e.currentTarget.value)} placeholder={t('setup.joinLinkPlaceholder')} maxLength={LIMITS.longText} />
          </label>
          <button type="submit">{t('setup.joinSubmit')}</button>
        </form>
      </div>
    </main>
  );
}
