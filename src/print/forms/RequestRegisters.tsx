import { useSearchParams } from '@solidjs/router';
import { dateField } from '../../i18n/date-field';
import { For, type JSX } from 'solid-js';
import { complaintState } from '../../domain/requests/complaint';
import type { FollowUpRow } from '../../domain/requests/followup';
import { categoryById, type ServiceSettings } from '../../domain/requests/settings';
import type { ServiceRequest } from '../../domain/requests/types';
import { officeDaysRange } from '../../domain/requests/work-time';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { serviceSettings } from '../../store/queries/settings';
import { printRef, type PaperRef } from '../../domain/papers/paper';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RegisterTable, type RegisterColumn } from '../RegisterTable';
import { dayOf, fullRequests, rowsTakenBetween, todayOf } from './request-data';
import { allStaff } from '../../store/queries/staff';
import { followUpsBetween } from '../../store/queries/requests';

interface Range {
  from: string;
  to: string;
  team: string;
}

/** A moment as the office's day (YYYY-MM-DD), once the settings are read; '' before. */
function dayIn(loaded: () => { settings: ServiceSettings } | null, iso: string): string {
  const d = loaded();
  return iso && d ? dayOf(iso, d.settings) : '';
}

function useRange(settings: () => ServiceSettings | null) {
  const [params, setParams] = useSearchParams<{ from?: string; to?: string; team?: string }>();
  const today = () => {
    const s = settings();
    return s ? todayOf(s) : new Date().toISOString().slice(0, 10);
  };
  const monthStart = () => `${today().slice(0, 8)}01`;
  const range = (): Range => ({ from: params.from || monthStart(), to: params.to || today(), team: params.team ?? '' });
  const toolbar = (withTeam: boolean): JSX.Element => (
    <>
      <label class="inline">
        {t('form.from')}
        <input {...dateField('date')} value={range().from} onChange={(e) => setParams({ from: e.currentTarget.value }, { replace: true })} />
      </label>
      <label class="inline">
        {t('form.to')}
        <input {...dateField('date')} value={range().to} onChange={(e) => setParams({ to: e.currentTarget.value }, { replace: true })} />
      </label>
      {withTeam && (
        <label class="inline">
          {t('requests.team')}
          <select value={range().team} onChange={(e) => setParams({ team: e.currentTarget.value || undefined }, { replace: true })}>
            <option value="">{t('form.allTeams')}</option>
            <For each={settings()?.teams ?? []}>{(tm) => <option value={tm.id}>{tm.name}</option>}</For>
          </select>
        </label>
      )}
    </>
  );
  // Every paper filed (issue 21): the register of this range is one paper, numbered and filed by its first month.
  const paper = (form: string, title: string, withTeam: boolean): PaperRef => {
    const r = range();
    return { form, ref: printRef(form, { from: r.from, to: r.to, ...(withTeam ? { team: r.team } : {}) }), title: `${title} · ${t('form.range', { from: r.from, to: r.to })}`, period: r.from };
  };
  return { range, toolbar, paper };
}

function RegisterHead(props: { title: string; scope: string; count: number }) {
  const print = usePrint();
  return (
    <FormTitle
      title={props.title}
      meta={[
        { label: t('print.office'), value: print.officeName() },
        { label: t('print.scope'), value: props.scope },
        { label: t('form.count'), value: String(props.count) },
        { label: t('print.madeOn'), value: formatPrintDate(print.printedAt(), false) },
      ]}
    />
  );
}

interface RequestsData {
  rows: ServiceRequest[];
  settings: ServiceSettings;
  staff: StaffRow[];
}

async function loadRequests(office: Office, range: Range, kinds: string[] | null): Promise<RequestsData> {
  const settings = await serviceSettings(office.db);
  let rows = await rowsTakenBetween(office, range.from, range.to, settings);
  if (range.team) rows = rows.filter((r) => r.teamId === range.team);
  if (kinds) rows = rows.filter((r) => kinds.includes(r.kind));
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number));
  return { rows: await fullRequests(office, rows), settings, staff: await allStaff(office.db) };
}

/** 服务登记簿: the requests of a date range (optionally one team), a row each, the resident signs on completion. */
export function ServiceRegister(props: { office: Office }) {
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const { range, toolbar, paper } = useRange(settings);
  const data = createLive(range, (r) => loadRequests(props.office, r, null), null);
  const when = (iso: string) => dayIn(data, iso).slice(5);
  const columns = (): RegisterColumn<ServiceRequest>[] => [
    { id: 'number', label: t('requests.number'), width: '30mm', value: (r) => r.number },
    { id: 'date', label: t('form.acceptedAt'), width: '21mm', align: 'center', value: (r) => when(r.createdAt) },
    { id: 'unit', label: t('customers.unit'), width: '22mm', value: (r) => r.unitCode || r.location },
    { id: 'who', label: t('requests.customer'), width: '18mm', value: (r) => r.customerName },
    { id: 'what', label: t('form.content'), value: (r) => r.description },
    { id: 'category', label: t('requests.category'), width: '20mm', value: (r) => { const d = data(); return d ? categoryById(d.settings, r.category)?.name ?? '' : ''; } },
    { id: 'team', label: t('requests.team'), width: '16mm', value: (r) => data()?.settings.teams.find((tm) => tm.id === r.teamId)?.name ?? '' },
    { id: 'done', label: t('form.doneAt'), width: '21mm', align: 'center', value: (r) => when(r.doneAt) },
    { id: 'signature', label: t('form.residentSignature'), width: '26mm' },
  ];
  const scope = () => `${t('form.range', { from: range().from, to: range().to })}${range().team ? ` · ${data()?.settings.teams.find((tm) => tm.id === range().team)?.name ?? ''}` : ''}`;
  return (
    <PrintPage office={props.office} title={t('form.serviceRegister')} orientation="landscape" ready={data() !== null} backHref="/requests" toolbar={toolbar(true)}
      paper={paper('service-register', t('form.serviceRegister'), true)}>
      <RegisterHead title={t('form.serviceRegister')} scope={scope()} count={data()?.rows.length ?? 0} />
      <RegisterTable columns={columns()} rows={data()?.rows ?? []} rowKey={(r) => r.id} numbered rowHeight="9mm" label={t('form.serviceRegister')} />
    </PrintPage>
  );
}

