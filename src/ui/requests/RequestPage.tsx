import { A, useSearchParams } from '@solidjs/router';
import { For, onCleanup, Show } from 'solid-js';
import { maskPhone } from '../../domain/mask';
import { requestFromRecord } from '../../domain/requests/record';
import { shardOf } from '../../domain/requests/shard';
import { categoryById } from '../../domain/requests/settings';
import { isComplaintKind, type RequestRow } from '../../domain/requests/types';
import { isOverdue } from '../../domain/requests/lifecycle';
import { formatDateTime, t } from '../../i18n';
import { editRequestDescription } from '../../store/request-text';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { createRecordOf } from '../../shared/bindings/record';
import { myRole } from '../../store/requests';
import { serviceSettings } from '../../store/queries/settings';
import { NotesEditor } from '../customers/NotesEditor';
import { recordPage } from '../common/RecordPage';
import { ComplaintSteps } from './ComplaintSteps';
import { ComplaintFinding } from './ComplaintFinding';
import { LifecycleSteps } from './LifecycleSteps';
import { StepStamp } from './StepForm';
import { Timeline } from './Timeline';
import { requestPrintLinks } from '../../print/links';
import { PaperPanel } from '../papers/PaperPanel';
import { ComplaintActions } from '../actions/ComplaintActions';
import { allStaff } from '../../store/queries/staff';
import { followUpsOfRequest, requestRow } from '../../store/queries/requests';
// Pictures, scans and signatures (issue 19)
import { RequestPictures, UnsentPicturesWarning } from '../pictures/RequestPictures';
import { SignatureCard } from '../pictures/SignaturePad';

/** One request: what, who, where, its deadlines, the next steps and the whole timeline. */
// The view is made once per request id (recordPage → KeyedById): every change of the request (a
// colleague's step arriving, the projection rewritten) gives a new row object, and re-creating the
// view for it would wipe what the user is typing in a step form and flash 加载中….
export const RequestPage = recordPage({ back: () => '/requests', backLabel: () => t('requests.title'), notFound: () => t('requests.notFound'), load: requestRow, view: RequestView });

