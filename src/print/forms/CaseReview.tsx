import { useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { ActionRow } from '../../domain/actions/action';
import { printRef } from '../../domain/papers/paper';
import type { ReviewCase } from '../../domain/reviews/review';
import { t } from '../../i18n';
import { loadCaseReview, type CaseReviewData } from '../../store/case-review';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { PrintPage, usePrint } from '../PrintPage';
import { RecordForm, Signatures } from '../RecordForm';
import { RegisterTable } from '../RegisterTable';
import './event-forms.css';

const actionLine = (a: ActionRow) =>
  `${t(`actions.kind.${a.kind}`)}：${a.action}（${[a.teamName, a.ownerName].filter(Boolean).join(' · ')}，${t('actions.due')} ${a.due}，${t(`actions.status.${a.status}`)}）`;

/**
 * 重大投诉案例分析会记录 (`/print/case-review?month=2026-11`): the meeting's facts, the month's
 * complaints with their causes and the actions decided for each, the month's own actions, the
 * conclusions, and an attendance sheet to sign — printed like the seminar minutes, and filed as
 * one paper of the month.
 */
export function CaseReview(props: { office: Office }) {
  const [params] = useSearchParams<{ month?: string }>();
  const month = () => params.month ?? '';
  const data = createLive(month, (m) => (m ? loadCaseReview(props.office, m) : Promise.resolve(null)), undefined as CaseReviewData | null | undefined);
  const title = () => `${t('paperform.case-review')} · ${month()}`;
  return (
    <PrintPage office={props.office} title={t('paperform.case-review')} ready={data() !== undefined} backHref={`/actions/review?month=${month()}`}
      paper={{ form: 'case-review', ref: printRef('case-review', { month: month() }), title: title(), period: month() }}>
      <Show when={data()} fallback={<p class="empty">{t('review.error.month')}</p>}>{(d) => <ReviewBody d={d()} />}</Show>
    </PrintPage>
  );
}

function ReviewBody(props: { d: CaseReviewData }) {
  const print = usePrint();
  const d = props.d;
  const r = d.review;
  return (
    <div data-testid="case-review">
      <RecordForm title={t('paperform.case-review')}
        meta={[{ label: t('print.office'), value: print.officeName() }, { label: t('review.month'), value: d.month }]}
        sections={[{
          title: t('form.eventFacts'),
          fields: [
            { label: t('review.heldOn'), value: r?.heldOn ?? '' },
            { label: t('review.place'), value: r?.place ?? '' },
            { label: t('review.host'), value: r?.hostName ?? '' },
            { label: t('review.recorder'), value: r?.recorderName ?? '' },
            { label: t('review.attendance'), value: `${(r?.attendees ?? []).map((a) => a.name).join('、')}（${t('review.attendedCount', { n: r?.attendees.length ?? 0 })}）`, wide: true },
          ],
        }]} />
      <h2 class="form-subtitle">{t('review.cases', { n: d.cases.length })}</h2>
      <RegisterTable<ReviewCase>
        label={t('review.cases', { n: d.cases.length })}
        numbered
        rows={d.cases}
        rowKey={(c) => c.requestId}
        rowHeight="auto"
        columns={[
          { id: 'number', label: t('review.case'), width: '30mm', value: (c) => `${c.number}\n${c.unitCode}` , wrap: true },
          { id: 'what', label: t('form.content'), wrap: true, value: (c) => c.description },
          { id: 'cause', label: t('actions.cause'), width: '34mm', wrap: true, value: (c) => `${c.cause || t('review.noCause')}${c.responsibility ? `\n${t(`resp.${c.responsibility}` as 'resp.company')}` : ''}` },
          { id: 'actions', label: t('actions.title'), width: '62mm', wrap: true, value: (c) => c.actions.map(actionLine).join('\n') || t('review.noActions') },
        ]}
      />
      <Show when={d.reviewActions.length}>
        <h2 class="form-subtitle">{t('review.meetingActions')}</h2>
        <RegisterTable<ActionRow>
          label={t('review.meetingActions')}
          numbered
          rows={d.reviewActions}
          rowKey={(a) => a.id}
          rowHeight="auto"
          columns={[{ id: 'action', label: t('actions.action'), wrap: true, value: actionLine }]}
        />
      </Show>
      <div class="form-closing">
        <RecordForm title="" sections={[{ title: t('review.summary'), fields: [{ label: t('review.summary'), value: r?.summary ?? '', wide: true, lines: 3 }] }]} />
        <h2 class="form-subtitle">{t('review.attendance')}</h2>
        <RegisterTable<{ id: string; name: string }>
          label={t('review.attendance')}
          numbered
          rows={(r?.attendees ?? []).map((a) => ({ id: a.staffId, name: a.name }))}
          rowKey={(a) => a.id}
          rowHeight="9mm"
          blankRows={3}
          columns={[
            { id: 'name', label: t('review.name'), width: '40mm', value: (a) => a.name },
            { id: 'signature', label: t('review.signature') },
          ]}
        />
        <Signatures lines={[{ label: t('review.recorder') }, { label: t('review.manager') }, { label: t('print.date'), date: true }]} />
      </div>
    </div>
  );
}
