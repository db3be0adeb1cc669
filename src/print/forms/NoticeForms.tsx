import '../../i18n/notices';
import { useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/types';
import { callersToCallBack, type IncidentCall } from '../../domain/incidents/incident';
import { maskPhone } from '../../domain/mask';
import type { Telling } from '../../domain/notices/notice';
import { specialNeedsOf } from '../../domain/residents/needs';
import { formatDateTime, t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { PaperRef } from '../../domain/papers/paper';
import type { Office } from '../../store/office-api';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RecordQr, recordUrl } from '../RecordQr';
import { Signatures } from '../RecordForm';
import { RegisterTable, type RegisterColumn } from '../RegisterTable';
import { loadIncidentPrint, loadNoticePrint, noticeNumber, type NoticePrintData } from './notice-data';
import './notice-forms.css';

const needsText = (tags: readonly string[]) => specialNeedsOf(tags).map((n) => t(`need.${n}` as never)).join('、');

/** Back to the notice (or the list when it is not found), and the paper to track once it is read. */
const noticeBack = (d: NoticePrintData | null | undefined) => (d ? `/notices/${d.notice.id}` : '/notices');
const noticePapers = (d: NoticePrintData | null | undefined, form: PaperRef['form'], title: string): PaperRef[] | undefined =>
  d ? [{ form, ref: `notices/${d.notice.id}`, title: `${title} · ${d.notice.title}` }] : undefined;

function useNotice(office: Office) {
  const [params] = useSearchParams<{ id?: string; size?: string }>();
  return { params, data: createLive(() => params.id ?? '', (id) => loadNoticePrint(office, id), undefined as NoticePrintData | null | undefined) };
}

/** 公告 for the lobby board: the title large, the text, the office and the date; A4 or A3 (`?size=A3`). */
export function NoticeBoard(props: { office: Office }) {
  const { params, data } = useNotice(props.office);
  const size = () => (params.size === 'A3' ? 'A3' : 'A4');
  return (
    <PrintPage office={props.office} title={data()?.notice.title || t('notice.title')} sheetSize={size()} ready={data() !== undefined} backHref={noticeBack(data())}
      papers={noticePapers(data(), 'notice-board', t('notice.board'))}>
      <Show when={data()} fallback={<p class="empty">{t('notice.notFound')}</p>}>{(d) => <Board data={d()} size={size()} />}</Show>
    </PrintPage>
  );
}

function Board(props: { data: NoticePrintData; size: 'A4' | 'A3' }) {
  const print = usePrint();
  const n = () => props.data.notice;
  return (
    <section class={`notice-board size-${props.size}`} data-testid="notice-board">
      <h1 class="board-title">{n().title}</h1>
      <p class="board-body">{n().body}</p>
      <p class="board-period">{t('notice.boardPeriod', { from: n().from, to: n().to })}</p>
      <div class="board-foot">
        <div class="board-sign">
          <p>{print.officeName()}</p>
          <p>{formatPrintDate(print.printedAt(), false)}</p>
        </div>
        <div class="board-qr"><RecordQr url={recordUrl(`notices/${n().id}`)} number={noticeNumber(n())} /></div>
      </div>
    </section>
  );
}

/** 电话告知名单: those of the audience who must be phoned, with columns to write the call down. */
export function NoticeCallList(props: { office: Office }) {
  const { data } = useNotice(props.office);
  // A4 portrait leaves ~174 mm: the fixed columns take ~120 so 情况 keeps room to write in.
  const columns: RegisterColumn<CustomerRow>[] = [
    { id: 'unit', label: t('customers.unit'), width: '22mm', value: (c) => c.unitCode },
    { id: 'name', label: t('customers.name'), width: '20mm', value: (c) => c.name },
    { id: 'phone', label: t('customers.phones'), width: '28mm', value: (c) => c.phones.map(maskPhone).join(' / ') },
    { id: 'needs', label: t('residents.needs'), width: '20mm', value: (c) => needsText(c.tags) },
    { id: 'at', label: t('notice.at'), width: '18mm' },
    { id: 'result', label: t('notice.result') },
    { id: 'by', label: t('notice.by'), width: '16mm' },
  ];
  return (
    <PrintPage office={props.office} title={t('notice.callList')} ready={data() !== undefined} backHref={noticeBack(data())}
      papers={noticePapers(data(), 'notice-calls', t('notice.callList'))}>
      <Show when={data()} fallback={<p class="empty">{t('notice.notFound')}</p>}>
        {(d) => (
          <>
            <FormTitle title={t('notice.callList')} qr={{ url: recordUrl(`notices/${d().notice.id}`), number: noticeNumber(d().notice) }}
              meta={[{ label: t('notice.titleField'), value: d().notice.title }, { label: t('notice.period'), value: `${d().notice.from} – ${d().notice.to}` }, { label: t('notice.count'), value: String(d().callList.length) }]} />
            <RegisterTable columns={columns} rows={d().callList} rowKey={(c) => c.id} numbered rowHeight="11mm" label={t('notice.callList')} />
            <Signatures lines={[{ label: t('notice.caller') }, { label: t('print.date'), date: true }]} />
          </>
        )}
      </Show>
    </PrintPage>
  );
}

/** 通知告知登记表: every telling, one line each — who, how, by whom, when — and blank lines for the ones still to come. */
export function NoticeRegister(props: { office: Office }) {
  const { data } = useNotice(props.office);
  const columns: RegisterColumn<Telling | null>[] = [
    { id: 'unit', label: t('customers.unit'), width: '26mm', value: (x) => x?.unitCode ?? '' },
    { id: 'name', label: t('customers.name'), width: '26mm', value: (x) => x?.customerName ?? '' },
    { id: 'channel', label: t('notice.channel'), width: '22mm', value: (x) => (x ? t(`channel.${x.channel}` as never) : '') },
    { id: 'by', label: t('notice.by'), width: '22mm', value: (x) => x?.byName ?? '' },
    { id: 'at', label: t('notice.at'), width: '34mm', value: (x) => (x ? formatDateTime(x.at) : '') },
    { id: 'signature', label: t('print.signature') },
  ];
  const rows = (d: NoticePrintData) => [...d.tellings, ...Array.from({ length: Math.max(5, 15 - d.tellings.length) }, () => null)];
  return (
    <PrintPage office={props.office} title={t('notice.register')} ready={data() !== undefined} backHref={noticeBack(data())}
      papers={noticePapers(data(), 'notice-register', t('notice.register'))}>
      <Show when={data()} fallback={<p class="empty">{t('notice.notFound')}</p>}>
        {(d) => (
          <>
            <FormTitle title={t('notice.register')} qr={{ url: recordUrl(`notices/${d().notice.id}`), number: noticeNumber(d().notice) }}
              meta={[{ label: t('notice.titleField'), value: d().notice.title }, { label: t('notice.period'), value: `${d().notice.from} – ${d().notice.to}` }, { label: t('notice.count'), value: String(d().tellings.length) }]} />
            <RegisterTable columns={columns} rows={rows(d())} rowKey={(x) => x?.id ?? ''} numbered rowHeight="10mm" label={t('notice.register')} />
          </>
        )}
      </Show>
    </PrintPage>
  );
}

/** 回电名单: after an incident, the callers to call back (one line per customer). */
export function IncidentCallBacks(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string }>();
  const data = createLive(() => params.id ?? '', (id) => loadIncidentPrint(props.office, id), undefined as Awaited<ReturnType<typeof loadIncidentPrint>> | undefined);
  const columns: RegisterColumn<IncidentCall>[] = [
    { id: 'unit', label: t('customers.unit'), width: '26mm', value: (c) => c.unitCode },
    { id: 'name', label: t('customers.name'), width: '26mm', value: (c) => c.name },
    { id: 'phone', label: t('customers.phones'), width: '32mm', value: (c) => maskPhone(c.phone) },
    { id: 'called', label: t('incident.calledAt'), width: '34mm', value: (c) => formatDateTime(c.at) },
    { id: 'back', label: t('incident.calledBackButton'), width: '30mm', value: (c) => (c.calledBackAt ? formatDateTime(c.calledBackAt) : '') },
    { id: 'remark', label: t('print.remark') },
  ];
  const incidentBack = () => {
    const d = data();
    return d ? `/incidents/${d.incident.id}` : '/incidents';
  };
  return (
    <PrintPage office={props.office} title={t('incident.callBackList')} ready={data() !== undefined} backHref={incidentBack()}>
      <Show when={data()} fallback={<p class="empty">{t('incident.notFound')}</p>}>
        {(d) => (
          <>
            <FormTitle title={t('incident.callBackList')} qr={{ url: recordUrl(`incidents/${d().incident.id}`) }}
              meta={[{ label: t('incident.titleField'), value: d().incident.title }, { label: t('incident.outcome'), value: d().incident.outcome || '—' }]} />
            <RegisterTable columns={columns} rows={callersToCallBack(d().calls)} rowKey={(c) => c.id} numbered rowHeight="10mm" label={t('incident.callBackList')} />
          </>
        )}
      </Show>
    </PrintPage>
  );
}
