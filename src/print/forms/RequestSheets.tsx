import { useSearchParams } from '@solidjs/router';
import { isDay } from '../../domain/days';
import { For, Show } from 'solid-js';
import { complaintState } from '../../domain/requests/complaint';
import { categoryById, type ServiceSettings } from '../../domain/requests/settings';
import { isComplaintKind, type ServiceRequest } from '../../domain/requests/types';
import { maskPhone } from '../../domain/mask';
import type { StaffRow } from '../../domain/staff/staff';
import { t, tCode } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { serviceSettings } from '../../store/queries/settings';
import { formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RecordForm, type FormSection } from '../RecordForm';
import { recordUrl } from '../RecordQr';
import { fullRequests, rowsTakenBetween, todayOf } from './request-data';
import { allStaff } from '../../store/queries/staff';
import { requestsByIds } from '../../store/queries/requests';
// Pictures (issue 19): photos' thumbnails and the tablet signature in its box
import { picturesOf, signatureOf, type PictureRef } from '../../domain/attachments/picture';
import { shardOf } from '../../domain/requests/shard';
import type { ReadonlyDB } from '../../store/readonly-db';
import { PrintedPictures, PrintedSignature } from './printed-pictures';

interface Data {
  requests: ServiceRequest[];
  /** Each request's pictures (photos and signatures), by id. */
  pictures: Map<string, PictureRef[]>;
  settings: ServiceSettings;
  staff: StaffRow[];
}

async function load(office: Office, ids: string, today: boolean): Promise<Data> {
  const settings = await serviceSettings(office.db);
  const staff = await allStaff(office.db);
  const wanted = ids.split(',').map((s) => s.trim()).filter(Boolean);
  const rows = wanted.length
    ? await requestsByIds(office.db, wanted)
    : today
      ? (await rowsTakenBetween(office, todayOf(settings), todayOf(settings), settings)).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      : [];
  const requests = await fullRequests(office, rows);
  const pictures = new Map<string, PictureRef[]>();
  for (const r of requests) pictures.set(r.id, picturesOf(await office.read(shardOf(r), 'requests', r.id)));
  return { requests, pictures, settings, staff };
}

/**
 * One request per sheet — 客户投诉登记表 for complaints and disputes, 客户服务单 for the rest —
 * for one request (`?id=`), a filtered list (`?id=a,b,c`), or everything taken today (`?today=1`).
 */
export function RequestSheets(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string; today?: string }>();
  const data = createLive(() => ({ ids: params.id ?? '', today: params.today === '1' }), (q) => load(props.office, q.ids, q.today), null);
  const single = () => {
    const d = data();
    return d?.requests.length === 1 ? d.requests[0] : null;
  };
  const title = () => {
    const one = single();
    return one && isComplaintKind(one.kind) ? t(one.kind === 'dispute' ? 'form.dispute' : 'form.complaint') : t('form.serviceTicket');
  };
  const backHref = () => {
    const one = single();
    return one ? `/requests/${one.id}` : '/requests';
  };
  const notFound = () => <p class="empty">{t('requests.notFound')}</p>;
  return (
    <PrintPage office={props.office} title={title()} orientation="portrait" ready={data() !== null} backHref={backHref()}
      papers={data()?.requests.map((r) => ({ form: 'request', ref: `requests/${r.id}`, title: `${t(isComplaintKind(r.kind) ? (r.kind === 'dispute' ? 'form.dispute' : 'form.complaint') : 'form.serviceTicket')} · ${r.number}` }))}>
      <Show when={data()} fallback={notFound()}>
        {(d) => <For each={d().requests} fallback={notFound()}>{(r) => <RequestSheet req={r} settings={d().settings} staff={d().staff} db={props.office.db} pictures={d().pictures.get(r.id) ?? []} />}</For>}
      </Show>
    </PrintPage>
  );
}