function RequestView(props: { office: Office; row: RequestRow }) {
  // The view is made for one request (see RequestPage); `props.row` follows its changes.
  const id = props.row.id;
  const [search] = useSearchParams<{ paper?: string }>();
  const { record, value: req } = createRecordOf(props.office, shardOf(props.row), 'requests', id, requestFromRecord);
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const role = createLive(() => props.office, (o) => myRole(o), '');
  const followups = createLive(() => id, (id) => followUpsOfRequest(props.office.db, id), []);
  const nameOf = (id: string) => staff().find((s) => s.id === id)?.name ?? '—';
  props.office.presence.setViewing(`requests/${props.row.id}`);
  onCleanup(() => props.office.presence.setViewing(null));
  const viewers = () => props.office.presence.peers().filter((p) => p.viewing === `requests/${props.row.id}`).map((p) => p.user.name);

  const view = () => (
    <Show when={req()} fallback={<p>{t('common.loading')}</p>}>{(r) => (
    <Show when={settings()} fallback={<p>{t('common.loading')}</p>}>{(s) => (<>
      <div class="page-head">
        <div class="title-line">
          <h1 data-testid="request-number">{r().number}</h1>
          <span class={`chip kind-${r().kind}`}>{t(`reqkind.${r().kind}`)}</span>
          <Show when={r().urgency === 'urgent'}><span class="chip urgent">{t('urgency.urgent')}</span></Show>
          <span class={`chip status status-${r().status}`} data-testid="request-status">{t(`reqstatus.${r().status}`)}</span>
          <Show when={r().waitingSince}><span class="chip">{t('requests.waiting')}</span></Show>
          <Show when={r().reopenCount}><span class="chip grade-important">{t('requests.reopened', { n: r().reopenCount })}</span></Show>
          <Show when={isOverdue(props.row, new Date())}><span class="chip grade-important">{t('requests.overdue')}</span></Show>
        </div>
        <A href={requestPrintLinks.requests([props.row.id])} class="button">{t('requests.print')}</A>
      </div>
      <Show when={viewers().length}>
        <p class="presence-note" role="status">{t('presence.alsoViewing', { names: viewers().join('、') })}</p>
      </Show>
      <div class="c360">
        <div class="col">
          <section class="card">
            <dl class="facts bare">
              <dt>{t('requests.customer')}</dt>
              <dd>
                <Show when={r().customerId} fallback={r().customerName || '—'}>
                  <A href={`/customers/${r().customerId}`}>{r().customerName}</A>
                </Show>
                <span>{r().unitCode}</span>
                <Show when={r().phone}><span class="muted">{maskPhone(r().phone)}</span></Show>
              </dd>
              <Show when={typeof record()?.sourceEventId === 'string' && (record()?.sourceEventId as string)}>
                {(eventId) => <><dt>{t('requests.fromEvent')}</dt><dd><A href={`/events/${eventId()}`} data-testid="request-source-event">{t('requests.openEvent')}</A></dd></>}
              </Show>
              <Show when={typeof record()?.sourceSurveyId === 'string' && record()?.sourceSurveyId}>
                <dt>{t('requests.fromSurvey')}</dt>
                <dd><A href={`/surveys/${encodeURIComponent(String(record()?.sourceSurveyId))}/entry?wave=${Number(record()?.sourceWave ?? 1)}&unit=${encodeURIComponent(r().unitCode)}`} data-testid="request-source-survey">{t('requests.openSurveyAnswer')}</A></dd>
              </Show>
              <Show when={r().location}><dt>{t('requests.location')}</dt><dd>{r().location}</dd></Show>
              <dt>{t('requests.category')}</dt><dd>{categoryById(s(), r().category)?.name ?? r().category} · {t(`channel.${r().channel}`)}</dd>
              <dt>{t('requests.team')}</dt><dd data-testid="request-team">{s().teams.find((tm) => tm.id === r().teamId)?.name ?? '—'} · {r().assigneeId ? nameOf(r().assigneeId) : t('requests.unassigned')}</dd>
              <dt>{t('requests.owner')}</dt><dd>{nameOf(r().ownerId)}</dd>
              <dt>{t('requests.dueRespond')}</dt><dd>{formatDateTime(r().due.respond)}</dd>
              <dt>{t('requests.due')}</dt><dd>{formatDateTime(r().due.finish)}</dd>
              <dt>{t('requests.dueReport')}</dt><dd>{formatDateTime(r().due.reportBack)}</dd>
              {/* Origin, 客户要求, praised staff (issue 21) */}
              <Show when={r().demand}><dt>{t('form.customerRequest')}</dt><dd data-testid="request-demand">{r().demand}</dd></Show>
              <Show when={r().kind === 'praise'}><dt>{t('requests.praised')}</dt><dd data-testid="request-praised">{r().praisedIds.length ? r().praisedIds.map(nameOf).join('、') : t('requests.praisedNone')}</dd></Show>
            </dl>
          </section>
          <section class="card">
            <NotesEditor label={t('requests.description')} readOnly={r().status === 'closed'} value={r().description} onEdit={(v, base) => editRequestDescription(props.office, props.row.id, v, base)} />
          </section>
          <RequestPictures office={props.office} req={r()} record={record()} teamName={s().teams.find((tm) => tm.id === r().teamId)?.name ?? ''} />
          <Show when={followups().length}>
            <section class="card" aria-labelledby="fu-title">
              <h2 id="fu-title">{t('requests.followups')}</h2>
              <ul class="plain">
                <For each={followups()}>{(f) => <li>{formatDateTime(f.at)} · {t(`method.${f.method}`)} · <strong>{t(`sat.${f.satisfaction}` as 'sat.1')}</strong> · {f.byName} <span class="muted">{f.comment}</span></li>}</For>
              </ul>
            </section>
          </Show>
          <PaperPanel office={props.office} refPath={`requests/${id}`} forms={['request']} highlight={search.paper} />
          <Timeline entries={r().history} />
        </div>
        <div class="col">
          <Show when={isComplaintKind(r().kind)}>
            <ComplaintFinding office={props.office} req={r()} role={role()} staff={staff()} when={formatDateTime} />
            <ComplaintSteps office={props.office} req={r()} role={role()} />
            {/* Corrective and preventive actions carried to the end (issue 21) */}
            <ComplaintActions office={props.office} requestId={r().id} number={r().number} cause={r().investigation?.cause ?? ''} />
          </Show>
          <LifecycleSteps office={props.office} req={r()} settings={s()} staff={staff()} role={role()}
            beforeClose={<UnsentPicturesWarning office={props.office} requestId={id} record={record()} />} />
          <SignatureCard office={props.office} req={r()} record={record()} />
        </div>
      </div>
    </>)}</Show>
    )}</Show>
  );
  // Step forms clear the reasons they showed once the request has moved on (a step by anyone).
  return <StepStamp.Provider value={() => req()?.history.length ?? 0}>{view()}</StepStamp.Provider>;
}
