import { A, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { EncodedPicture } from '../../domain/attachments/types';
import { LIMITS } from '../../domain/limits';
import { renovationFromRecord, renovationShard } from '../../domain/moves/renovation';
import type { Renovation } from '../../domain/moves/types';
import { t } from '../../i18n';
import { dateField } from '../../i18n/date-field';
import { movesPrintLinks } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { createRecord } from '../../shared/bindings/record';
import { acceptRenovationOf, decideRenovationOf, inspectRenovation, linkComplaint, refundDeposit, submitRenovationOf } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { checksOf, renovationRow } from '../../store/queries/moves';
import { HistoryList } from '../customers/HistoryList';
import { ActionButton } from '../events/ActionButton';
import { createSave, FormShell } from '../common/FormShell';
import { PaperPanel } from '../papers/PaperPanel';
import { PendingPictures } from '../pictures/PendingPictures';
import { CheckPictures } from './CheckPictures';
import { fillOfficeToday } from './office-today';
import './moves.css';


/**
 * One renovation: the application's facts, then the step its status allows — submit, the
 * manager's decision, inspections with findings (a rectification request from a problem),
 * acceptance, the deposit's refund — the rules and undertaking to print and file, its history.
 */
export function RenovationPage(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ paper?: string }>();
  const row = createLive(() => params.id, (id) => renovationRow(props.office.db, id), undefined);
  return (
    <main class="page">
      <A href="/units" class="back">← {t('units.title')}</A>
      <Show when={row()} fallback={<p class="empty">{t('units.notFound')}</p>}>
        {(r) => {
          const record = createRecord(props.office, renovationShard(r()), 'renovations', r().id);
          const reno = () => { const x = record(); return x ? renovationFromRecord(r().id, x) : null; };
          return <Show when={reno()}>{(x) => <RenovationView office={props.office} reno={x()} paper={search.paper} />}</Show>;
        }}
      </Show>
    </main>
  );
}

function RenovationView(props: { office: Office; reno: Renovation; paper?: string }) {
  const r = () => props.reno;
  const checks = createLive(() => r().id, (id) => checksOf(props.office.db, id), []);
  return (
    <>
      <div class="page-head">
        <h1>{t('reno.title')} {r().number} <span class="chip" data-testid="reno-status">{t(`reno.status.${r().status}`)}</span></h1>
        <A href={movesPrintLinks.undertaking(r().id)} class="button">{t('reno.printUndertaking')}</A>
      </div>
      <dl class="reno-facts card" data-testid="reno-facts">
        <dt>{t('units.code')}</dt><dd>{r().unitCode}</dd>
        <dt>{t('moves.customer')}</dt><dd><A href={`/customers/${r().customerId}`}>{r().customerName}</A></dd>
        <dt>{t('reno.contractor')}</dt><dd>{r().contractor} {r().contractorPhone}</dd>
        <dt>{t('reno.workers')}</dt><dd>{r().workers}</dd>
        <dt>{t('reno.start')}</dt><dd>{t('moves.period', { from: r().start, to: r().end })}</dd>
        <dt>{t('reno.scope')}</dt><dd>{r().scope}</dd>
        <dt>{t('reno.deposit')}</dt><dd>{r().deposit}{r().refundedOn ? ` · ${t('reno.refunded', { day: r().refundedOn })}` : ''}</dd>
        <Show when={r().acceptedOn}><dt>{t('reno.accept')}</dt><dd>{t('reno.acceptedOn', { day: r().acceptedOn })} {r().acceptanceNote}</dd></Show>
      </dl>
      <div class="reno-steps">
        <Show when={r().status === 'plan' || r().status === 'rejected'}>
          <ActionButton label={t('reno.submit')} tone="primary" run={() => submitRenovationOf(props.office, r().id)} />
        </Show>
        <Show when={r().status === 'submitted'}><Decide office={props.office} id={r().id} /></Show>
        <Show when={r().status === 'approved'}>
          <Inspect office={props.office} id={r().id} />
          <Accept office={props.office} id={r().id} />
          <LinkComplaint office={props.office} id={r().id} />
        </Show>
        <Show when={r().status === 'accepted' && !r().refundedOn}><Refund office={props.office} id={r().id} /></Show>
      </div>
      <section class="card" aria-labelledby="reno-checks">
        <h2 id="reno-checks">{t('reno.checks')}</h2>
        <ul class="rows" data-testid="reno-checks">
          <For each={checks()} fallback={<li class="row muted">{t('reno.noChecks')}</li>}>
            {(c) => (
              <li class="row reno-check">
                <strong>{c.day}</strong><span>{c.findings}</span><span class="muted">{c.byName}</span>
                <Show when={c.requestId}><A href={`/requests/${c.requestId}`} class="chip">{c.requestNumber}</A></Show>
                <CheckPictures office={props.office} check={c} readOnly={r().status !== 'approved'} />
              </li>
            )}
          </For>
        </ul>
      </section>
      <PaperPanel office={props.office} refPath={`renovations/${r().id}`} forms={['renovation-undertaking']} highlight={props.paper} />
      <div class="card">
        <HistoryList entries={r().history} />
      </div>
    </>
  );
}

