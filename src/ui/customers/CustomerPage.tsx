import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { customerFromRecord, type CustomerInput } from '../../domain/customer';
import { maskPhone } from '../../domain/mask';
import type { Problem } from '../../domain/result';
import { formatDateTime, t } from '../../i18n';
import { editNotes, revealPhone, updateCustomer } from '../../store/customers';
import type { OfficeStore } from '../../store/office-store';
import { createRecord } from '../../store/record';
import { Problems } from '../common/Problems';
import { CustomerFields } from './CustomerFields';
import { HistoryList } from './HistoryList';
import { NotesEditor } from './NotesEditor';

/** One customer, bound live to the record: a colleague's edit shows while you look. */
export function CustomerPage(props: { office: OfficeStore }) {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <CustomerView office={props.office} id={id} />}
    </Show>
  );
}

function CustomerView(props: { office: OfficeStore; id: string }) {
  const record = createRecord(props.office, 'directory', 'customers', props.id);
  const customer = createMemo(() => {
    const r = record();
    return r ? customerFromRecord(props.id, r) : r;
  });
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal<CustomerInput>({ name: '', phones: [], unitCode: '' });
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [revealed, setRevealed] = createSignal(false);
  const [saved, setSaved] = createSignal(false);

  props.office.presence.setViewing(`customers/${props.id}`);
  onCleanup(() => props.office.presence.setViewing(null));
  const viewers = () => props.office.presence.peers().filter((p) => p.viewing === `customers/${props.id}`).map((p) => p.user.name);
  createEffect(() => {
    if (!editing()) setProblems([]);
  });

  const startEdit = () => {
    const c = customer();
    if (!c) return;
    setDraft({ name: c.name, phones: c.phones, unitCode: c.unitCode });
    setSaved(false);
    setEditing(true);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const result = await updateCustomer(props.office, props.id, draft());
    if (!result.ok) return setProblems(result.problems);
    setEditing(false);
    setSaved(true);
  };
  const reveal = async () => {
    if (!revealed()) await revealPhone(props.office, props.id);
    setRevealed(!revealed());
  };

  return (
    <main class="page">
      <A href="/customers" class="back">← {t('nav.customers')}</A>
      <Show when={customer() !== undefined} fallback={<p>{t('common.loading')}</p>}>
        <Show when={customer()} fallback={<p class="empty">{t('customers.notFound')}</p>}>
          {(c) => (
            <>
              <div class="page-head">
                <h1 data-testid="customer-name">{c().name}</h1>
                <Show when={!editing()}>
                  <button type="button" onClick={startEdit}>{t('common.edit')}</button>
                </Show>
              </div>
              <Show when={viewers().length}>
                <p class="presence-note" role="status">{t('presence.alsoViewing', { names: viewers().join('、') })}</p>
              </Show>
              <Show when={saved()}>
                <p class="saved" role="status">{t('common.saved')}</p>
              </Show>
              <Show
                when={editing()}
                fallback={
                  <dl class="facts">
                    <dt>{t('customers.unit')}</dt>
                    <dd data-testid="customer-unit">{c().unitCode || '—'}</dd>
                    <dt>{t('customers.phones')}</dt>
                    <dd>
                      <span data-testid="customer-phones">{(revealed() ? c().phones : c().phones.map(maskPhone)).join(' / ') || '—'}</span>
                      <Show when={c().phones.length}>
                        <button type="button" class="link" onClick={() => void reveal()} aria-pressed={revealed()}>
                          {revealed() ? t('common.hide') : t('common.reveal')}
                        </button>
                      </Show>
                    </dd>
                    <dt>{t('history.created')}</dt>
                    <dd>{formatDateTime(c().createdAt)}</dd>
                  </dl>
                }
              >
                <form class="card form" onSubmit={save}>
                  <Problems problems={problems()} />
                  <CustomerFields value={draft()} onChange={setDraft} problems={problems()} />
                  <div class="actions">
                    <button type="button" onClick={() => setEditing(false)}>{t('common.cancel')}</button>
                    <button type="submit" class="primary">{t('common.save')}</button>
                  </div>
                </form>
              </Show>
              <NotesEditor value={c().notes} onEdit={(v) => void editNotes(props.office, props.id, v)} />
              <HistoryList entries={c().history} />
            </>
          )}
        </Show>
      </Show>
    </main>
  );
}

