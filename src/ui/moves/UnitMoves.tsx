import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/types';
import type { EndReason } from '../../domain/moves/types';
import { END_REASONS } from '../../domain/moves/types';
import type { UnitRow } from '../../domain/units/types';
import { t } from '../../i18n';
import { dateField } from '../../i18n/date-field';
import { createLive } from '../../shared/bindings/live';
import { changeOwnerOf, endRelation, renewLeaseOf } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { handoversOfUnit, openRequestsOfUnit, relationsOfUnit, renovationsOfUnit, type RelationView } from '../../store/queries/moves';
import { createSave, FormShell } from '../common/FormShell';
import { CustomerPicker } from '../requests/CustomerPicker';
import { fillOfficeToday } from './office-today';
import './moves.css';


/**
 * The unit page's part for moves (issue 20): who lives here now and who did before, with their
 * periods; move-in, change of owner, move-out and lease renewal; the unit's handovers and
 * renovations.
 */
export function UnitMoves(props: { office: Office; unit: UnitRow }) {
  const code = () => props.unit.code;
  const relations = createLive(code, (c) => relationsOfUnit(props.office.db, c), { current: [], former: [] });
  const handovers = createLive(code, (c) => handoversOfUnit(props.office.db, c), []);
  const renovations = createLive(code, (c) => renovationsOfUnit(props.office.db, c), []);
  const [open, setOpen] = createSignal<{ kind: 'end' | 'renew'; r: RelationView } | 'owner' | null>(null);
  const period = (r: RelationView) => (r.to ? t('moves.period', { from: r.from || '—', to: r.to }) : r.from ? t('moves.since', { from: r.from }) : t('moves.sinceUnknown'));
  return (
    <section class="moves" aria-labelledby="moves-title" data-testid="unit-moves">
      <div class="page-head">
        <h2 id="moves-title">{t('moves.relations')}</h2>
        <div class="head-actions">
          <A href={`/units/${props.unit.id}/move-in`} class="button">{t('moves.moveIn')}</A>
          <button type="button" onClick={() => setOpen('owner')}>{t('moves.ownerChange')}</button>
          <A href={`/units/${props.unit.id}/renovation`} class="button">{t('reno.new')}</A>
        </div>
      </div>
      <Show when={open() === 'owner'}>
        <OwnerChange office={props.office} unitCode={code()} onDone={() => setOpen(null)} />
      </Show>
      <h3>{t('moves.current')}</h3>
      <ul class="rows" data-testid="relations-current">
        <For each={relations().current} fallback={<li class="row muted">{t('common.none')}</li>}>
          {(r) => (
            <li class="row relation">
              <A href={`/customers/${r.customerId}`}><strong>{r.customerName}</strong></A>
              <span>{t(`moves.role.${r.role}`)}</span>
              <span class="muted">{period(r)}</span>
              <Show when={r.leaseEnd}><span class="muted">{t('moves.leaseEnd')} {r.leaseEnd}</span></Show>
              <span class="row-actions">
                <Show when={r.role === 'tenant'}>
                  <button type="button" aria-label={t('moves.renewOf', { name: r.customerName })} onClick={() => setOpen({ kind: 'renew', r })}>{t('moves.renew')}</button>
                </Show>
                <button type="button" aria-label={t('moves.endOf', { name: r.customerName })} onClick={() => setOpen({ kind: 'end', r })}>{t('moves.end')}</button>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={(() => { const o = open(); return o && o !== 'owner' ? o : null; })()}>
        {(o) => (o().kind === 'end'
          ? <EndForm office={props.office} unitCode={code()} relation={o().r} onDone={() => setOpen(null)} />
          : <RenewForm office={props.office} unitCode={code()} relation={o().r} onDone={() => setOpen(null)} />)}
      </Show>
      <h3>{t('moves.former')}</h3>
      <ul class="rows" data-testid="relations-former">
        <For each={relations().former} fallback={<li class="row muted">{t('common.none')}</li>}>
          {(r) => (
            <li class="row relation">
              <A href={`/customers/${r.customerId}`}><strong>{r.customerName}</strong></A>
              <span>{t(`moves.role.${r.role}`)}</span>
              <span class="muted">{period(r)}</span>
              <Show when={r.endReason}><span class="chip">{t(`moves.reason.${r.endReason as Exclude<EndReason, ''>}`)}</span></Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={handovers().length}>
        <h3>{t('moves.handovers')}</h3>
        <ul class="rows">
          <For each={handovers()}>
            {(h) => (
              <li>
                <A href={`/handovers/${h.id}`} class="row"><strong>{h.number}</strong><span>{h.customerName}</span><span class="muted">{h.day}</span></A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t('reno.unitRenovations')}</h3>
      <ul class="rows" data-testid="unit-renovations">
        <For each={renovations()} fallback={<li class="row muted">{t('reno.none')}</li>}>
          {(r) => (
            <li>
              <A href={`/renovations/${r.id}`} class="row"><strong>{r.number}</strong><span class="chip">{t(`reno.status.${r.status}`)}</span><span class="muted">{t('moves.period', { from: r.start, to: r.end })}</span></A>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function OwnerChange(props: { office: Office; unitCode: string; onDone: () => void }) {
  const [owner, setOwner] = createSignal<CustomerRow | null>(null);
  const [day, setDay] = createSignal('');
  fillOfficeToday(props.office, day, setDay);
  const save = createSave(async () => changeOwnerOf(props.office, props.unitCode, owner()?.id ?? '', day()), props.onDone);
  return (
    <FormShell save={save} class="card form" aria-label={t('moves.ownerChange')} onCancel={props.onDone} submit={t('moves.ownerChange')} data-testid="owner-change" head={<h3>{t('moves.ownerChange')}</h3>}>
      <CustomerPicker db={props.office.db} value={owner()} onPick={setOwner} label={t('moves.newOwner')} />
      <label>{t('moves.day')}<input {...dateField('date')} name="day" value={day()} onInput={(e) => setDay(e.currentTarget.value)} /></label>
    </FormShell>
  );
}

function EndForm(props: { office: Office; unitCode: string; relation: RelationView; onDone: () => void }) {
  const [form, setForm] = createSignal({ to: '', reason: (props.relation.role === 'tenant' ? 'leaseEnd' : 'moveOut') as Exclude<EndReason, ''>, keys: '', water: '', electricity: '', gas: '' });
  const openRequests = createLive(() => props.unitCode, (c) => openRequestsOfUnit(props.office.db, c), []);
  const set = (patch: Partial<ReturnType<typeof form>>) => setForm({ ...form(), ...patch });
  fillOfficeToday(props.office, () => form().to, (to) => set({ to }));
  const save = createSave(async () => {
    const f = form();
    const checklist = f.reason === 'ownerChange' ? undefined : { keysReturned: f.keys.trim() === '' ? NaN : Number(f.keys), readings: { water: f.water, electricity: f.electricity, gas: f.gas }, openRequests: [] };
    return endRelation(props.office, props.relation.id, props.unitCode, { to: f.to, reason: f.reason, checklist });
  }, props.onDone);
  return (
    <FormShell save={save} class="card form" aria-label={t('moves.endOf', { name: props.relation.customerName })} onCancel={props.onDone} submit={t('moves.end')} data-testid="end-relation" head={<h3>{t('moves.endOf', { name: props.relation.customerName })}</h3>}>
      <label>{t('moves.day')}<input {...dateField('date')} name="to" value={form().to} onInput={(e) => set({ to: e.currentTarget.value })} /></label>
      <label>{t('moves.reason')}
        <select name="reason" value={form().reason} onChange={(e) => set({ reason: e.currentTarget.value as Exclude<EndReason, ''> })}>
          <For each={END_REASONS}>{(r) => <option value={r}>{t(`moves.reason.${r}`)}</option>}</For>
        </select>
      </label>
      <label>{t('moves.keysReturned')}<input name="keysReturned" inputmode="numeric" maxLength={2} value={form().keys} onInput={(e) => set({ keys: e.currentTarget.value })} /></label>
      <fieldset class="readings">
        <legend>{t('moves.readings')}</legend>
        <label>{t('moves.meter.water')}<input name="water" inputmode="decimal" maxLength={12} value={form().water} onInput={(e) => set({ water: e.currentTarget.value })} /></label>
        <label>{t('moves.meter.electricity')}<input name="electricity" inputmode="decimal" maxLength={12} value={form().electricity} onInput={(e) => set({ electricity: e.currentTarget.value })} /></label>
        <label>{t('moves.meter.gas')}<input name="gas" inputmode="decimal" maxLength={12} value={form().gas} onInput={(e) => set({ gas: e.currentTarget.value })} /></label>
      </fieldset>
      <p><strong>{t('moves.openRequests')}</strong>{' '}
        <Show when={openRequests().length} fallback={<span class="muted">{t('moves.noneOpen')}</span>}>
          <For each={openRequests()}>{(r) => <A href={`/requests/${r.id}`} class="chip">{r.number}</A>}</For>
        </Show>
      </p>
    </FormShell>
  );
}

function RenewForm(props: { office: Office; unitCode: string; relation: RelationView; onDone: () => void }) {
  const [day, setDay] = createSignal('');
  const save = createSave(async () => renewLeaseOf(props.office, props.relation.id, props.unitCode, day()), props.onDone);
  return (
    <FormShell save={save} class="card form" aria-label={t('moves.renewOf', { name: props.relation.customerName })} onCancel={props.onDone} submit={t('moves.renew')}>
      <label>{t('moves.newLeaseEnd')}<input {...dateField('date')} name="leaseEnd" value={day()} onInput={(e) => setDay(e.currentTarget.value)} /></label>
    </FormShell>
  );
}
