import { For, Index, Show } from 'solid-js';
import { DATE_KINDS, type ImportantDate } from '../../domain/dates';
import { t } from '../../i18n';

/** Birthdays (solar or lunar, leap months too), move-in days and anniversaries. */
export function DatesEditor(props: { value: ImportantDate[]; onChange: (v: ImportantDate[]) => void }) {
  const update = (i: number, patch: Partial<ImportantDate>) => props.onChange(props.value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset class="dates">
      <legend>{t('customers.dates')}</legend>
      <Index each={props.value}>
        {(d, i) => (
          <div class="date-row">
            <select aria-label={t('date.kind')} value={d().kind} onChange={(e) => update(i, { kind: e.currentTarget.value as ImportantDate['kind'] })}>
              <For each={DATE_KINDS}>{(k) => <option value={k}>{t(`date.${k}`)}</option>}</For>
            </select>
            <select aria-label={t('date.calendar')} value={d().calendar} onChange={(e) => update(i, { calendar: e.currentTarget.value as ImportantDate['calendar'], leap: undefined })}>
              <option value="solar">{t('date.solar')}</option>
              <option value="lunar">{t('date.lunar')}</option>
            </select>
            <input aria-label={t('date.month')} type="number" min="1" max="12" value={d().month} onInput={(e) => update(i, { month: Number(e.currentTarget.value) })} />
            <span aria-hidden="true">{t('date.month')}</span>
            <input aria-label={t('date.day')} type="number" min="1" max="31" value={d().day} onInput={(e) => update(i, { day: Number(e.currentTarget.value) })} />
            <span aria-hidden="true">{t('date.day')}</span>
            <Show when={d().calendar === 'lunar'}>
              <label class="inline">
                <input type="checkbox" checked={!!d().leap} onChange={(e) => update(i, { leap: e.currentTarget.checked || undefined })} />
                {t('date.leap')}
              </label>
            </Show>
            <button type="button" class="link" onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}>{t('date.remove')}</button>
          </div>
        )}
      </Index>
      <button type="button" onClick={() => props.onChange([...props.value, { kind: 'birthday', calendar: 'solar', month: 1, day: 1 }])}>{t('date.add')}</button>
    </fieldset>
  );
}
