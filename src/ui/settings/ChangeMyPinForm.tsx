import { createSignal, onMount } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { setMyPin } from '../../store/staff-pins';
import { createSave, FormShell } from '../common/FormShell';
import { PinFields } from './PinFields';

/** 修改我的 PIN: the current PIN (counted like any try), then the new one twice. */
export function ChangeMyPinForm(props: { office: Office; staffId: string; onDone: () => void; onCancel: () => void }) {
  let first: HTMLInputElement | undefined;
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [again, setAgain] = createSignal('');
  const save = createSave(() => setMyPin(props.office, props.staffId, { current: current(), next: next(), again: again() }), () => props.onDone());
  onMount(() => first?.focus());
  return (
    <FormShell save={save} class="card reset-pin" aria-labelledby="change-pin-title" data-testid="change-pin" head={<h2 id="change-pin-title">{t('staff.changeMyPin')}</h2>}
      onCancel={props.onCancel} actionsClass="pin-actions">
      <PinFields problems={save.problems()} first={(el) => (first = el)} fields={[
        { name: 'currentPin', label: t('pin.current'), value: current, set: setCurrent, problem: 'current' },
        { name: 'newPin', label: t('pin.new'), value: next, set: setNext, problem: 'pin' },
        { name: 'newPinAgain', label: t('pin.again'), value: again, set: setAgain, problem: 'pinAgain' },
      ]} />
    </FormShell>
  );
}
