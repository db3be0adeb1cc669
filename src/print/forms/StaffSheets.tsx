import '../../i18n/dashboard';
import { useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { isMonth, monthOf } from '../../domain/indicators/period';
import { FIGURE_IDS, staffFigures, type Figures } from '../../domain/staff-figures/figures';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import { figureName, figureText } from '../../shared/indicators/staff-figures';
import type { Office } from '../../store/office-api';
import { requestNumbers, staffFiguresInput } from '../../store/queries/staff-figures';
import { myRole } from '../../store/requests';
import { FormTitle, PrintPage, usePrint } from '../PrintPage';
import { Signatures } from '../RecordForm';

/**
 * 员工业绩表 (`/print/staff-figures?from=2026-11&to=2026-11&staff=a,b`): one A4 sheet per person for
 * the monthly review — each figure, its count or rate, and the numbers of the records behind it,
 * signed by the person and the manager. Managers only, as on screen.
 */
export function StaffSheets(props: { office: Office }) {
  const [params] = useSearchParams<{ from?: string; to?: string; staff?: string }>();
  const from = () => (params.from && isMonth(params.from) ? params.from : monthOf(new Date().toISOString(), 480));
  const to = () => (params.to && isMonth(params.to) ? params.to : from());
  const data = createLive(() => ({ from: from(), to: to(), staff: params.staff ?? '' }), async (q) => {
    const role = await myRole(props.office);
    const input = role === 'manager' ? await staffFiguresInput(props.office.db, q.from, q.to) : { requests: [], followups: [], staff: [], teams: [], from: q.from, to: q.to, utcOffset: 480 };
    const result = staffFigures(input, role);
    if (!result.ok) return { refused: true as const };
    const wanted = q.staff ? q.staff.split(',') : null;
    const people = result.value.people.filter((p) => !wanted || wanted.includes(p.key));
    const numbers = await requestNumbers(props.office.db, [...new Set(people.flatMap((p) => FIGURE_IDS.flatMap((id) => p.figures[id].ids)))]);
    return { refused: false as const, people, numbers, teams: input.teams };
  }, null);
  return (
    <PrintPage office={props.office} title={t('staffFigures.sheetTitle')} ready={data() !== null} backHref={`/staff-figures?from=${from()}&to=${to()}`}>
      <Show when={data()}>
        {(d) => (
          <Show when={!d().refused && d()} fallback={<p role="alert" data-testid="staff-sheets-refused">{t('staffFigures.error.managerOnly')}</p>}>
            {(ok) => {
              const v = ok() as Extract<NonNullable<ReturnType<typeof data>>, { refused: false }>;
              return <For each={v.people}>{(p) => <Sheet person={p} numbers={v.numbers} teamName={v.teams.find((x) => x.id === p.teamId)?.name ?? ''} from={from()} to={to()} />}</For>;
            }}
          </Show>
        )}
      </Show>
    </PrintPage>
  );
}

function Sheet(props: { person: Figures; numbers: Map<string, string>; teamName: string; from: string; to: string }) {
  usePrint();
  const period = () => (props.from === props.to ? props.from : `${props.from} — ${props.to}`);
  const list = createMemo(() => Object.fromEntries(FIGURE_IDS.map((id) => [id, [...new Set(props.person.figures[id].ids)].map((x) => props.numbers.get(x) ?? x)])) as Record<string, string[]>);
  return (
    <section class="staff-sheet" data-testid="staff-sheet" data-staff={props.person.key}>
      <FormTitle title={t('staffFigures.sheetTitle')} meta={[
        { label: t('staffFigures.name'), value: props.person.name },
        { label: t('staffFigures.team'), value: props.teamName || '—' },
        { label: t('staffFigures.period'), value: period() },
      ]} />
      <table class="register report-table">
        <thead><tr><th>{t('staffFigures.figure')}</th><th>{t('staffFigures.count')}</th><th>{t('staffFigures.records')}</th></tr></thead>
        <tbody>
          <For each={FIGURE_IDS}>
            {(id) => (
              <tr data-figure={id}>
                <td>{figureName(id)}</td>
                <td class="nowrap">{figureText(id, props.person.figures[id])}</td>
                <td class="wrap numbers">{list()[id].slice(0, 24).join('、')}{list()[id].length > 24 ? t('report.andMore', { n: list()[id].length - 24 }) : ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="small">{t('staffFigures.howCounted')}</p>
      <Signatures lines={[{ label: t('staffFigures.selfSign') }, { label: t('staffFigures.managerSign') }, { label: t('print.date'), date: true }]} />
    </section>
  );
}
