import { PaperPanel } from '../papers/PaperPanel';
import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { customerFromRecord, type Customer, type CustomerInput } from '../../domain/customers/customer';
import { maskIdNumber, maskPhone } from '../../domain/mask';
import { ok } from '../../domain/result';
import { formatDateTime, t, tCode } from '../../i18n';
import { editNotes, updateCustomer } from '../../store/customers';
import { customersOfUnit, householdOf } from '../../store/queries/customers';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { createRecord } from '../../shared/bindings/record';
import { PictureStrip } from '../pictures/PictureStrip';
import { printLinks } from '../../print/links';
import { createSave, FormShell } from '../common/FormShell';
import { ContactLog } from './ContactLog';
import { CustomerFields } from './CustomerFields';
import { CustomerMoreFields } from './CustomerMoreFields';
import { HistoryList } from './HistoryList';
import { NotesEditor } from './NotesEditor';
import { RevealNumber } from './RevealNumber';
import { UpcomingDates } from './UpcomingDates';
import { CustomerRequests } from './CustomerRequests';

/** The 360° view of one customer, bound live to the record: a colleague's edit shows while you look. */
export function CustomerPage(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <CustomerView office={props.office} id={id} />}
    </Show>
  );
}

const inputOf = (c: Customer): CustomerInput => ({
  name: c.name, phones: c.phones, unitCode: c.unitCode, kind: c.kind, gender: c.gender, wechat: c.wechat, email: c.email, idNumber: c.idNumber,
  address: c.address, employer: c.employer, occupation: c.occupation, unitRelation: c.unitRelation, unitFrom: c.unitFrom, unitTo: c.unitTo, householdOf: c.householdOf,
  householdRelation: c.householdRelation, dates: c.dates, preferences: c.preferences, tags: c.tags, grade: c.grade, consent: c.consent,
});

