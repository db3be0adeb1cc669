import { createSignal, onMount, Show } from 'solid-js';
import type { Problem } from '../../domain/result';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { checkStaffPin, pinLockProblem, setMyPin } from '../../store/staff-pins';
import { Problems } from '../common/Problems';
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
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const mode = () => (!props.staff.pin ? 'set' : temporary() !== null ? 'change' : 'enter');
  const id = () => `pin-${props.staff.id}`;

  onMount(() => {
    const lock = pinLockProblem(props.office, props.staff.id, props.staff.name);
    if (lock) setProblems([lock]);
    input?.focus();
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    try {
      if (mode() === 'enter') {
        const r = await checkStaffPin(props.office, props.staff.id, pin());
        if (!r.ok) {
          setProblems(r.problems);
          setPin('');
          return;
        }
        if (r.value.mustChange) {
          setTemporary(pin());
          setPin('');
          setProblems([]);
          input?.focus();
          return;
        }
        return props.onDone();
      }
      const r = await whileUnlocking(() => setMyPin(props.office, props.staff.id, { next: pin(), again: again(), current: temporary() ?? undefined }));
      if (!r.ok) return setProblems(r.problems);
      props.onDone();
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: string) => problems().some((p) => p.field === field);
  return (
    <form class="card pin-form" onSubmit={submit} aria-labelledby={`${id()}-title`} data-testid="pin-form">
      <h2 id={`${id()}-title`}>
        {mode() === 'enter' ? t('pin.enterFor', { name: props.staff.name }) : mode() === 'set' ? t('pin.setFor', { name: props.staff.name }) : t('pin.changeFor', { name: props.staff.name })}
      </h2>
      <Show when={mode() !== 'enter'}>
        <p class="muted">{mode() === 'set' ? t('pin.setIntro') : t('pin.changeIntro')}</p>
      </Show>
      <Problems problems={problems()} />
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
      <div class="pin-actions">
        <button type="submit" class="primary" disabled={busy()}>{mode() === 'enter' ? t('pin.submit') : t('pin.setSubmit')}</button>
        <Show when={props.onCancel}>{(cancel) => <button type="button" onClick={() => cancel()()}>{t('common.back')}</button>}</Show>
      </div>
      <Show when={mode() === 'enter'}>
        <p class="muted small">{t('pin.forgot')}</p>
      </Show>
    </form>
  );
}
