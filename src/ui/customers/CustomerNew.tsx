import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { CustomerInput } from '../../domain/customers/customer';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { createCustomer } from '../../store/customers';
import type { Office } from '../../store/office-api';
import { Problems } from '../common/Problems';
import { CustomerFields } from './CustomerFields';
import { CustomerMoreFields } from './CustomerMoreFields';
import { customersOfUnit } from '../../store/queries/customers';
import { createLive } from '../bindings/live';
import { LIMITS } from '../../domain/limits';

export function CustomerNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [value, setValue] = createSignal<CustomerInput>({ name: '', phones: [], unitCode: '' });
  const [notes, setNotes] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const headChoices = createLive(() => value().unitCode, (code) => customersOfUnit(props.office.db, code), []);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const result = await createCustomer(props.office, value(), notes());
    setBusy(false);
    if (!result.ok) return setProblems(result.problems);
    navigate(`/customers/${result.value}`, { replace: true });
  };
  return (
    <main class="page">
      <h1>{t('customers.new')}</h1>
      <form class="card form" onSubmit={save}>
        <Problems problems={problems()} />
        <CustomerFields value={value()} onChange={setValue} problems={problems()} />
        <CustomerMoreFields value={value()} onChange={setValue} problems={problems()} household={headChoices()} />
        <label class="notes">
          {t('customers.notes')}
          <textarea name="notes" rows={4} maxLength={LIMITS.note} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" onClick={() => navigate(-1)}>{t('common.cancel')}</button>
          <button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.saving') : t('common.save')}</button>
        </div>
      </form>
    </main>
  );
}
