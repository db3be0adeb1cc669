import { A, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { CUSTOMER_KINDS, GRADES } from '../../domain/customers/types';
import { mayExportFull } from '../../domain/customers/personal-data';
import { AGE_BANDS, emptyFilter, type ResidentFilter } from '../../domain/residents/filter';
import { SPECIAL_NEEDS } from '../../domain/residents/needs';
import { LIMITS } from '../../domain/limits';
import { dateField } from '../../i18n/date-field';
import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { personalDataFacts } from '../../store/personal-data';
import { residentLists, residentsView } from '../../store/queries/residents';
import { exportResidents, saveResidentList } from '../../store/residents';
import { residentPrintLinks } from '../../print/links';
import { createAction, createSave, FormShell } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { download, today } from '../import/labels';
import { BoardNav } from '../notices/BoardNav';
import { NeedChips } from './NeedChips';
import { filterFromParam, filterToParam } from './filter-url';
import './residents.css';

const SHOWN = 200;
type ListField = 'kinds' | 'grades' | 'needs' | 'ageBands' | 'buildings' | 'tags';

/**
 * 住户名单: the directory filtered by type, grade, tag, building, age band, special needs and the
 * dates of the relation to the unit; counts per building; saved by name for notices, plans and
 * surveys; printed as a call list or a register; exported as the office's rules allow.
 */
export function ResidentsPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ f?: string }>();
  const [filter, setFilter] = createStore<ResidentFilter>(filterFromParam(params.f));
  const year = new Date().getFullYear();
  const current = () => ({ ...filter, kinds: [...filter.kinds], grades: [...filter.grades], tags: [...filter.tags], buildings: [...filter.buildings], ageBands: [...filter.ageBands], needs: [...filter.needs] });
  const view = createLive(() => JSON.stringify(current()), (f) => residentsView(props.office.db, JSON.parse(f), year), null);
  const lists = createLive(() => props.office, (o) => residentLists(o.db), []);
  const apply = (next: ResidentFilter) => {
    setFilter(reconcile(next));
    setParams({ f: filterToParam(next) || undefined }, { replace: true });
  };
  const toggle = (field: ListField, value: string, on: boolean) => {
    const values = filter[field] as string[];
    apply({ ...current(), [field]: on ? [...values, value] : values.filter((v) => v !== value) });
  };
  const setDay = (field: 'fromAfter' | 'fromBefore' | 'toAfter' | 'toBefore', value: string) => apply({ ...current(), [field]: value.trim() });

  const [name, setName] = createSignal('');
  const save = createSave(() => saveResidentList(props.office, null, name(), current()), () => setName(''));

  const facts = createLive(() => props.office.config.staffId ?? '', () => personalDataFacts(props.office), null);
  const mayFull = () => {
    const f = facts();
    return !!f && mayExportFull(f.policy, f.role).ok;
  };
  const [full, setFull] = createSignal(false);
  const exporting = createAction();
  const exportCsv = () =>
    exporting.run(
      () => exportResidents(props.office, current(), year, full() && mayFull(), {
        headers: [t('customers.unit'), t('customers.name'), t('residents.kind'), t('customers.phones'), t('residents.tags'), t('residents.needs')],
        kind: (k) => t(`kind.${k}`),
        need: (n) => t(`need.${n}`),
      }),
      (file) => download(file.bytes, `${t('residents.fileName', { date: today() })}.csv`, 'text/csv;charset=utf-8'),
    );

  const group = (field: ListField, legend: string, values: readonly string[], label: (v: string) => string) => (
    <fieldset class="filter-group">
      <legend>{legend}</legend>
      <div class="checks">
        <For each={values}>
          {(v) => (
            <label class="check">
              <input type="checkbox" checked={(filter[field] as string[]).includes(v)} onChange={(e) => toggle(field, v, e.currentTarget.checked)} />
              {label(v)}
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );

  return (
    <main class="page wide residents-page">
      <div class="page-head">
        <h1>{t('residents.title')}</h1>
      </div>
      <BoardNav />
      <section class="card" aria-labelledby="residents-filter">
        <h2 id="residents-filter">{t('residents.filter')}</h2>
        <div class="filter-grid">
          {group('kinds', t('residents.kind'), CUSTOMER_KINDS, (k) => t(`kind.${k}` as never))}
          {group('grades', t('residents.grade'), GRADES, (g) => t(`grade.${g}` as never))}
          {group('needs', t('residents.needs'), SPECIAL_NEEDS, (n) => t(`need.${n}` as never))}
          {group('ageBands', t('residents.ageBand'), AGE_BANDS, (a) => t(`age.${a}` as never))}
          {group('buildings', t('residents.building'), view()?.buildings ?? [], (b) => t('units.building', { building: b }))}
          <Show when={view()?.tags.length}>{group('tags', t('residents.tags'), view()?.tags ?? [], (x) => x)}</Show>
          <fieldset class="filter-group">
            <legend>{t('residents.relationDates')}</legend>
            <div class="grid-2">
              <label>{t('residents.fromAfter')}<input {...dateField('date')} name="fromAfter" value={filter.fromAfter} onInput={(e) => setDay('fromAfter', e.currentTarget.value)} /></label>
              <label>{t('residents.fromBefore')}<input {...dateField('date')} name="fromBefore" value={filter.fromBefore} onInput={(e) => setDay('fromBefore', e.currentTarget.value)} /></label>
              <label>{t('residents.toAfter')}<input {...dateField('date')} name="toAfter" value={filter.toAfter} onInput={(e) => setDay('toAfter', e.currentTarget.value)} /></label>
              <label>{t('residents.toBefore')}<input {...dateField('date')} name="toBefore" value={filter.toBefore} onInput={(e) => setDay('toBefore', e.currentTarget.value)} /></label>
            </div>
          </fieldset>
        </div>
        <div class="actions start">
          <button type="button" onClick={() => apply(emptyFilter())}>{t('residents.clear')}</button>
          <label class="inline">
            {t('residents.savedLists')}
            <select aria-label={t('residents.savedLists')} value="" onChange={(e) => { const l = lists().find((x) => x.id === e.currentTarget.value); if (l) apply(l.filter); }}>
              <option value="">{t('residents.pickList')}</option>
              <For each={lists()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          </label>
        </div>
      </section>

      <Show when={view()}>
        {(v) => (
          <>
            <p class="result-count" role="status" data-testid="residents-count">{t('residents.count', { n: v().rows.length, total: v().total })}</p>
            <div class="residents-actions">
              <FormShell save={save} class="save-list" aria-label={t('residents.saveAs')} submit={t('residents.saveAs')} problemsAt="bottom">
                <label>
                  {t('residents.listName')}
                  <input name="listName" value={name()} maxLength={LIMITS.name} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
              </FormShell>
              <div class="actions start">
                <A class="button" href={residentPrintLinks.callList(filterToParam(current()))}>{t('residents.printCallList')}</A>
                <A class="button" href={residentPrintLinks.register(filterToParam(current()))}>{t('residents.printRegister')}</A>
                <label class="inline">
                  <input type="checkbox" checked={full() && mayFull()} disabled={!mayFull()} onChange={(e) => setFull(e.currentTarget.checked)} />
                  {t('residents.fullPhones')}
                </label>
                <button type="button" disabled={exporting.busy()} onClick={exportCsv}>{t('residents.exportCsv')}</button>
              </div>
              <Problems problems={exporting.problems()} />
            </div>
            <section class="card" aria-labelledby="residents-counts">
              <h2 id="residents-counts">{t('residents.perBuilding')}</h2>
              <div class="table-scroll">
                <table class="counts-table" data-testid="residents-counts">
                  <thead>
                    <tr>
                      <th scope="col">{t('residents.building')}</th><th scope="col">{t('residents.people')}</th><th scope="col">{t('residents.households')}</th>
                      <th scope="col">{t('residents.tenants')}</th><th scope="col">{t('residents.tenantShare')}</th>
                      <th scope="col">{t('need.elderlyAlone')}</th><th scope="col">{t('need.mobility')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={v().counts}>
                      {(c) => (
                        <tr data-building={c.building}>
                          <th scope="row">{c.building ? t('units.building', { building: c.building }) : t('residents.noUnit')}</th>
                          <td>{c.people}</td><td>{c.households}</td><td>{c.tenants}</td><td>{Math.round(c.tenantShare * 100)}%</td><td>{c.elderlyAlone}</td><td>{c.mobility}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </section>
            <ul class="rows" data-testid="residents-rows" aria-label={t('residents.title')}>
              <For each={v().rows.slice(0, SHOWN)}>
                {(c) => (
                  <li>
                    <A class="row resident-row" href={`/customers/${encodeURIComponent(c.id)}`}>
                      <strong>{c.name}</strong>
                      <span class="muted">{c.unitCode || '—'}</span>
                      <span class="chips">
                        <span class="chip">{t(`kind.${c.kind}`)}</span>
                        <NeedChips tags={c.tags} />
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
            <Show when={v().rows.length > SHOWN}><p class="muted">{t('residents.more', { n: v().rows.length - SHOWN })}</p></Show>
          </>
        )}
      </Show>
    </main>
  );
}
