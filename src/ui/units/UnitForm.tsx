import { For } from 'solid-js';
import { UNIT_STATUSES, UNIT_USES, type UnitInput } from '../../domain/units/unit';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { problemFor } from '../common/Problems';

export function UnitFields(props: { value: UnitInput; onChange: (v: UnitInput) => void; problems: Problem[]; codeFixed?: boolean }) {
  const set = (patch: Partial<UnitInput>) => props.onChange({ ...props.value, ...patch });
  return (
    <>
      <label>
        {t('units.code')}
        <input name="code" value={props.value.code} disabled={props.codeFixed} maxLength={40} aria-invalid={problemFor(props.problems, 'code') ? 'true' : undefined}
          aria-describedby="unit-code-hint" onInput={(e) => set({ code: e.currentTarget.value })} />
        <small id="unit-code-hint">{t('customers.unitHint')}</small>
      </label>
      <label>
        {t('units.area')}
        <input name="area" inputmode="decimal" value={props.value.area} maxLength={12} aria-invalid={problemFor(props.problems, 'area') ? 'true' : undefined}
          onInput={(e) => set({ area: e.currentTarget.value })} />
      </label>
      <label>
        {t('units.use')}
        <select name="use" value={props.value.use} onChange={(e) => set({ use: e.currentTarget.value as UnitInput['use'] })}>
          <For each={UNIT_USES}>{(u) => <option value={u}>{t(`use.${u}`)}</option>}</For>
        </select>
      </label>
      <label>
        {t('units.status')}
        <select name="status" value={props.value.status} onChange={(e) => set({ status: e.currentTarget.value as UnitInput['status'] })}>
          <For each={UNIT_STATUSES}>{(s) => <option value={s}>{t(`status.${s}`)}</option>}</For>
        </select>
      </label>
    </>
  );
}
