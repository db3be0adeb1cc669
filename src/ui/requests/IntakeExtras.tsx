import { For, Show } from 'solid-js';
import { LIMITS } from '../../domain/limits';
import { COMPLAINT_ORIGINS, type ComplaintOrigin } from '../../domain/requests/origin-types';
import { isComplaintKind, type RequestKind } from '../../domain/requests/types';
import type { StaffRow } from '../../domain/staff/types';
import { t } from '../../i18n';

export interface IntakeExtrasValue {
  origin: ComplaintOrigin;
  demand: string;
  praisedIds: string[];
}

/**
 * What intake asks beyond the basics (issue 21): for a complaint or dispute, where it came from
 * and 客户要求 (printed on the complaint form); for praise, the staff praised (credited to them).
 */
export function IntakeExtras(props: { kind: RequestKind; value: IntakeExtrasValue; staff: StaffRow[]; onChange: <K extends keyof IntakeExtrasValue>(k: K, v: IntakeExtrasValue[K]) => void }) {
  return (
    <>
      <Show when={isComplaintKind(props.kind)}>
        <label>
          {t('requests.origin')}
          <select name="origin" value={props.value.origin} onChange={(e) => props.onChange('origin', e.currentTarget.value as ComplaintOrigin)}>
            <For each={COMPLAINT_ORIGINS}>{(o) => <option value={o}>{t(`origin.${o}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('form.customerRequest')}
          <textarea name="demand" rows={2} maxLength={LIMITS.note} aria-describedby="demand-hint" value={props.value.demand} onInput={(e) => props.onChange('demand', e.currentTarget.value)} />
          <small id="demand-hint">{t('requests.demandHint')}</small>
        </label>
      </Show>
      <Show when={props.kind === 'praise'}>
        <fieldset class="remedies praised" data-testid="praised">
          <legend>{t('requests.praised')}</legend>
          <For each={props.staff}>
            {(s) => (
              <label class="inline">
                <input type="checkbox" name="praised" value={s.id} checked={props.value.praisedIds.includes(s.id)}
                  onChange={(e) => props.onChange('praisedIds', e.currentTarget.checked ? [...props.value.praisedIds, s.id] : props.value.praisedIds.filter((x) => x !== s.id))} />
                {s.name}
              </label>
            )}
          </For>
        </fieldset>
      </Show>
    </>
  );
}