function CustomerView(props: { office: Office; id: string }) {
  const record = createRecord(props.office, 'directory', 'customers', props.id);
  const customer = createMemo(() => {
    const r = record();
    return r ? customerFromRecord(props.id, r) : r;
  });
  const [draft, setDraft] = createSignal<CustomerInput | null>(null);
  const [saved, setSaved] = createSignal(false);
  const household = createLive(() => customer() ?? null, (c) => (c ? householdOf(props.office.db, c) : []), []);
  const headChoices = createLive(() => draft()?.unitCode ?? '', (code) => customersOfUnit(props.office.db, code), []);

  props.office.presence.setViewing(`customers/${props.id}`);
  onCleanup(() => props.office.presence.setViewing(null));
  const viewers = () => props.office.presence.peers().filter((p) => p.viewing === `customers/${props.id}`).map((p) => p.user.name);

  const startEdit = () => {
    const c = customer();
    if (!c) return;
    save.setProblems([]);
    setSaved(false);
    setDraft(inputOf(c));
  };
  const save = createSave(async () => {
    const d = draft();
    return d ? updateCustomer(props.office, props.id, d) : ok(undefined);
  }, () => {
    setDraft(null);
    setSaved(true);
  });
  const problems = save.problems;

  return (
    <main class="page wide">
      <A href="/customers" class="back">← {t('nav.customers')}</A>
      <Show when={customer() !== undefined} fallback={<p>{t('common.loading')}</p>}>
        <Show when={customer()} fallback={<p class="empty">{t('customers.notFound')}</p>}>
          {(c) => (
            <>
              <div class="page-head">
                <div class="title-line">
                  <h1 data-testid="customer-name">{c().name}</h1>
                  <span class="chip">{t(`kind.${c().kind}`)}</span>
                  <Show when={c().grade !== 'normal'}>
                    <span class={`chip grade-${c().grade}`}>{t(`grade.${c().grade}`)}</span>
                  </Show>
                  <For each={c().tags}>{(tag) => <span class="chip tag">{tag}</span>}</For>
                  <For each={c().toVerify}>
                    {(field) => <span class="chip verify" data-testid="to-verify">{tCode(`customers.toVerify.${field}`)}</span>}
                  </For>
                </div>
                <Show when={!draft()}>
                  <div class="actions">
                    <A href={printLinks.customers([props.id])} class="button">{t('customers.print')}</A>
                    <button type="button" onClick={startEdit}>{t('common.edit')}</button>
                  </div>
                </Show>
              </div>
              <Show when={c().toVerify.length}>
                <p class="muted">{t('customers.toVerifyHint')}</p>
              </Show>
              <Show when={viewers().length}>
                <p class="presence-note" role="status">{t('presence.alsoViewing', { names: viewers().join('、') })}</p>
              </Show>
              <Show when={saved()}>
                <p class="saved" role="status">{t('common.saved')}</p>
              </Show>
              <Show when={draft()}>
                {(d) => (
                  <FormShell save={save} class="card form" aria-label={t('common.edit')} onCancel={() => setDraft(null)}>
                    <CustomerFields value={d()} onChange={setDraft} problems={problems()} />
                    <CustomerMoreFields value={d()} onChange={setDraft} problems={problems()} household={headChoices().filter((h) => h.id !== props.id)} />
                  </FormShell>
                )}
              </Show>
              <div class="c360">
                <div class="col">
                  <section class="card" aria-labelledby="profile-title">
                    <h2 id="profile-title">{t('customers.profile')}</h2>
                    <dl class="facts bare">
                      <dt>{t('customers.unit')}</dt>
                      <dd>
                        <Show when={c().unitCode} fallback={<span data-testid="customer-unit">—</span>}>
                          <A href={`/units?q=${encodeURIComponent(c().unitCode)}`} data-testid="customer-unit">{c().unitCode}</A>
                          <span class="muted">{t(`relation.${c().unitRelation}`)}</span>
                          <Show when={c().unitFrom || c().unitTo}>
                            <span class="muted" data-testid="customer-lease">{t('customers.lease', { from: c().unitFrom || '—', to: c().unitTo || '—' })}</span>
                          </Show>
                        </Show>
                      </dd>
                      <Show when={c().extraUnits.length}>
                        <dt>{t('customers.extraUnits')}</dt>
                        <dd>{c().extraUnits.map((u) => `${u.unitCode}（${t(`relation.${u.relation}`)}）`).join('，')}</dd>
                      </Show>
                      <dt>{t('customers.phones')}</dt>
                      <dd>
                        <RevealNumber office={props.office} customerId={props.id} field="phones" masked={c().phones.map(maskPhone).join(' / ') || '—'} full={c().phones.join(' / ') || '—'} />
                      </dd>
                      <Show when={c().idNumber}>
                        <dt>{t('customers.idNumber')}</dt>
                        <dd>
                          <RevealNumber office={props.office} customerId={props.id} field="idNumber" masked={maskIdNumber(c().idNumber)} full={c().idNumber} />
                        </dd>
                      </Show>
                      <Show when={c().gender}>
                        <dt>{t('customers.gender')}</dt>
                        <dd>{t(`gender.${c().gender as 'male'}`)}</dd>
                      </Show>
                      <Show when={c().wechat}><dt>{t('customers.wechat')}</dt><dd>{c().wechat}</dd></Show>
                      <Show when={c().email}><dt>{t('customers.email')}</dt><dd>{c().email}</dd></Show>
                      <Show when={c().address}><dt>{t('customers.address')}</dt><dd>{c().address}</dd></Show>
                      <Show when={c().employer || c().occupation}>
                        <dt>{t('customers.employer')}</dt>
                        <dd>{[c().employer, c().occupation].filter(Boolean).join(' · ')}</dd>
                      </Show>
                      <Show when={c().preferences}><dt>{t('customers.preferences')}</dt><dd>{c().preferences}</dd></Show>
                      <dt>{t('customers.consent')}</dt>
                      <dd>{c().consent ? t('common.yes') : t('customers.consentNo')}</dd>
                      <dt>{t('history.created')}</dt>
                      <dd>{formatDateTime(c().createdAt)}</dd>
                    </dl>
                  </section>
                  <section class="card" aria-labelledby="household-title">
                    <h2 id="household-title">{t('customers.household')}</h2>
                    <Show when={household().length} fallback={<p class="muted">{t('common.none')}</p>}>
                      <ul class="plain" data-testid="household">
                        <For each={household()}>
                          {(m) => (
                            <li>
                              <A href={`/customers/${m.id}`}>{m.name}</A> <span class="muted">{t(`kind.${m.kind}`)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </section>
                  <UpcomingDates dates={c().dates} />
                  {/* Pictures (issue 19) */}
                  <section class="card"><PictureStrip office={props.office} collection="customers" id={props.id} record={record()} title={t('customers.pictures')} /></section>
                </div>
                <div class="col">
                  <CustomerRequests office={props.office} customerId={props.id} />
                  <ContactLog office={props.office} customerId={props.id} unitCode={c().unitCode} />
                  {/* Every paper filed (issue 21): the signed customer sheet comes back here */}
                  <PaperPanel office={props.office} refPath={`customers/${props.id}`} forms={['customer']} />
                  <section class="card">
                    <NotesEditor value={c().notes} onEdit={(v, base) => editNotes(props.office, props.id, v, base)} />
                  </section>
                </div>
              </div>
              <HistoryList entries={c().history} />
            </>
          )}
        </Show>
      </Show>
    </main>
  );
}
