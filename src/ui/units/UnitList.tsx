import { A, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { unitsByBuilding } from '../../store/queries/units';

/**
 * Units by building with occupancy. A building's rooms are drawn only when it is opened, so an
 * estate of thousands of units stays quick on a tablet.
 */
export function UnitList(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const filter = () => params.q ?? '';
  const groups = createLive(filter, (q) => unitsByBuilding(props.office.db, q), null);
  return (
    <main class="page">
      <div class="page-head">
        <h1>{t('units.title')}</h1>
        <div class="head-actions">
          <A href="/renovations" class="button">{t('renoList.link')}</A>
          <A href="/import" class="button">{t('import.title')}</A>
          <A href="/units/new" class="button primary">{t('units.new')}</A>
        </div>
      </div>
      <input type="search" class="search" aria-label={t('units.filter')} placeholder={t('units.filter')} value={filter()}
        onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })} />
      <Show when={groups()} fallback={<p>{t('common.loading')}</p>}>
        {(list) => (
          <Show when={list().length} fallback={<p class="empty">{t('units.empty')}</p>}>
            <div class="buildings" data-testid="unit-buildings">
              <For each={list()}>
                {(g) => (
                  <details class="building" open={list().length === 1 || !!filter()}>
                    <summary>
                      <strong>{g.building ? t('units.building', { building: g.building }) : t('units.noBuilding')}</strong>
                      <span class="muted">
                        {t('units.summary', { n: g.units.length, owner: g.counts.owner, rented: g.counts.rented, vacant: g.counts.vacant, renovating: g.counts.renovating })}
                      </span>
                    </summary>
                    <BuildingGrid office={props.office} units={g.units} />
                  </details>
                )}
              </For>
            </div>
          </Show>
        )}
      </Show>
    </main>
  );
}

function BuildingGrid(props: { office: Office; units: { id: string; code: string; status: string; use: string }[] }) {
  return (
    <ul class="unit-grid">
      <For each={props.units}>
        {(u) => (
          <li>
            <A href={`/units/${u.id}`} class={`unit-cell status-${u.status}`} aria-label={`${u.code} ${t(`status.${u.status}` as 'status.owner')}`}>
              <span>{u.code}</span>
              <small>{t(`status.${u.status}` as 'status.owner')}</small>
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}
