import { createSignal, onMount } from 'solid-js';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { setMyPin } from '../../store/staff-pins';
import { Problems, problemFor } from '../common/Problems';

/** 修改我的 PIN: the current PIN (counted like any try), then the new one twice. */
export function ChangeMyPinForm(props: { office: Office; staffId: string; onDone: () => void; onCancel: () => void }) {
  let first: HTMLInputElement | undefined;
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  onMount(() => first?.focus());
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    try {
      const r = await setMyPin(props.office, props.staffId, { current: current(), next: next(), again: again() });
      if (!r.ok) return setProblems(r.problems);
      props.onDone();
    } finally {
      setBusy(false);
    }
  };
  const field = (name: string, label: string, value: () => string, set: (v: string) => void, problem: string, ref?: (el: HTMLInputElement) => void) => (
    <label>
      {label}
      <input ref={ref} name={name} type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={value()}
        aria-invalid={!!problemFor(problems(), problem)} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
  return (
    <form class="card reset-pin" onSubmit={submit} aria-labelledby="change-pin-title" data-testid="change-pin">
      <h2 id="change-pin-title">{t('staff.changeMyPin')}</h2>
      <Problems problems={problems()} />
      <div class="reset-pin-fields">
        {field('currentPin', t('pin.current'), current, setCurrent, 'current', (el) => (first = el))}
        {field('newPin', t('pin.new'), next, setNext, 'pin')}
        {field('newPinAgain', t('pin.again'), again, setAgain, 'pinAgain')}
      </div>
      <div class="pin-actions">
        <button type="submit" class="primary" disabled={busy()}>{t('common.save')}</button>
        <button type="button" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
