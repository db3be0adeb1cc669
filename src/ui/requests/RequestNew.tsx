import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/customer';
import type { Problem } from '../../domain/result';
import { categoriesFor } from '../../domain/requests/settings';
import { REQUEST_CHANNELS, REQUEST_KINDS, type Channel, type RequestKind, type Urgency } from '../../domain/requests/types';
import { t } from '../../i18n';
import { createLive } from '../bindings/live';
import type { Office } from '../../store/office-api';
import { takeRequest } from '../../store/requests';
import { serviceSettings } from '../../store/queries/settings';
import { Problems } from '../common/Problems';
import { CustomerPicker } from './CustomerPicker';
import { customerRow } from '../../store/queries/customers';
import { LIMITS } from '../../domain/limits';

/** 受理登记: caller, kind, category, what — save. Built to take a phone repair in seconds. */
export function RequestNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ customer?: string; kind?: string }>();
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const [customer, setCustomer] = createSignal<CustomerRow | null>(null);
  const [kind, setKind] = createSignal<RequestKind>(REQUEST_KINDS.includes(params.kind as RequestKind) ? (params.kind as RequestKind) : 'repair');
  const [category, setCategory] = createSignal('');
  const [urgency, setUrgency] = createSignal<Urgency>('normal');
  const [channel, setChannel] = createSignal<Channel>('phone');
  const [location, setLocation] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const categories = () => (settings() ? categoriesFor(settings()!, kind()) : []);
  createEffect(on([kind, settings], () => {
    if (!categories().some((c) => c.id === category())) setCategory(categories()[0]?.id ?? '');
  }));
  if (params.customer) void customerRow(props.office.db, params.customer).then((c) => c && setCustomer(c));

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const c = customer();
    const r = await takeRequest(props.office, {
      kind: kind(), category: category(), urgency: urgency(), channel: channel(), description: description(), location: location(),
      customerId: c?.id ?? '', customerName: c?.name ?? '', unitCode: c?.unitCode ?? '', phone: c?.phones[0] ?? '',
    });
    setBusy(false);
    if (!r.ok) return setProblems(r.problems);
    navigate(`/requests/${r.value.id}`, { replace: true });
  };

  return (
    <main class="page">
      <h1>{t('requests.new')}</h1>
      <form class="card form" onSubmit={save}>
        <Problems problems={problems()} />
        <CustomerPicker db={props.office.db} value={customer()} onPick={setCustomer} />
        <div class="grid-2">
          <label>
            {t('requests.kind')}
            <select name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as RequestKind)}>
              <For each={REQUEST_KINDS}>{(k) => <option value={k}>{t(`reqkind.${k}`)}</option>}</For>
            </select>
          </label>
          <label>
            {t('requests.category')}
            <select name="category" value={category()} onChange={(e) => setCategory(e.currentTarget.value)}>
              <For each={categories()}>{(c) => <option value={c.id}>{c.name}</option>}</For>
            </select>
          </label>
          <label>
            {t('requests.channel')}
            <select name="channel" value={channel()} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
              <For each={REQUEST_CHANNELS}>{(c) => <option value={c}>{t(`channel.${c}`)}</option>}</For>
            </select>
          </label>
          <label class="inline urgent-toggle">
            <input type="checkbox" name="urgent" checked={urgency() === 'urgent'} onChange={(e) => setUrgency(e.currentTarget.checked ? 'urgent' : 'normal')} />
            {t('urgency.urgent')}
          </label>
        </div>
        <label>
          {t('requests.location')}
          <input name="location" maxLength={LIMITS.shortText} value={location()} aria-describedby="location-hint" onInput={(e) => setLocation(e.currentTarget.value)} />
          <small id="location-hint">{t('requests.locationHint')}</small>
        </label>
        <label>
          {t('requests.description')}
          <textarea name="description" rows={4} maxLength={LIMITS.note} value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" onClick={() => navigate(-1)}>{t('common.cancel')}</button>
          <button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.saving') : t('common.save')}</button>
        </div>
      </form>
    </main>
  );
}
