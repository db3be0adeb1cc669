import { For } from 'solid-js';
import { dateField } from '../../i18n/date-field';
import { CUSTOMER_KINDS, GRADES, HOUSEHOLD_RELATIONS, UNIT_RELATIONS, type CustomerInput, type CustomerRow } from '../../domain/customers/customer';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { problemFor } from '../common/Problems';
import { DatesEditor } from './DatesEditor';
import { LIMITS } from '../../domain/limits';

const TEXT_FIELDS = [
  ['idNumber', 'customers.idNumber'],
  ['wechat', 'customers.wechat'],
  ['email', 'customers.email'],
  ['address', 'customers.address'],
  ['employer', 'customers.employer'],
  ['occupation', 'customers.occupation'],
] as const;

/** Everything beyond name, phone and unit, folded away so intake on the phone stays quick. */
export function CustomerMoreFields(props: {
  value: CustomerInput;
  onChange: (v: CustomerInput) => void;
  problems: Problem[];
  /** Possible heads of household: customers of the same unit. */
  household: CustomerRow[];
  open?: boolean;
}) {
  const set = (patch: Partial<CustomerInput>) => props.onChange({ ...props.value, ...patch });
  const invalid = (field: string) => (problemFor(props.problems, field) ? 'true' : undefined);
  return (
    <details class="more" open={props.open || props.problems.some((p) => p.field && !['name', 'phones', 'unitCode'].includes(p.field))}>
      <summary>{t('customers.moreFields')}</summary>
      <div class="grid-2">
        <label>
          {t('customers.kind')}
          <select name="kind" value={props.value.kind ?? 'owner'} onChange={(e) => set({ kind: e.currentTarget.value as CustomerInput['kind'] })}>
            <For each={CUSTOMER_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('customers.unitRelation')}
          <select name="unitRelation" value={props.value.unitRelation ?? 'owner'} onChange={(e) => set({ unitRelation: e.currentTarget.value as CustomerInput['unitRelation'] })}>
            <For each={UNIT_RELATIONS}>{(r) => <option value={r}>{t(`relation.${r}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('field.unitFrom')}
          <input {...dateField('date')} name="unitFrom" value={props.value.unitFrom ?? ''} aria-invalid={invalid('unitFrom')} onInput={(e) => set({ unitFrom: e.currentTarget.value })} />
        </label>
        <label>
          {t('field.unitTo')}
          <input {...dateField('date')} name="unitTo" value={props.value.unitTo ?? ''} aria-invalid={invalid('unitTo')} onInput={(e) => set({ unitTo: e.currentTarget.value })} />
        </label>
        <label>
          {t('customers.gender')}
          <select name="gender" value={props.value.gender ?? ''} onChange={(e) => set({ gender: e.currentTarget.value as CustomerInput['gender'] })}>
            <option value="">{t('gender.unknown')}</option>
            <option value="male">{t('gender.male')}</option>
            <option value="female">{t('gender.female')}</option>
          </select>
        </label>
        <label>
          {t('customers.grade')}
          <select name="grade" value={props.value.grade ?? 'normal'} onChange={(e) => set({ grade: e.currentTarget.value as CustomerInput['grade'] })}>
            <For each={GRADES}>{(g) => <option value={g}>{t(`grade.${g}`)}</option>}</For>
          </select>
        </label>
        <For each={TEXT_FIELDS}>
          {([field, label]) => (
            <label>
              {t(label)}
              <input name={field} autocomplete="off" maxLength={field === 'idNumber' ? 18 : 200} value={props.value[field] ?? ''} aria-invalid={invalid(field)}
                onInput={(e) => set({ [field]: e.currentTarget.value })} />
            </label>
          )}
        </For>
        <label>
          {t('customers.householdOf')}
          <select name="householdOf" value={props.value.householdOf ?? ''} onChange={(e) => set({ householdOf: e.currentTarget.value })}>
            <option value="">{t('customers.householdNone')}</option>
            <For each={props.household}>{(c) => <option value={c.id}>{c.name}</option>}</For>
          </select>
        </label>
        <label>
          {t('customers.householdRelation')}
          <select name="householdRelation" value={props.value.householdRelation ?? ''} disabled={!props.value.householdOf}
            onChange={(e) => set({ householdRelation: e.currentTarget.value as CustomerInput['householdRelation'] })}>
            <option value="">—</option>
            <For each={HOUSEHOLD_RELATIONS}>{(r) => <option value={r}>{t(`household.${r}`)}</option>}</For>
          </select>
        </label>
      </div>
      <label>
        {t('customers.tags')}
        <input name="tags" value={(props.value.tags ?? []).join('、')} aria-describedby="tags-hint" aria-invalid={invalid('tags')}
          onChange={(e) => set({ tags: e.currentTarget.value.split(/[、,，;；]+/) })} />
        <small id="tags-hint">{t('customers.tagsHint')}</small>
      </label>
      <DatesEditor value={props.value.dates ?? []} onChange={(dates) => set({ dates })} />
      <label>
        {t('customers.preferences')}
        <textarea name="preferences" rows={2} maxLength={LIMITS.note} value={props.value.preferences ?? ''} onInput={(e) => set({ preferences: e.currentTarget.value })} />
      </label>
      <label class="inline">
        <input type="checkbox" name="consent" checked={props.value.consent !== false} onChange={(e) => set({ consent: e.currentTarget.checked })} />
        {t('customers.consent')}
      </label>
    </details>
  );
}
