import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, For, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { CustomerRow } from '../../domain/customers/customer';
import { categoriesFor } from '../../domain/requests/settings';
import { REQUEST_CHANNELS, REQUEST_KINDS, type Channel, type RequestKind, type Urgency } from '../../domain/requests/types';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { takeRequest } from '../../store/requests';
import { serviceSettings } from '../../store/queries/settings';
import { createSave, FormShell } from '../common/FormShell';
import { CustomerPicker } from './CustomerPicker';
import { customerRow } from '../../store/queries/customers';
import { LIMITS } from '../../domain/limits';
// Special needs and open incidents of the caller's building (issue 20)
import { IntakeIncident } from '../incidents/IntakeIncident';
// Origin, 客户要求, praised staff (issue 21)
import { IntakeExtras, type IntakeExtrasValue } from './IntakeExtras';
import { allStaff } from '../../store/queries/staff';
import { SelectField } from '../common/SelectField';

/** 受理登记: caller, kind, category, what — save. Built to take a phone repair in seconds. */
export function RequestNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ customer?: string; kind?: string }>();
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const [form, setForm] = createStore({
    customer: null as CustomerRow | null,
    kind: (REQUEST_KINDS.includes(params.kind as RequestKind) ? params.kind : 'repair') as RequestKind,
    category: '', urgency: 'normal' as Urgency, channel: 'phone' as Channel, location: '', description: '',
    extras: { origin: 'direct' as const, demand: '', praisedIds: [] as string[] } as IntakeExtrasValue,
  });
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const categories = () => {
    const s = settings();
    return s ? categoriesFor(s, form.kind) : [];
  };
  createEffect(on([() => form.kind, settings], () => {
    if (!categories().some((c) => c.id === form.category)) setForm('category', categories()[0]?.id ?? '');
  }));
  if (params.customer) void customerRow(props.office.db, params.customer).then((c) => c && setForm('customer', c));

  const save = createSave(() => {
    const c = form.customer;
    return takeRequest(props.office, {
      kind: form.kind, category: form.category, urgency: form.urgency, channel: form.channel, description: form.description, location: form.location,
      customerId: c?.id ?? '', customerName: c?.name ?? '', unitCode: c?.unitCode ?? '', phone: c?.phones[0] ?? '',
      origin: form.extras.origin, demand: form.extras.demand, praisedIds: [...form.extras.praisedIds],
    });
  }, (r) => navigate(`/requests/${r.id}`, { replace: true }));

  return (
    <main class="page">
      <h1>{t('requests.new')}</h1>
      <FormShell save={save} class="card form" aria-label={t('requests.new')} onCancel={() => navigate(-1)}>
        <CustomerPicker db={props.office.db} value={form.customer} onPick={(c) => setForm('customer', c)} />
        <IntakeIncident office={props.office} customer={form.customer} onLinked={() => setForm({ customer: null, description: '', location: '' })} />
        <div class="grid-2">
          <label>
            {t('requests.kind')}
            <select name="kind" value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as RequestKind)}>
              <For each={REQUEST_KINDS}>{(k) => <option value={k}>{t(`reqkind.${k}`)}</option>}</For>
            </select>
          </label>
          <label>
            {t('requests.category')}
            <select name="category" value={form.category} onChange={(e) => setForm('category', e.currentTarget.value)}>
              <For each={categories()}>{(c) => <option value={c.id}>{c.name}</option>}</For>
            </select>
          </label>
          <SelectField label={t('requests.channel')} name="channel" value={form.channel} options={REQUEST_CHANNELS} text={(c) => t(`channel.${c}`)} onChange={(c) => setForm('channel', c)} />
          <label class="inline urgent-toggle">
            <input type="checkbox" name="urgent" checked={form.urgency === 'urgent'} onChange={(e) => setForm('urgency', e.currentTarget.checked ? 'urgent' : 'normal')} />
            {t('urgency.urgent')}
          </label>
        </div>
        <label>
          {t('requests.location')}
          <input name="location" maxLength={LIMITS.shortText} value={form.location} aria-describedby="location-hint" onInput={(e) => setForm('location', e.currentTarget.value)} />
          <small id="location-hint">{t('requests.locationHint')}</small>
        </label>
        <label>
          {t('requests.description')}
          <textarea name="description" rows={4} maxLength={LIMITS.note} value={form.description} onInput={(e) => setForm('description', e.currentTarget.value)} />
        </label>
        <IntakeExtras kind={form.kind} value={form.extras} staff={staff()} onChange={(k, v) => setForm('extras', k, v as never)} />
      </FormShell>
    </main>
  );
}
