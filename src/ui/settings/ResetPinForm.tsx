import { createSignal, onMount } from 'solid-js';
import type { Problem } from '../../domain/result';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { resetColleaguePin } from '../../store/staff-pins';
import { Problems, problemFor } from '../common/Problems';

/**
 * A manager gives a colleague a temporary PIN, typed twice and told in person; the colleague
 * replaces it the next time they take their profile (see domain/staff/staff-pin.ts for why not "no PIN").
 */
export function ResetPinForm(props: { office: Office; staff: StaffRow; onDone: (name: string) => void; onCancel: () => void }) {
  let first: HTMLInputElement | undefined;
  const [pin, setPin] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  onMount(() => first?.focus());
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    try {
      const r = await resetColleaguePin(props.office, props.staff.id, { pin: pin(), again: again() });
      if (!r.ok) return setProblems(r.problems);
      props.onDone(props.staff.name);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card reset-pin" onSubmit={submit} aria-labelledby="reset-pin-title" data-testid="reset-pin">
      <h2 id="reset-pin-title">{t('staff.resetPinFor', { name: props.staff.name })}</h2>
      <p class="muted">{t('staff.resetIntro', { name: props.staff.name })}</p>
      <Problems problems={problems()} />
      <div class="reset-pin-fields">
        <label>
          {t('staff.tempPin')}
          <input ref={first} name="tempPin" type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={pin()}
            aria-invalid={!!problemFor(problems(), 'pin')} onInput={(e) => setPin(e.currentTarget.value)} />
        </label>
        <label>
          {t('staff.tempPinAgain')}
          <input name="tempPinAgain" type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={again()}
            aria-invalid={!!problemFor(problems(), 'pinAgain')} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
      </div>
      <div class="pin-actions">
        <button type="submit" class="primary" disabled={busy()}>{t('staff.resetPin')}</button>
        <button type="button" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
