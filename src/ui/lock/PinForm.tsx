import { createSignal, onMount, Show } from 'solid-js';
import { ok } from '../../domain/result';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { checkStaffPin, pinLockProblem, setMyPin } from '../../store/staff-pins';
import { createSave, FormShell } from '../common/FormShell';
import { whileUnlocking } from './lock-state';

/**
 * Asks the PIN of one profile. A profile without a PIN (from before PINs) sets one, typed
 * twice; a manager's temporary PIN is asked first, then replaced. Calls `onDone` only once the
 * right PIN was given (and, where needed, the new one saved).
 */
export function PinForm(props: { office: Office; staff: StaffRow; onDone: () => void; onCancel?: () => void }) {
  let input: HTMLInputElement | undefined;
  const [pin, setPin] = createSignal('');
  const [again, setAgain] = createSignal('');
  // The temporary PIN once it was accepted: proof for replacing it.
  const [temporary, setTemporary] = createSignal<string | null>(null);
  const mode = () => (!props.staff.pin ? 'set' : temporary() !== null ? 'change' : 'enter');
  const id = () => `pin-${props.staff.id}`;

  // The save's value says whether the person is in (false: a temporary PIN was accepted and is now replaced).
  const save = createSave(async () => {
    if (mode() === 'enter') {
      const r = await checkStaffPin(props.office, props.staff.id, pin());
      if (!r.ok) {
        setPin('');
        return r;
      }
      if (!r.value.mustChange) return ok(true);
      setTemporary(pin());
      setPin('');
      input?.focus();
      return ok(false);
    }
    const r = await whileUnlocking(() => setMyPin(props.office, props.staff.id, { next: pin(), again: again(), current: temporary() ?? undefined }));
    return r.ok ? ok(true) : r;
  }, (done) => done && props.onDone());

  onMount(() => {
    const lock = pinLockProblem(props.office, props.staff.id, props.staff.name);
    if (lock) save.setProblems([lock]);
    input?.focus();
  });

  const invalid = (field: string) => save.problems().some((p) => p.field === field);
  return (
    <FormShell save={save} class="card pin-form" aria-labelledby={`${id()}-title`} data-testid="pin-form" actionsClass="pin-actions"
      submit={mode() === 'enter' ? t('pin.submit') : t('pin.setSubmit')} onCancel={props.onCancel} cancel={t('common.back')}
      head={<>
        <h2 id={`${id()}-title`}>
          {mode() === 'enter' ? t('pin.enterFor', { name: props.staff.name }) : mode() === 'set' ? t('pin.setFor', { name: props.staff.name }) : t('pin.changeFor', { name: props.staff.name })}
        </h2>
        <Show when={mode() !== 'enter'}>
          <p class="muted">{mode() === 'set' ? t('pin.setIntro') : t('pin.changeIntro')}</p>
        </Show>
      </>}
      after={<Show when={mode() === 'enter'}><p class="muted small">{t('pin.forgot')}</p></Show>}>
      <label>
        {mode() === 'enter' ? t('pin.label') : t('pin.new')}
        <input ref={input} name="pin" type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={pin()}
          aria-invalid={invalid('pin')} onInput={(e) => setPin(e.currentTarget.value)} />
      </label>
      <Show when={mode() !== 'enter'}>
        <label>
          {t('pin.again')}
          <input name="pinAgain" type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={again()}
            aria-invalid={invalid('pinAgain')} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
      </Show>
    </FormShell>
  );
}
