import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { CustomerRow } from '../../domain/customers/types';
import { LIMITS } from '../../domain/limits';
import { INSPECT_EVERY_DAYS } from '../../domain/moves/renovation';
import { t } from '../../i18n';
import { dateField } from '../../i18n/date-field';
import { createLive } from '../../shared/bindings/live';
import { applyForRenovation } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { unitRow } from '../../store/queries/units';
import { problemFor } from '../common/Problems';
import { createSave, FormShell } from '../common/FormShell';
import { CustomerPicker } from '../requests/CustomerPicker';
import './moves.css';

/** 装修申请: contractor, workers, period, scope, the deposit as recorded; then submitted for approval. */
export function RenovationNew(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const unit = createLive(() => params.id, (id) => unitRow(props.office.db, id), undefined);
  const [customer, setCustomer] = createSignal<CustomerRow | null>(null);
  const [form, setForm] = createStore({ contractor: '', contractorPhone: '', workers: '', start: '', end: '', scope: '', deposit: '', inspectEvery: String(INSPECT_EVERY_DAYS) });
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const save = createSave(async () => applyForRenovation(props.office, {
    unitCode: unit()?.code ?? '', customerId: customer()?.id ?? '', contractor: form.contractor, contractorPhone: form.contractorPhone, workers: num(form.workers),
    start: form.start, end: form.end, scope: form.scope, deposit: num(form.deposit), inspectEvery: num(form.inspectEvery),
  }), (r) => navigate(`/renovations/${r.id}`, { replace: true }));
  const invalid = (field: string) => (problemFor(save.problems(), field) ? 'true' : undefined);
  return (
    <main class="page">
      <A href={`/units/${params.id}`} class="back">← {unit()?.code ?? ''}</A>
      <h1>{t('reno.newFor', { unit: unit()?.code ?? '' })}</h1>
      <FormShell save={save} class="card form" aria-label={t('reno.new')} onCancel={() => navigate(-1)} data-testid="renovation-new">
        <CustomerPicker db={props.office.db} value={customer()} onPick={setCustomer} label={t('moves.customer')} />
        <label>{t('reno.contractor')}<input name="contractor" maxLength={LIMITS.name} value={form.contractor} aria-invalid={invalid('contractor')} onInput={(e) => setForm('contractor', e.currentTarget.value)} /></label>
        <label>{t('reno.contractorPhone')}<input name="contractorPhone" inputmode="tel" maxLength={LIMITS.name} value={form.contractorPhone} onInput={(e) => setForm('contractorPhone', e.currentTarget.value)} /></label>
        <label>{t('reno.workers')}<input name="workers" inputmode="numeric" maxLength={3} value={form.workers} aria-invalid={invalid('workers')} onInput={(e) => setForm('workers', e.currentTarget.value)} /></label>
        <label>{t('reno.start')}<input {...dateField('date')} name="start" value={form.start} aria-invalid={invalid('start')} onInput={(e) => setForm('start', e.currentTarget.value)} /></label>
        <label>{t('reno.end')}<input {...dateField('date')} name="end" value={form.end} aria-invalid={invalid('end')} onInput={(e) => setForm('end', e.currentTarget.value)} /></label>
        <label>{t('reno.scope')}<textarea name="scope" rows={3} maxLength={LIMITS.longText} value={form.scope} aria-invalid={invalid('scope')} onInput={(e) => setForm('scope', e.currentTarget.value)} /></label>
        <label>{t('reno.deposit')}<input name="deposit" inputmode="decimal" maxLength={9} value={form.deposit} aria-invalid={invalid('deposit')} onInput={(e) => setForm('deposit', e.currentTarget.value)} /></label>
        <label>{t('reno.inspectEvery')}<input name="inspectEvery" inputmode="numeric" maxLength={2} value={form.inspectEvery} aria-invalid={invalid('inspectEvery')} onInput={(e) => setForm('inspectEvery', e.currentTarget.value)} /></label>
      </FormShell>
    </main>
  );
}