/** 纠纷登记簿: the disputes of a date range with their handling and outcome. */
export function DisputeRegister(props: { office: Office }) {
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const { range, toolbar, paper } = useRange(settings);
  const data = createLive(range, (r) => loadRequests(props.office, r, ['dispute']), null);
  const columns = (): RegisterColumn<ServiceRequest>[] => [
    { id: 'number', label: t('requests.number'), width: '30mm', value: (r) => r.number },
    { id: 'date', label: t('form.acceptedAt'), width: '18mm', align: 'center', value: (r) => dayIn(data, r.createdAt) },
    { id: 'party', label: t('form.party'), width: '34mm', value: (r) => [r.unitCode, r.customerName].filter(Boolean).join(' ') },
    { id: 'what', label: t('form.content'), value: (r) => r.description },
    { id: 'resp', label: t('requests.responsibility'), width: '22mm', value: (r) => (r.investigation ? t(`resp.${r.investigation.responsibility}`) : '') },
    { id: 'result', label: t('form.result'), width: '34mm', value: (r) => t(`stage.${complaintState(r.history).stage}`) },
    { id: 'status', label: t('requests.status'), width: '16mm', align: 'center', value: (r) => t(`reqstatus.${r.status}`) },
    { id: 'signature', label: t('print.signature'), width: '24mm' },
  ];
  return (
    <PrintPage office={props.office} title={t('form.disputeRegister')} orientation="landscape" ready={data() !== null} backHref="/requests" toolbar={toolbar(false)}
      paper={paper('dispute-register', t('form.disputeRegister'), false)}>
      <RegisterHead title={t('form.disputeRegister')} scope={t('form.range', { from: range().from, to: range().to })} count={data()?.rows.length ?? 0} />
      <RegisterTable columns={columns()} rows={data()?.rows ?? []} rowKey={(r) => r.id} numbered rowHeight="9mm" label={t('form.disputeRegister')} />
    </PrintPage>
  );
}

/** 回访记录表: the follow-ups of a date range, with the satisfaction and the customer's words. */
export function FollowUpRegister(props: { office: Office }) {
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const { range, toolbar, paper } = useRange(settings);
  const data = createLive(
    () => ({ r: range(), s: settings() }),
    async ({ r, s }) => {
      if (!s) return null;
      return { rows: await followUpsBetween(props.office.db, r.from, r.to, s.calendar), settings: s };
    },
    null,
  );
  const columns = (): RegisterColumn<FollowUpRow>[] => [
    { id: 'date', label: t('print.date'), width: '20mm', align: 'center', value: (f) => dayIn(data, f.at) },
    { id: 'number', label: t('requests.number'), width: '30mm', value: (f) => f.requestNumber },
    { id: 'unit', label: t('customers.unit'), width: '22mm', value: (f) => f.unitCode },
    { id: 'who', label: t('requests.customer'), width: '20mm', value: (f) => f.customerName },
    { id: 'method', label: t('requests.method'), width: '14mm', align: 'center', value: (f) => t(`method.${f.method}`) },
    { id: 'satisfaction', label: t('requests.satisfaction'), width: '20mm', align: 'center', value: (f) => (f.satisfaction ? t(`sat.${f.satisfaction}` as 'sat.1') : '') },
    { id: 'comment', label: t('requests.comment'), value: (f) => f.comment },
    { id: 'by', label: t('form.followupBy'), width: '18mm', value: (f) => f.byName },
    { id: 'signature', label: t('print.signature'), width: '22mm' },
  ];
  return (
    <PrintPage office={props.office} title={t('form.followupRegister')} orientation="landscape" ready={data() !== null} backHref="/requests" toolbar={toolbar(false)}
      paper={paper('followup-register', t('form.followupRegister'), false)}>
      <RegisterHead title={t('form.followupRegister')} scope={t('form.range', { from: range().from, to: range().to })} count={data()?.rows.length ?? 0} />
      <RegisterTable columns={columns()} rows={data()?.rows ?? []} rowKey={(f) => f.id} numbered rowHeight="9mm" label={t('form.followupRegister')} />
    </PrintPage>
  );
}
