import { createSignal, onMount } from 'solid-js';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { resetColleaguePin } from '../../store/staff-pins';
import { createSave, FormShell } from '../common/FormShell';
import { PinFields } from './PinFields';

/**
 * A manager gives a colleague a temporary PIN, typed twice and told in person; the colleague
 * replaces it the next time they take their profile (see domain/staff/staff-pin.ts for why not "no PIN").
 */
export function ResetPinForm(props: { office: Office; staff: StaffRow; onDone: (name: string) => void; onCancel: () => void }) {
  let first: HTMLInputElement | undefined;
  const [pin, setPin] = createSignal('');
  const [again, setAgain] = createSignal('');
  const save = createSave(() => resetColleaguePin(props.office, props.staff.id, { pin: pin(), again: again() }), () => props.onDone(props.staff.name));
  onMount(() => first?.focus());
  return (
    <FormShell save={save} class="card reset-pin" aria-labelledby="reset-pin-title" data-testid="reset-pin" submit={t('staff.resetPin')} onCancel={props.onCancel} actionsClass="pin-actions"
      head={<><h2 id="reset-pin-title">{t('staff.resetPinFor', { name: props.staff.name })}</h2><p class="muted">{t('staff.resetIntro', { name: props.staff.name })}</p></>}>
      <PinFields problems={save.problems()} first={(el) => (first = el)} fields={[
        { name: 'tempPin', label: t('staff.tempPin'), value: pin, set: setPin, problem: 'pin' },
        { name: 'tempPinAgain', label: t('staff.tempPinAgain'), value: again, set: setAgain, problem: 'pinAgain' },
      ]} />
    </FormShell>
  );
}
