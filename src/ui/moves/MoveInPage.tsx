import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { EncodedPicture } from '../../domain/attachments/types';
import type { CustomerRow } from '../../domain/customers/types';
import type { TenureRole } from '../../domain/moves/types';
import { LIMITS } from '../../domain/limits';
import { t } from '../../i18n';
import { dateField } from '../../i18n/date-field';
import { movesPrintLinks } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { moveIn } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { handoverChecklist } from '../../store/queries/moves';
import { metersRead } from '../../domain/moves/handover';
import { unitRow } from '../../store/queries/units';
import { problemFor } from '../common/Problems';
import { createSave, FormShell } from '../common/FormShell';
import { PendingPictures } from '../pictures/PendingPictures';
import { CustomerPicker } from '../requests/CustomerPicker';
import { fillOfficeToday } from './office-today';
import './moves.css';

/**
 * 办理入伙: the office's checklist at the counter — documents signed, keys handed with their count,
 * meter readings, defects found (each becomes a warranty repair) — and the new owner or tenant
 * linked from the day. Saved, it opens the 入伙交接单 to print and sign.
 */
export function MoveInPage(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const unit = createLive(() => params.id, (id) => unitRow(props.office.db, id), undefined);
  // The office's checklist (设置 → 入伙交接清单): its documents, and only the meters it reads.
  const checklist = createLive(() => props.office, (o) => handoverChecklist(o.db), null);
  const docs = () => checklist()?.documents ?? [];
  const meters = () => {
    const c = checklist();
    return c ? metersRead(c) : [];
  };
  const [customer, setCustomer] = createSignal<CustomerRow | null>(null);
  const [form, setForm] = createStore({
    role: 'owner' as TenureRole, day: '', leaseEnd: '', keys: '', water: '', electricity: '', gas: '', defects: [''] as string[],
    signed: {} as Record<string, boolean>,
  });
  // Each defect's photos, by row: in a signal, not the store — they go to the sync worker, and a
  // store's proxies do not survive structured cloning.
  const [photos, setPhotos] = createSignal<EncodedPicture[][]>([[]]);
  const addDefect = () => { setForm('defects', (d) => [...d, '']); setPhotos((p) => [...p, []]); };
  const removeDefect = (i: number) => {
    setForm('defects', (d) => d.filter((_, j) => j !== i));
    setPhotos((p) => p.filter((_, j) => j !== i));
  };
  fillOfficeToday(props.office, () => form.day, (day) => setForm('day', day));
  createEffect(() => { for (const d of docs()) if (form.signed[d] === undefined) setForm('signed', d, false); });
  const save = createSave(async () => moveIn(props.office, {
    unitCode: unit()?.code ?? '', customerId: customer()?.id ?? '', role: form.role, day: form.day, leaseEnd: form.role === 'tenant' ? form.leaseEnd : '',
    documents: docs().map((name) => ({ name, signed: !!form.signed[name] })), keys: form.keys.trim() === '' ? NaN : Number(form.keys),
    readings: { water: form.water, electricity: form.electricity, gas: form.gas }, defects: [...form.defects], defectPictures: photos(),
  }), (r) => navigate(movesPrintLinks.handover(r.id), { replace: true }));
  const invalid = (field: string) => (problemFor(save.problems(), field) ? 'true' : undefined);
  return (
    <main class="page">
      <A href={`/units/${params.id}`} class="back">← {unit()?.code ?? ''}</A>
      <h1>{t('moves.handoverOf', { unit: unit()?.code ?? '' })}</h1>
      <FormShell save={save} class="card form" aria-label={t('moves.moveIn')} onCancel={() => navigate(-1)} submit={t('moves.moveIn')} data-testid="move-in">
        <CustomerPicker db={props.office.db} value={customer()} onPick={setCustomer} label={t('moves.customer')} />
        <label>{t('moves.role')}
          <select name="role" value={form.role} onChange={(e) => setForm('role', e.currentTarget.value as TenureRole)}>
            <option value="owner">{t('moves.role.owner')}</option>
            <option value="tenant">{t('moves.role.tenant')}</option>
          </select>
        </label>
        <label>{t('moves.day')}<input {...dateField('date')} name="day" value={form.day} aria-invalid={invalid('from')} onInput={(e) => setForm('day', e.currentTarget.value)} /></label>
        <Show when={form.role === 'tenant'}>
          <label>{t('moves.leaseEnd')}<input {...dateField('date')} name="leaseEnd" value={form.leaseEnd} aria-invalid={invalid('leaseEnd')} onInput={(e) => setForm('leaseEnd', e.currentTarget.value)} /></label>
        </Show>
        <fieldset class="doc-checks" aria-invalid={invalid('documents')}>
          <legend>{t('moves.documents')}</legend>
          <For each={docs()}>
            {(d) => <label><input type="checkbox" name="documents" value={d} checked={!!form.signed[d]} onChange={(e) => setForm('signed', d, e.currentTarget.checked)} />{d}</label>}
          </For>
        </fieldset>
        <label>{t('moves.keys')}<input name="keys" inputmode="numeric" maxLength={2} value={form.keys} aria-invalid={invalid('keys')} onInput={(e) => setForm('keys', e.currentTarget.value)} /></label>
        <fieldset class="readings">
          <legend>{t('moves.readings')}</legend>
          <For each={meters()}>
            {(m) => <label>{t(`moves.meter.${m}`)}<input name={m} inputmode="decimal" maxLength={12} value={form[m]} aria-invalid={invalid(m)} onInput={(e) => setForm(m, e.currentTarget.value)} /></label>}
          </For>
        </fieldset>
        <fieldset class="defects" aria-invalid={invalid('defects')} data-testid="defects">
          <legend>{t('moves.defects')}</legend>
          <Index each={form.defects}>
            {(text, i) => (
              <div class="defect" data-testid="defect">
                <div class="defect-line">
                  <label>{t('moves.defectN', { n: i + 1 })}
                    <input name="defect" maxLength={LIMITS.longText} value={text()} onInput={(e) => setForm('defects', i, e.currentTarget.value)} />
                  </label>
                  <Show when={form.defects.length > 1}>
                    <button type="button" class="link" aria-label={t('moves.removeDefect', { n: i + 1 })} onClick={() => removeDefect(i)}>{t('moves.remove')}</button>
                  </Show>
                </div>
                <PendingPictures office={props.office} title={t('moves.defectPhotos', { n: i + 1 })} pictures={photos()[i] ?? []}
                  onChange={(list) => setPhotos((p) => p.map((x, j) => (j === i ? list : x)))} testid={`defect-pictures-${i + 1}`} />
              </div>
            )}
          </Index>
          <p class="muted">{t('moves.photosCarried')}</p>
          <button type="button" onClick={addDefect}>{t('moves.addDefect')}</button>
        </fieldset>
      </FormShell>
    </main>
  );
}
