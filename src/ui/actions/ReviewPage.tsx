import { A, useSearchParams } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { reviewId, type ReviewCase } from '../../domain/reviews/review';
import { LIMITS } from '../../domain/limits';
import { dateField } from '../../i18n/date-field';
import { t } from '../../i18n';
import { managerPrintLinks } from '../../print/links';
import { markReviewAttendance, saveCaseReview } from '../../store/actions';
import { loadCaseReview, type CaseReviewData } from '../../store/case-review';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';
import { ActionCard } from './ActionCard';
import { ActionForm } from './ActionForm';
import { ActionsNav } from './ActionsNav';
import { createOfficeToday } from './office-today';
import './actions.css';

/**
 * 重大投诉案例分析会 of a month (`/actions/review?month=2026-11`): the meeting's facts and who
 * attended, each complaint of the month with its cause and its corrective actions (add one from
 * the case), the actions decided for the month as a whole, and the printed minutes.
 */
export function ReviewPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ month?: string }>();
  const today = createOfficeToday(props.office);
  const month = () => (params.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(params.month) ? params.month : today().slice(0, 7));
  const data = createLive(month, (m) => (m ? loadCaseReview(props.office, m) : Promise.resolve(null)), null as CaseReviewData | null);
  /** The month's data once it is the month asked for and the office's day is known. */
  const shown = () => {
    const d = data();
    return d && d.month === month() && today() ? d : null;
  };
  return (
    <main class="page wide">
      <div class="page-head">
        <h1>{t('review.title')}</h1>
        <div class="head-actions">
          <label class="inline">
            {t('review.month')}
            <input {...dateField('month')} name="month" value={month()} onChange={(e) => e.currentTarget.value && setParams({ month: e.currentTarget.value })} />
          </label>
          <A class="button primary" href={managerPrintLinks.caseReview(month())}>{t('review.print')}</A>
        </div>
      </div>
      <ActionsNav />
      <Show when={shown()} fallback={<p>{t('common.loading')}</p>}>
        {(d) => (
          <div class="c360">
            <div class="col">
              <MeetingForm office={props.office} data={d()} />
              <Attendance office={props.office} data={d()} />
            </div>
            <div class="col">
              <section class="card" aria-labelledby="review-cases-title" data-testid="review-cases">
                <h2 id="review-cases-title">{t('review.cases', { n: d().cases.length })}</h2>
                <Show when={d().cases.length} fallback={<p class="empty">{t('review.noCases')}</p>}>
                  <div class="review-cases">
                    <For each={d().cases}>{(c) => <CaseView office={props.office} c={c} today={today()} />}</For>
                  </div>
                </Show>
              </section>
              <section class="card" aria-labelledby="review-actions-title" data-testid="review-actions">
                <h2 id="review-actions-title">{t('review.meetingActions')}</h2>
                <ul class="plain action-list">
                  <For each={d().reviewActions}>{(a) => <ActionCard office={props.office} row={a} today={today()} showSource={false} />}</For>
                </ul>
                <details>
                  <summary>{t('actions.new')}</summary>
                  <ActionForm office={props.office} source={{ ref: `reviews/${reviewId(month())}`, label: month() }} today={today()} label={t('actions.newFor', { source: t('actions.fromReview', { month: month() }) })} />
                </details>
              </section>
            </div>
          </div>
        )}
      </Show>
    </main>
  );
}

function MeetingForm(props: { office: Office; data: CaseReviewData }) {
  const [form, setForm] = createStore({ heldOn: '', place: '', hostName: '', recorderName: '', summary: '' });
  // The form shows the record as saved; a colleague's save shows when the month is reopened.
  createEffect(() => {
    const r = props.data.review;
    setForm({ heldOn: r?.heldOn ?? '', place: r?.place ?? '', hostName: r?.hostName ?? '', recorderName: r?.recorderName ?? '', summary: r?.summary ?? '' });
  });
  const save = createSave(() => saveCaseReview(props.office, props.data.month, { ...form }));
  return (
    <section class="card" aria-labelledby="review-meeting-title">
      <h2 id="review-meeting-title">{t('review.title')} · {props.data.month}</h2>
      <FormShell save={save} submit={t('review.save')} showSaved class="review-form" aria-labelledby="review-meeting-title">
        <div class="grid-2">
          <label>{t('review.heldOn')}<input {...dateField('date')} name="heldOn" value={form.heldOn} onInput={(e) => setForm('heldOn', e.currentTarget.value)} /></label>
          <label>{t('review.place')}<input name="place" maxLength={LIMITS.shortText} value={form.place} onInput={(e) => setForm('place', e.currentTarget.value)} /></label>
          <label>{t('review.host')}<input name="hostName" maxLength={LIMITS.name} value={form.hostName} onInput={(e) => setForm('hostName', e.currentTarget.value)} /></label>
          <label>{t('review.recorder')}<input name="recorderName" maxLength={LIMITS.name} value={form.recorderName} onInput={(e) => setForm('recorderName', e.currentTarget.value)} /></label>
        </div>
        <label>{t('review.summary')}<textarea name="summary" rows={4} maxLength={LIMITS.note} value={form.summary} onInput={(e) => setForm('summary', e.currentTarget.value)} /></label>
      </FormShell>
    </section>
  );
}

function Attendance(props: { office: Office; data: CaseReviewData }) {
  const present = (id: string) => !!props.data.review?.attendees.some((a) => a.staffId === id);
  return (
    <section class="card" aria-labelledby="review-attendance-title" data-testid="review-attendance">
      <h2 id="review-attendance-title">{t('review.attendance')} <span class="count">{props.data.review?.attendees.length ?? 0}</span></h2>
      <div class="attendance-list" role="group" aria-labelledby="review-attendance-title">
        <For each={props.data.staff}>
          {(s) => (
            <label>
              <input type="checkbox" name={`att-${s.id}`} checked={present(s.id)} aria-label={t('review.attendedOf', { name: s.name })}
                onChange={(e) => void markReviewAttendance(props.office, props.data.month, { id: s.id, name: s.name }, e.currentTarget.checked)} />
              {s.name}
            </label>
          )}
        </For>
      </div>
    </section>
  );
}

function CaseView(props: { office: Office; c: ReviewCase; today: string }) {
  return (
    <article class="review-case" data-testid="review-case" data-number={props.c.number}>
      <h3><A href={`/requests/${props.c.requestId}`}>{props.c.number}</A> · {props.c.unitCode} · {props.c.description}</h3>
      <dl class="action-facts">
        <dt>{t('actions.cause')}</dt><dd>{props.c.cause || t('review.noCause')}</dd>
        <Show when={props.c.responsibility}><dt>{t('requests.responsibility')}</dt><dd>{t(`resp.${props.c.responsibility}` as 'resp.company')}</dd></Show>
      </dl>
      <ul class="plain action-list">
        <For each={props.c.actions}>{(a) => <ActionCard office={props.office} row={a} today={props.today} showSource={false} />}</For>
      </ul>
      <details>
        <summary>{t('actions.newFor', { source: props.c.number })}</summary>
        <ActionForm office={props.office} source={{ ref: `requests/${props.c.requestId}`, label: props.c.number }} cause={props.c.cause} today={props.today} label={t('actions.newFor', { source: props.c.number })} />
      </details>
    </article>
  );
}
