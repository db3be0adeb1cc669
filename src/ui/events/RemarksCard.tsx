import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { CustomerRow } from '../../domain/customers/customer';
import { REQUEST_KIND_OF, remarkDone } from '../../domain/events/remarks';
import { REMARK_KINDS, type CommunityEvent, type RemarkKind, type RemarkRow } from '../../domain/events/types';
import { t } from '../../i18n';
import { addRemark, markRemarkHandled, remarkToRequest, setRemarkAside } from '../../store/events';
import type { Office } from '../../store/office-api';
import { remarksOf, requestStatuses } from '../../store/queries/events';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';
import { CustomerPicker } from '../requests/CustomerPicker';
import { ActionButton } from './ActionButton';
import { LIMITS } from '../../domain/limits';
import { SelectField } from '../common/SelectField';

/** Remarks raised (意见): each a line with its customer; one tap makes it a service request, whose status shows here. */
export function RemarksCard(props: { office: Office; event: CommunityEvent }) {
  const remarks = createLive(() => props.event.id, (id) => remarksOf(props.office.db, id), [] as RemarkRow[]);
  const statuses = createLive(remarks, (rs) => requestStatuses(props.office.db, rs), new Map<string, { status: string; number: string }>());
  const open = () => props.event.status !== 'closed';
  // Keyed by id, so a colleague's new remark does not wipe a reason being typed on another line.
  const ids = createMemo(() => remarks().map((r) => r.id), [], { equals: (x, y) => x.join() === y.join() });
  const byId = createMemo(() => new Map(remarks().map((r) => [r.id, r])));
  const done = () => remarks().filter((r) => remarkDone(r, (id) => statuses().get(id)?.status)).length;
  return (
    <section class="card" aria-labelledby="remarks-title">
      <h2 id="remarks-title">{t('events.remarks')}</h2>
      <p class="muted" role="status" data-testid="remarks-done">{t('events.remarksDone', { done: done(), n: remarks().length })}</p>
      <Show when={open()}>
        <RemarkForm office={props.office} event={props.event} />
      </Show>
      <ol class="remarks" data-testid="remarks">
        <For each={ids()}>
          {(id, i) => (
            <Show when={byId().get(id)}>
              {(r) => <RemarkLine office={props.office} event={props.event} remark={r()} n={i() + 1} request={statuses().get(r().requestId)} />}
            </Show>
          )}
        </For>
      </ol>
    </section>
  );
}

function RemarkForm(props: { office: Office; event: CommunityEvent }) {
  const empty = () => ({ customer: null as CustomerRow | null, topic: props.event.topic, kind: 'suggestion' as RemarkKind, text: '' });
  const [form, setForm] = createStore(empty());
  const save = createSave(() => {
    const c = form.customer;
    return addRemark(props.office, props.event.id, { customerId: c?.id ?? '', customerName: c?.name ?? '', unitCode: c?.unitCode ?? '', topic: form.topic, kind: form.kind, text: form.text });
  }, () => setForm(empty()));
  return (
    <FormShell save={save} class="remark-form" aria-label={t('events.addRemark')} submit={t('events.addRemark')} actionsClass="actions start" problemsAt="bottom">
      <CustomerPicker db={props.office.db} value={form.customer} autofocus={false} onPick={(c) => setForm('customer', c)} />
      <div class="grid-2">
        <label>
          {t('events.remarkTopic')}
          <input name="topic" value={form.topic} maxLength={LIMITS.shortText} onInput={(e) => setForm('topic', e.currentTarget.value)} />
        </label>
        <SelectField label={t('events.remarkKind')} name="remarkKind" value={form.kind} options={REMARK_KINDS} text={(k) => t(`reqkind.${k}`)} onChange={(k) => setForm('kind', k)} />
      </div>
      <label>
        {t('events.remarkText')}
        <textarea name="remarkText" rows={2} value={form.text} onInput={(e) => setForm('text', e.currentTarget.value)} />
      </label>
    </FormShell>
  );
}

function RemarkLine(props: { office: Office; event: CommunityEvent; remark: RemarkRow; n: number; request?: { status: string; number: string } }) {
  const [reason, setReason] = createSignal('');
  const [asking, setAsking] = createSignal(false);
  const r = () => props.remark;
  const open = () => props.event.status !== 'closed';
  return (
    <li class="remark" data-testid="remark" data-remark={r().id}>
      <div>
        <strong>{t('events.remarkN', { n: props.n })}</strong> <span class="chip">{t(`reqkind.${r().kind}`)}</span>
        <Show when={r().topic}><span class="chip tag">{r().topic}</span></Show>
        <span class="muted"> {r().customerName} {r().unitCode}</span>
      </div>
      <p class="remark-text">{r().text}</p>
      <div class="remark-state">
        <Show when={r().requestId}>
          <A href={`/requests/${r().requestId}`} data-testid="remark-request">{r().requestNumber}</A>
          <span class="chip status">{props.request ? t(`reqstatus.${props.request.status}` as 'reqstatus.accepted') : t('events.requestElsewhere')}</span>
        </Show>
        <Show when={r().status === 'handled'}><span class="chip">{t('remark.handledChip')}</span></Show>
        <Show when={r().status === 'setAside'}><span class="chip">{t('remark.setAsideChip', { reason: r().reason })}</span></Show>
      </div>
      <Show when={open()}>
        <div class="actions start">
          <Show when={!r().requestId && REQUEST_KIND_OF[r().kind]}>
            <ActionButton label={t('events.toRequest', { kind: t(`reqkind.${REQUEST_KIND_OF[r().kind]!}`) })} run={() => remarkToRequest(props.office, props.event.id, r().id)} />
          </Show>
          <Show when={r().status === 'open'}>
            <ActionButton tone="plain" label={t('events.markHandled')} run={() => markRemarkHandled(props.office, props.event.id, r().id)} />
            <button type="button" onClick={() => setAsking(!asking())}>{t('events.setAside')}</button>
          </Show>
        </div>
        <Show when={asking()}>
          <div class="inline-form">
            <label>
              {t('events.setAsideReason')}
              <input name="reason" value={reason()} maxLength={LIMITS.shortText} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            <ActionButton tone="plain" label={t('events.setAsideConfirm')} run={() => setRemarkAside(props.office, props.event.id, r().id, reason())} onDone={() => setAsking(false)} />
          </div>
        </Show>
      </Show>
    </li>
  );
}
