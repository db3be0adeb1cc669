import { PrintedPictures } from './printed-pictures';
import { useSearchParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import type { AttendanceRow, RemarkRow } from '../../domain/events/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RecordForm, Signatures, type FormSection } from '../RecordForm';
import { recordUrl } from '../RecordQr';
import { RegisterTable } from '../RegisterTable';
import { loadEventPrint, type EventPrintData } from './event-data';
import './event-forms.css';

type EventFormName = 'seminar-minutes' | 'sign-in' | 'activity-plan' | 'activity-record';

/** The shell shared by an event's forms: load, PrintPage with the paper to track, the form's body. */
function EventPrint(props: { office: Office; form: EventFormName; title: (d: EventPrintData) => string; orientation?: 'portrait' | 'landscape'; children: (d: EventPrintData) => JSX.Element }) {
  const [params] = useSearchParams<{ id?: string }>();
  const data = createLive(() => params.id ?? '', (id) => loadEventPrint(props.office, id), undefined as EventPrintData | null | undefined);
  const title = () => {
    const d = data();
    return d ? props.title(d) : t(`paperform.${props.form}`);
  };
  const papers = () => {
    const d = data();
    return d ? [{ form: props.form, ref: `events/${d.event.id}`, title: `${t(`paperform.${props.form}`)} · ${d.event.title}` }] : undefined;
  };
  return (
    <PrintPage office={props.office} title={title()} orientation={props.orientation ?? 'portrait'} ready={data() !== undefined} backHref={params.id ? `/events/${params.id}` : '/events'}
      papers={papers()}>
      <Show when={data()} fallback={<p class="empty">{t('events.notFound')}</p>}>{(d) => props.children(d())}</Show>
    </PrintPage>
  );
}

const staffName = (d: EventPrintData, id: string) => d.staff.find((s) => s.id === id)?.name ?? '';
const when = (d: EventPrintData) => (d.event.startsAt && !Number.isNaN(Date.parse(d.event.startsAt)) ? formatPrintDate(new Date(d.event.startsAt)) : '');
const qrFor = (d: EventPrintData, form: EventFormName) => recordUrl(`events/${d.event.id}?paper=${form}`);
const attendedLine = (d: EventPrintData) => t('events.attendedLine', { n: d.totals.attended, proxy: d.totals.proxy, walkIns: d.totals.walkIns, invited: d.totals.invited });
const groupsLine = (d: EventPrintData) =>
  [...d.event.groups.buildings.map((b) => t('events.buildingN', { n: b })), ...d.event.groups.kinds.map((k) => t(`kind.${k}` as 'kind.owner')), ...d.event.groups.tags].join('、');

/** 客户座谈会记录: the facts, minutes by agenda item, the remarks with the requests they became, the analysis, and the signature lines. */
export function SeminarMinutes(props: { office: Office }) {
  return (
    <EventPrint office={props.office} form="seminar-minutes" title={() => t('paperform.seminar-minutes')}>
      {(d) => <MinutesBody d={d} />}
    </EventPrint>
  );
}

function MinutesBody(props: { d: EventPrintData }) {
  const d = props.d;
  const print = usePrint();
  const sections: FormSection[] = [
    {
      title: t('form.eventFacts'),
      fields: [
        { label: t('events.purpose'), value: d.event.purpose, wide: true, lines: 2 },
        { label: t('events.scope'), value: `${t(`evscope.${d.event.scope}`)}${d.event.topic ? ` · ${d.event.topic}` : ''}` },
        { label: t('events.startsAt'), value: when(d) },
        { label: t('events.place'), value: d.event.place },
        { label: t('events.form'), value: d.event.form },
        { label: t('events.host'), value: staffName(d, d.event.hostId) },
        { label: t('events.recorder'), value: staffName(d, d.event.recorderId) },
        { label: t('form.attendance'), value: attendedLine(d), wide: true },
      ],
    },
    // One section per agenda item: its title across the sheet, its minutes under it.
    ...d.agenda.map((a, i) => ({ title: t('form.agendaN', { n: i + 1, title: a.title }), fields: [{ label: t('events.minutes'), value: a.minutes, wide: true, lines: 3 }] })),
    { title: t('events.freeNotes'), fields: [{ label: t('events.minutes'), value: d.event.notes, wide: true, lines: 2 }] },
  ];
  const analysis: FormSection[] = [
    {
      title: t('events.analysis'),
      fields: [
        { label: t('events.decisions'), value: d.event.decisions, wide: true, lines: 3 },
        { label: t('events.evaluation'), value: d.event.evaluation, wide: true, lines: 2 },
      ],
    },
  ];
  return (
    <div data-testid="seminar-minutes">
      <RecordForm recordId={d.event.id} title={t('paperform.seminar-minutes')} url={qrFor(d, 'seminar-minutes')}
        meta={[{ label: t('print.office'), value: print.officeName() }, { label: t('events.titleField'), value: d.event.title }]} sections={sections} />
      <h2 class="form-subtitle">{t('events.remarks')}</h2>
      <RegisterTable<RemarkRow>
        label={t('events.remarks')}
        rows={d.remarks}
        rowKey={(r) => r.id}
        rowHeight="auto"
        columns={[
          { id: 'n', label: t('form.remarkNo'), width: '16mm', align: 'center', value: (_r, i) => t('events.remarkN', { n: i + 1 }) },
          { id: 'who', label: t('requests.customer'), width: '30mm', value: (r) => [r.customerName, r.unitCode].filter(Boolean).join(' ') },
          { id: 'kind', label: t('events.remarkKind'), width: '14mm', align: 'center', value: (r) => t(`reqkind.${r.kind}`) },
          { id: 'text', label: t('events.remarkText'), wrap: true, value: (r) => `${r.topic ? `【${r.topic}】` : ''}${r.text}` },
          { id: 'request', label: t('form.requestNo'), width: '34mm', value: (r) => r.requestNumber || (r.status === 'setAside' ? t('remark.setAsideChip', { reason: r.reason }) : r.status === 'handled' ? t('remark.handledChip') : '') },
        ]}
      />
      {/* The analysis and the signatures go to a page together: never the signature lines alone on a blank page. */}
      <div class="form-closing">
        <RecordForm title="" sections={analysis} />
        <Signatures lines={[{ label: t('events.recorder') }, { label: t('form.manager') }, { label: t('print.date'), date: true }]} />
      </div>
    </div>
  );
}

/** 签到表: one row per invited household (unit, name, signature, 代签), blank rows for walk-ins; the header repeats on every page. */
export function SignInSheet(props: { office: Office }) {
  return (
    <EventPrint office={props.office} form="sign-in" title={() => t('paperform.sign-in')}>
      {(d) => (
        <div data-testid="sign-in">
          <FormTitle title={t('paperform.sign-in')} qr={{ url: qrFor(d, 'sign-in') }}
            meta={[{ label: t('events.titleField'), value: d.event.title }, { label: t('events.startsAt'), value: when(d) }, { label: t('events.place'), value: d.event.place }, { label: t('form.invitedCount'), value: String(d.totals.invited) }]} />
          <RegisterTable<AttendanceRow>
            label={t('paperform.sign-in')}
            numbered
            rows={d.attendance.filter((a) => !a.walkIn)}
            rowKey={(a) => a.customerId}
            rowHeight="10mm"
            blankRows={8}
            columns={[
              { id: 'unit', label: t('customers.unit'), width: '30mm', value: (a) => a.unitCode },
              { id: 'name', label: t('customers.name'), width: '32mm', value: (a) => a.name },
              { id: 'signature', label: t('form.signature') },
              { id: 'proxy', label: t('form.proxy'), width: '34mm' },
              { id: 'note', label: t('form.note'), width: '22mm' },
            ]}
          />
          <p class="form-note">{t('form.signInNote')}</p>
          <Signatures lines={[{ label: t('form.attendedBlank') }, { label: t('events.recorder') }, { label: t('print.date'), date: true }]} />
        </div>
      )}
    </EventPrint>
  );
}

/** 活动计划 (for approval): the plan, agenda, preparation with owners, the decision, and the signature lines. */
export function ActivityPlan(props: { office: Office }) {
  return (
    <EventPrint office={props.office} form="activity-plan" title={(d) => t(`form.planOf.${d.event.kind}`)}>
      {(d) => (
        <RecordForm recordId={d.event.id} title={t(`form.planOf.${d.event.kind}`)} url={qrFor(d, 'activity-plan')}
          meta={[{ label: t('events.titleField'), value: d.event.title }, { label: t('requests.status'), value: t(`evstatus.${d.event.status}`) }]}
          sections={[
            {
              title: t('events.plan'),
              fields: [
                { label: t('events.purpose'), value: d.event.purpose, wide: true, lines: 2 },
                { label: t('events.startsAt'), value: when(d) },
                { label: t('events.place'), value: d.event.place },
                { label: t('events.form'), value: d.event.form },
                { label: t('events.budget'), value: d.event.budget },
                { label: t('events.groups'), value: groupsLine(d), wide: true },
                { label: t('events.host'), value: staffName(d, d.event.hostId) },
                { label: t('events.recorder'), value: staffName(d, d.event.recorderId) },
                { label: t('events.agenda'), value: d.agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n'), wide: true, lines: Math.max(2, d.agenda.length) },
                { label: t('events.tasks'), value: d.tasks.map((k) => `${k.done ? '✓' : '○'} ${k.title}${k.ownerId ? `（${staffName(d, k.ownerId)}）` : ''}`).join('\n'), wide: true, lines: Math.max(2, d.tasks.length) },
              ],
              signatures: [{ label: t('form.planner') }, { label: t('print.date'), date: true }],
            },
            {
              title: t('form.approval'),
              fields: [{ label: t('approval.comment'), value: d.event.approvalComment, wide: true, lines: 2 }],
              signatures: [{ label: t('form.approver') }, { label: t('print.date'), date: true }],
            },
          ]}
        />
      )}
    </EventPrint>
  );
}

/** 活动记录: who came, what happened, photos' file names, evaluation and improvement, with signature lines. */
export function ActivityRecord(props: { office: Office }) {
  return (
    <EventPrint office={props.office} form="activity-record" title={() => t('paperform.activity-record')}>
      {(d) => (
        <RecordForm recordId={d.event.id} title={t('paperform.activity-record')} url={qrFor(d, 'activity-record')}
          meta={[{ label: t('events.titleField'), value: d.event.title }, { label: t('events.kindLabel'), value: t(`evkind.${d.event.kind}`) }]}
          sections={[
            {
              title: t('form.eventFacts'),
              fields: [
                { label: t('events.startsAt'), value: when(d) },
                { label: t('events.place'), value: d.event.place },
                { label: t('form.attendance'), value: attendedLine(d), wide: true },
                { label: t('form.participants'), value: d.attendance.filter((a) => a.presence === 'present' || a.presence === 'proxy').map((a) => a.name).join('、'), wide: true, lines: 2 },
                { label: t('events.happened'), value: d.event.happened, wide: true, lines: 4 },
                // Photos are printed below as thumbnails (issue 19); file names typed before still print.
                ...(d.event.photos ? [{ label: t('events.oldPhotoNames'), value: d.event.photos, wide: true }] : []),
              ],
            },
            {
              title: t('events.analysis'),
              fields: [
                { label: t('events.decisions'), value: d.event.decisions, wide: true, lines: 2 },
                { label: t('events.evaluation'), value: d.event.evaluation, wide: true, lines: 3 },
                { label: t('events.improvement'), value: d.event.improvement, wide: true, lines: 3 },
              ],
            },
          ]}
          extra={<PrintedPictures db={props.office.db} pictures={d.pictures} />}
          signatures={[{ label: t('events.recorder') }, { label: t('form.manager') }, { label: t('print.date'), date: true }]}
        />
      )}
    </EventPrint>
  );
}
