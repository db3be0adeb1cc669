import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { CustomerInput } from '../../domain/customers/customer';
import { t } from '../../i18n';
import { createCustomer } from '../../store/customers';
import type { Office } from '../../store/office-api';
import { createSave, FormShell } from '../common/FormShell';
import { CustomerFields } from './CustomerFields';
import { CustomerMoreFields } from './CustomerMoreFields';
import { customersOfUnit } from '../../store/queries/customers';
import { createLive } from '../../shared/bindings/live';
import { LIMITS } from '../../domain/limits';

export function CustomerNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [value, setValue] = createSignal<CustomerInput>({ name: '', phones: [], unitCode: '' });
  const [notes, setNotes] = createSignal('');
  const headChoices = createLive(() => value().unitCode, (code) => customersOfUnit(props.office.db, code), []);
  const save = createSave(() => createCustomer(props.office, value(), notes()), (id) => navigate(`/customers/${id}`, { replace: true }));
  const problems = save.problems;
  return (
    <main class="page">
      <h1>{t('customers.new')}</h1>
      <FormShell save={save} class="card form" aria-label={t('customers.new')} onCancel={() => navigate(-1)}>
        <CustomerFields value={value()} onChange={setValue} problems={problems()} />
        <CustomerMoreFields value={value()} onChange={setValue} problems={problems()} household={headChoices()} />
        <label class="notes">
          {t('customers.notes')}
          <textarea name="notes" rows={4} maxLength={LIMITS.note} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />
        </label>
      </FormShell>
    </main>
  );
}
