import '../../i18n/dashboard';
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { monthOf, isMonth } from '../../domain/indicators/period';
import type { Ref } from '../../domain/indicators/compute';
import { FIGURE_IDS, staffFigures, type FigureId, type Figures } from '../../domain/staff-figures/figures';
import { dateField } from '../../i18n/date-field';
import { t } from '../../i18n';
import { staffFigurePrintLink } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { figureName, figureText } from '../../shared/indicators/staff-figures';
import type { Office } from '../../store/office-api';
import { staffFiguresInput } from '../../store/queries/staff-figures';
import { myRole } from '../../store/requests';
import { DrillList } from '../dashboard/DrillList';
import '../dashboard/dashboard.css';
import './staff-figures.css';

/**
 * 个人业绩 (issue 21): each person's and each team's figures for a period of months, for the
 * manager's monthly review. Loader + view: the rows are read, the domain computes (and refuses
 * anyone but a manager, whose refusal the page shows); a figure opens its records; each person
 * prints on one sheet.
 */
export function StaffFiguresPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ from?: string; to?: string; who?: string; f?: string }>();
  const thisMonth = monthOf(new Date().toISOString(), 480);
  const from = () => (params.from && isMonth(params.from) ? params.from : thisMonth);
  const to = () => (params.to && isMonth(params.to) ? params.to : from());
  const role = createLive(() => props.office, (o) => myRole(o), null as string | null);
  const input = createLive(() => ({ from: from(), to: to(), manager: role() === 'manager' }), (q) => (q.manager ? staffFiguresInput(props.office.db, q.from, q.to) : null), null);
  const result = createMemo(() => {
    const r = role();
    if (r === null) return null;
    // A non-manager gets the domain's refusal without any rows read.
    if (r !== 'manager') return staffFigures({ requests: [], followups: [], staff: [], teams: [], from: from(), to: to(), utcOffset: 480 }, r);
    const i = input();
    return i ? staffFigures(i, r) : null;
  });
  const drill = createMemo((): { title: string; refs: Ref[] } | null => {
    const res = result();
    if (!res?.ok || !params.who || !params.f) return null;
    const row = [...res.value.people, ...res.value.teams].find((x) => x.key === params.who);
    const id = params.f as FigureId;
    if (!row || !FIGURE_IDS.includes(id)) return null;
    const f = row.figures[id];
    const hit = new Set(f.hitIds);
    // What counts against the person first: late, not satisfied, reworked, a valid complaint.
    const good = (x: string) => (id === 'rework' ? !hit.has(x) : id === 'validComplaints' ? false : hit.has(x));
    const refs = [...new Set(f.ids)].map((x) => ({ collection: 'requests' as const, id: x, hit: good(x) }));
    return { title: t('staffFigures.drill', { name: row.name, figure: figureName(id) }), refs: [...refs.filter((r) => !r.hit), ...refs.filter((r) => r.hit)] };
  });
  const roleName = () => (role() ? t(`role.${role()}` as 'role.manager') : t('personal.noRole'));

  const table = (rows: Figures[], caption: string, testid: string) => (
    <div class="table-scroll">
      <table class="figures staff-figures" data-testid={testid}>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <For each={FIGURE_IDS}>{(id) => <th scope="col">{figureName(id)}</th>}</For>
            <Show when={testid === 'staff-people'}><th scope="col"><span class="sr-only">{t('staffFigures.print')}</span></th></Show>
          </tr>
        </thead>
        <tbody>
          <For each={rows}>
            {(row) => (
              <tr data-key={row.key}>
                <th scope="row">{row.name}</th>
                <For each={FIGURE_IDS}>
                  {(id) => (
                    <td>
                      <button type="button" class="link" disabled={!row.figures[id].n} aria-label={`${row.name} ${figureName(id)} ${figureText(id, row.figures[id])}`}
                        onClick={() => setParams({ who: row.key, f: id })}>
                        {figureText(id, row.figures[id])}
                      </button>
                    </td>
                  )}
                </For>
                <Show when={testid === 'staff-people'}>
                  <td><A href={staffFigurePrintLink(from(), to(), [row.key])} aria-label={t('staffFigures.printOne', { name: row.name })}>{t('print.print')}</A></td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );

  return (
    <main class="page wide dashboard staff-figures-page">
      <div class="page-head">
        <h1>{t('staffFigures.title')}</h1>
        <div class="head-actions">
          <label class="inline">{t('staffFigures.from')}<input {...dateField('month')} value={from()} onChange={(e) => e.currentTarget.value && setParams({ from: e.currentTarget.value, who: undefined, f: undefined })} /></label>
          <label class="inline">{t('staffFigures.to')}<input {...dateField('month')} value={to()} onChange={(e) => e.currentTarget.value && setParams({ to: e.currentTarget.value, who: undefined, f: undefined })} /></label>
          <Show when={role() === 'manager'}><A class="button primary" href={staffFigurePrintLink(from(), to())}>{t('staffFigures.print')}</A></Show>
        </div>
      </div>
      <Show when={result()} fallback={<p>{t('common.loading')}</p>}>
        {(res) => (
          <Show when={res().ok ? res() as Extract<ReturnType<typeof staffFigures>, { ok: true }> : null}
            fallback={<p class="banner" role="alert" data-testid="staff-figures-refused">{role() === 'manager' ? t('staffFigures.error.period') : t('staffFigures.notAllowed', { role: roleName() })}</p>}>
            {(ok) => (
              <>
                <Show when={drill()}>{(d) => <DrillList office={props.office} title={d().title} refs={d().refs} onClose={() => setParams({ who: undefined, f: undefined })} />}</Show>
                <section class="card" aria-labelledby="people-title">
                  <h2 id="people-title">{t('staffFigures.people')}</h2>
                  {table(ok().value.people, t('staffFigures.name'), 'staff-people')}
                </section>
                <section class="card" aria-labelledby="teams-title">
                  <h2 id="teams-title">{t('staffFigures.teams')}</h2>
                  {table(ok().value.teams, t('staffFigures.team'), 'staff-teams')}
                </section>
                <p class="muted small">{t('staffFigures.howCounted')}</p>
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