function Decide(props: { office: Office; id: string }) {
  const [comment, setComment] = createSignal('');
  const [approve, setApprove] = createSignal(true);
  const save = createSave(async () => decideRenovationOf(props.office, props.id, { approve: approve(), comment: comment() }));
  return (
    <FormShell save={save} class="card form" aria-label={t('reno.comment')} submit={t('common.save')} data-testid="reno-decide">
      <fieldset>
        <legend>{t('reno.comment')}</legend>
        <label><input type="radio" name="decision" checked={approve()} onChange={() => setApprove(true)} />{t('reno.approve')}</label>
        <label><input type="radio" name="decision" checked={!approve()} onChange={() => setApprove(false)} />{t('reno.reject')}</label>
      </fieldset>
      <label>{t('reno.comment')}<input name="comment" maxLength={LIMITS.longText} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} /></label>
    </FormShell>
  );
}

function Inspect(props: { office: Office; id: string }) {
  const empty = () => ({ day: today(), findings: '', problem: false, rectify: false });
  const [form, setForm] = createSignal({ day: '', findings: '', problem: false, rectify: false });
  const set = (p: Partial<ReturnType<typeof empty>>) => setForm({ ...form(), ...p });
  const today = fillOfficeToday(props.office, () => form().day, (day) => set({ day }));
  const [pictures, setPictures] = createSignal<EncodedPicture[]>([]);
  const save = createSave(async () => inspectRenovation(props.office, props.id, { ...form(), pictures: pictures() }), () => { setForm(empty()); setPictures([]); });
  return (
    <FormShell save={save} class="card form" aria-label={t('reno.inspect')} submit={t('reno.inspect')} data-testid="reno-inspect">
      <h2>{t('reno.inspect')}</h2>
      <label>{t('moves.day')}<input {...dateField('date')} name="day" value={form().day} onInput={(e) => set({ day: e.currentTarget.value })} /></label>
      <label>{t('reno.findings')}<textarea name="findings" rows={2} maxLength={LIMITS.longText} value={form().findings} onInput={(e) => set({ findings: e.currentTarget.value })} /></label>
      <label class="check-line"><input type="checkbox" name="problem" checked={form().problem} onChange={(e) => set({ problem: e.currentTarget.checked })} />{t('reno.problem')}</label>
      <label class="check-line"><input type="checkbox" name="rectify" checked={form().rectify} onChange={(e) => set({ rectify: e.currentTarget.checked })} />{t('reno.rectify')}</label>
      <PendingPictures office={props.office} title={t('reno.findingPhotos')} pictures={pictures()} onChange={setPictures} testid="finding-pictures" />
      <p class="muted">{t('reno.photosCarried')}</p>
    </FormShell>
  );
}

function Accept(props: { office: Office; id: string }) {
  const [day, setDay] = createSignal('');
  fillOfficeToday(props.office, day, setDay);
  const [note, setNote] = createSignal('');
  const save = createSave(async () => acceptRenovationOf(props.office, props.id, day(), note()));
  return (
    <FormShell save={save} class="card form" aria-label={t('reno.accept')} submit={t('reno.accept')} data-testid="reno-accept">
      <h2>{t('reno.accept')}</h2>
      <label>{t('moves.day')}<input {...dateField('date')} name="acceptDay" value={day()} onInput={(e) => setDay(e.currentTarget.value)} /></label>
      <label>{t('reno.note')}<input name="acceptNote" maxLength={LIMITS.longText} value={note()} onInput={(e) => setNote(e.currentTarget.value)} /></label>
    </FormShell>
  );
}

function Refund(props: { office: Office; id: string }) {
  const [day, setDay] = createSignal('');
  fillOfficeToday(props.office, day, setDay);
  const [note, setNote] = createSignal('');
  const save = createSave(async () => refundDeposit(props.office, props.id, day(), note()));
  return (
    <FormShell save={save} class="card form" aria-label={t('reno.refund')} submit={t('reno.refund')} data-testid="reno-refund">
      <h2>{t('reno.refund')}</h2>
      <label>{t('moves.day')}<input {...dateField('date')} name="refundDay" value={day()} onInput={(e) => setDay(e.currentTarget.value)} /></label>
      <label>{t('reno.note')}<input name="refundNote" maxLength={LIMITS.longText} value={note()} onInput={(e) => setNote(e.currentTarget.value)} /></label>
    </FormShell>
  );
}

function LinkComplaint(props: { office: Office; id: string }) {
  const [number, setNumber] = createSignal('');
  const save = createSave(async () => linkComplaint(props.office, props.id, number()), () => setNumber(''));
  return (
    <FormShell save={save} class="card form" aria-label={t('reno.linkComplaint')} submit={t('reno.linkComplaint')} problemsAt="bottom" data-testid="reno-link">
      <label>{t('reno.requestNumber')}<input name="requestNumber" maxLength={LIMITS.name} value={number()} onInput={(e) => setNumber(e.currentTarget.value)} /></label>
    </FormShell>
  );
}