function RequestSheet(props: { req: ServiceRequest; settings: ServiceSettings; staff: StaffRow[]; db: ReadonlyDB; pictures: PictureRef[] }) {
  const holder = () => ({ attachments: Object.fromEntries(props.pictures.map((p) => [p.sha256, p])) });
  const tabletSigned = () => signatureOf(holder(), 'serviceConfirm');
  const tabletSignedText = () => {
    const s = tabletSigned();
    return s ? t('signature.shown', { signer: s.signer ?? '', when: when(s.at) }) : undefined;
  };
  const signed = (purpose: 'serviceConfirm' | 'settlement') => <PrintedSignature db={props.db} signature={signatureOf(holder(), purpose)} />;
  const print = usePrint();
  const name = (id: string) => props.staff.find((s) => s.id === id)?.name ?? '';
  const when = (iso: string) => (iso ? formatPrintDate(new Date(iso)) : '');
  // A day the staff typed (2026-11-25) prints like every other date of the form: 2026年11月25日.
  const onDay = (day: string) => (isDay(day) ? formatPrintDate(new Date(`${day}T12:00:00`), false) : day);
  const step = (action: string) => props.req.history.find((h) => h.action === action);
  const steps = (action: string) => props.req.history.filter((h) => h.action === action);
  const complaint = () => isComplaintKind(props.req.kind);

  const sections = (): FormSection[] => {
    const r = props.req;
    const registration: FormSection = {
      title: t('form.registration'),
      fields: [
        { label: t('requests.customer'), value: r.customerName },
        { label: t('customers.unit'), value: r.unitCode },
        { label: t('customers.phones'), value: r.phone ? maskPhone(r.phone) : '' },
        { label: t('requests.channel'), value: t(`channel.${r.channel}`) },
        { label: t('requests.kind'), value: `${t(`reqkind.${r.kind}`)}${r.urgency === 'urgent' ? ` · ${t('urgency.urgent')}` : ''}` },
        { label: t('requests.category'), value: categoryById(props.settings, r.category)?.name ?? r.category },
        { label: t('form.acceptedAt'), value: when(r.createdAt) },
        { label: t('requests.due'), value: when(r.due.finish) },
        { label: t('requests.location'), value: r.location, wide: true },
        { label: t('form.content'), value: r.description, wide: true, lines: 4 },
        // Origin, 客户要求, praised staff (issue 21)
        ...(complaint() ? [
          { label: t('requests.origin'), value: r.origin ? t(`origin.${r.origin}`) : '', wide: true },
          { label: t('form.customerRequest'), value: r.demand, wide: true, lines: 2 },
        ] : []),
        ...(r.kind === 'praise' ? [{ label: t('requests.praised'), value: r.praisedIds.map(name).join('、'), wide: true }] : []),
      ],
      signatures: [{ label: t('form.recorder') }, { label: t('print.date'), date: true }],
    };
    const completed = step('request.completed');
    const reported = steps('request.reportedBack').at(-1);
    const handling: FormSection = {
      title: complaint() ? t('form.implementation') : t('form.handling'),
      fields: [
        { label: t('requests.team'), value: props.settings.teams.find((tm) => tm.id === r.teamId)?.name ?? '' },
        { label: t('requests.assignee'), value: name(r.assigneeId) },
        { label: t('requests.report'), value: String(completed?.data?.report ?? ''), wide: true, lines: 2 },
        { label: t('form.doneAt'), value: when(r.doneAt) },
        // A signature made on the tablet (issue 19) counts as signed, whatever 完工 said about paper.
        { label: t('form.residentSignature'), value: tabletSignedText() ?? (r.signed === true ? `${t('requests.signed')} ${onDay(r.signedDate)}` : r.signed === false ? t('requests.notSigned') : '') },
        { label: t('action.reportBack'), value: reported ? `${when(reported.at)} ${reported.data?.note ?? ''}` : '', wide: true },
      ],
      signatures: [{ label: t('form.handler') }, { label: t('form.residentSignature'), signed: signed('serviceConfirm') }, { label: t('print.date'), date: true }],
    };
    const followups = steps('request.followedUp');
    const followup: FormSection = {
      title: t('form.followup'),
      fields: [
        {
          label: t('requests.followups'),
          value: followups.map((f) => `${when(f.at)} ${tCode(`method.${f.data?.method}`)} ${tCode(`sat.${f.data?.satisfaction}`)} ${f.data?.comment ?? ''}`).join('\n'),
          wide: true,
          lines: 3,
        },
      ],
      signatures: [{ label: t('form.followupBy') }, { label: t('print.date'), date: true }],
    };
    if (!complaint()) return [registration, handling, followup];

    const state = complaintState(r.history);
    const inv = r.investigation;
    const investigation: FormSection = {
      title: t('form.investigation'),
      fields: [
        { label: t('requests.facts'), value: inv?.facts ?? '', wide: true, lines: 3 },
        { label: t('requests.cause'), value: inv?.cause ?? '', wide: true },
        { label: t('requests.responsibility'), value: inv ? t(`resp.${inv.responsibility}`) : '' },
        { label: t('requests.severity'), value: inv ? t(`sev.${inv.severity}`) : '' },
        // The manager's finding (issue 21)
        { label: t('finding.verdict'), value: r.finding ? `${t(r.finding.valid ? 'finding.valid' : 'finding.invalid')}：${r.finding.reason}${r.finding.staffIds.length ? `（${t('finding.staff')}：${r.finding.staffIds.map(name).join('、')}）` : ''} — ${r.finding.byName}` : '', wide: true, lines: 2 },
      ],
      signatures: [{ label: t('form.investigator') }, { label: t('print.date'), date: true }],
    };
    const settlement: FormSection = {
      title: t('form.settlement'),
      fields: [
        {
          label: t('requests.proposals'),
          value: state.proposals
            .map((p) => `${t('form.proposalLine', { status: t(`proposal.${p.status}`), text: p.text })}${p.remedies.length ? `（${p.remedies.map((m) => t(`remedy.${m}`)).join('、')}）` : ''}${p.decidedBy ? ` — ${p.decidedBy}${p.comment ? `：${p.comment}` : ''}` : ''}`)
            .join('\n'),
          wide: true,
          lines: 3,
        },
      ],
      signatures: [{ label: t('form.approver') }, { label: t('print.date'), date: true }],
    };
    const agreement: FormSection = {
      title: t('form.agreement'),
      fields: [
        { label: t('requests.negotiation'), value: state.rounds.map((x) => `${tCode(x.outcome === 'agreed' ? 'action.agreed' : 'action.revise')} ${x.note}`).join('\n'), wide: true, lines: 2 },
        { label: t('requests.agreement'), value: onDay(state.agreementSignedOn), wide: true },
        { label: t('requests.tasks'), value: state.tasks.map((k) => `${k.done ? '✓' : '○'} ${k.department} ${k.text}`).join('\n'), wide: true, lines: 2 },
        { label: t('requests.corrective'), value: state.corrective.map((c) => `${c.department} ${c.action}`).join('\n'), wide: true, lines: 2 },
      ],
      signatures: [{ label: t('form.customerAgreement'), signed: signed('settlement') }, { label: t('print.date'), date: true }],
    };
    return [registration, investigation, settlement, agreement, handling, followup];
  };

  return (
    <RecordForm
      recordId={props.req.id}
      title={complaint() ? t(props.req.kind === 'dispute' ? 'form.dispute' : 'form.complaint') : t('form.serviceTicket')}
      url={recordUrl(`requests/${props.req.id}?paper=request`)}
      number={props.req.number}
      meta={[
        { label: t('print.office'), value: print.officeName() },
        { label: t('requests.number'), value: props.req.number },
        { label: t('requests.status'), value: t(`reqstatus.${props.req.status}`) },
      ]}
      sections={sections()}
      extra={<PrintedPictures db={props.db} pictures={props.pictures.filter((p) => p.kind === 'photo')} />}
    />
  );
}
