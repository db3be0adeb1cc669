import { useNavigate } from '@solidjs/router';
import { createStore } from 'solid-js/store';
import { fail, ok } from '../../domain/result';
import { locale, t } from '../../i18n';
import { defaultRelayUrl, parseJoinLink, saveDeviceConfig } from '../../store/device';
import { createOfficeOnRelay } from '../../store/relay-api';
import { LIMITS } from '../../domain/limits';
import { checkNewPin } from '../../domain/staff/pin';
import { setOfficeName } from '../../domain/staff/staff';
import { starterTemplates } from '../../domain/templates/starters';
import { addStaffProfile } from '../../store/staff-pins';
import { enterAs } from '../lock/lock-state';
import { openOffice } from '../session';
import { LanguagePicker } from '../settings/LanguagePicker';
import { createAction, FormShell, saveWith } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { relayProblem } from './relay-problem';

/** First run on a device: create an office on the relay, or join one from a link. */
export function Setup() {
  const navigate = useNavigate();
  // What is typed: a new office and its first manager, or the link to join one.
  const [form, setForm] = createStore({ officeName: '', myName: '', pin: '', pinAgain: '', link: '' });
  // One thing at a time on this page; the reasons of either form show above both.
  const action = createAction();

  const create = saveWith(action, async () => {
    if (!form.officeName.trim()) return fail({ code: 'office.error.nameRequired', field: 'officeName' });
    if (!form.myName.trim()) return fail({ code: 'staff.error.nameRequired', field: 'myName' });
    // The PIN is checked before the office exists on the relay: a typo must not leave one behind.
    const pinOk = checkNewPin(form.pin, form.pinAgain);
    if (!pinOk.ok) return pinOk;
    const relayUrl = import.meta.env.VITE_RELAY_URL ?? defaultRelayUrl(location);
    try {
      const made = await createOfficeOnRelay(relayUrl, form.officeName.trim());
      const config = { officeId: made.officeId, officeName: made.name, relayUrl, token: made.token, deviceCode: made.deviceCode, deviceToken: true };
      saveDeviceConfig(config);
      const office = openOffice(config);
      // The office's creator is its first manager, with the PIN just typed.
      const founder = await addStaffProfile(office, { name: form.myName, role: 'manager', pin: form.pin, pinAgain: form.pinAgain }, true);
      if (!founder.ok) return founder;
      const actor = { staffId: founder.value.id, name: founder.value.name, deviceCode: made.deviceCode };
      const named = setOfficeName(form.officeName, { actor, now: new Date().toISOString() });
      if (named.ok) await office.run(named.value);
      // Starter letters, already chosen for birthdays and move-in days: 今日's first birthday prints.
      await office.run(starterTemplates(locale() === 'zh-TW' ? 'hant' : 'hans', { actor, now: new Date().toISOString() }));
      return ok({ office, founder: founder.value });
    } catch (err) {
      // The relay refused or could not be reached (a failure after it, too, is said as unreachable).
      return fail(relayProblem(err, relayUrl));
    }
  }, ({ office, founder }) => {
    enterAs(office, founder);
    navigate('/today', { replace: true });
  });

  const join = saveWith(action, async () => {
    const raw = form.link.trim();
    const hashAt = raw.indexOf('#');
    if (hashAt < 0 || !parseJoinLink(raw.slice(hashAt))) return fail({ code: 'setup.badLink', field: 'joinLink' });
    return ok(raw.slice(hashAt));
  }, (hash) => navigate(`/join${hash}`));

  return (
    <main class="setup">
      <header class="setup-head">
        <span class="logo big" aria-hidden="true">邻</span>
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <LanguagePicker />
      </header>
      <Problems problems={action.problems()} />
      <div class="setup-cards">
        <FormShell save={create} class="card" aria-labelledby="create-title" problemsAt="none" actionsClass="setup-actions" submit={t('setup.createSubmit')}
          head={<h2 id="create-title">{t('setup.create')}</h2>}>
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
        </FormShell>
        <FormShell save={join} class="card" aria-labelledby="join-title" problemsAt="none" actionsClass="setup-actions" tone="plain" submit={t('setup.joinSubmit')}
          head={<h2 id="join-title">{t('setup.join')}</h2>}>
          <label>
            {t('setup.joinLink')}
            <input name="joinLink" value={form.link} onInput={(e) => setForm('link', e.currentTarget.value)} placeholder={t('setup.joinLinkPlaceholder')} maxLength={LIMITS.longText} />
          </label>
        </FormShell>
      </div>
    </main>
  );
}
