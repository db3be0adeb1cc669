import { For, Show } from 'solid-js';
import { CUSTOMER_KINDS } from '../../domain/customers/types';
import { FILTER_KEYS, hasFilters, NO_FILTERS, surveysApply, type FilterKey, type IndicatorFilters } from '../../domain/indicators/filters';
import type { ServiceSettings } from '../../domain/requests/settings';
import { t } from '../../i18n';
import { groupLabel } from '../../shared/indicators/labels';

/**
 * The dashboard's filters: one building, category, team, customer type, each "all" by default;
 * they narrow every figure, chart and list on the page, and go with 打印月报 to the report's header.
 */
export function FilterBar(props: { filters: IndicatorFilters; buildings: string[]; settings: ServiceSettings; onChange: (f: IndicatorFilters) => void }) {
  const options = (k: FilterKey): string[] => {
    switch (k) {
      case 'building': return props.buildings;
      case 'category': return props.settings.categories.map((c) => c.id);
      case 'team': return props.settings.teams.map((c) => c.id);
      case 'kind': return CUSTOMER_KINDS;
    }
  };
  return (
    <section class="filter-bar" aria-label={t('dashboard.filters')} data-testid="filters">
      <For each={FILTER_KEYS}>
        {(k) => (
          <label class="inline">
            {t(`dashboard.by.${k}`)}
            <select value={props.filters[k]} data-filter={k} onChange={(e) => props.onChange({ ...props.filters, [k]: e.currentTarget.value })}>
              <option value="">{t('dashboard.filterAll')}</option>
              <For each={options(k)}>{(v) => <option value={v}>{groupLabel(k, v, props.settings)}</option>}</For>
              {/* A filter from an address whose value the office no longer has (a category removed): still shown. */}
              <Show when={props.filters[k] && !options(k).includes(props.filters[k])}>
                <option value={props.filters[k]}>{groupLabel(k, props.filters[k], props.settings)}</option>
              </Show>
            </select>
          </label>
        )}
      </For>
      <Show when={hasFilters(props.filters)}>
        <button type="button" onClick={() => props.onChange(NO_FILTERS)}>{t('dashboard.clearFilters')}</button>
        <Show when={!surveysApply(props.filters)}>
          <p class="muted filter-note">{t('dashboard.surveysNotFiltered')}</p>
        </Show>
      </Show>
    </section>
  );
}
