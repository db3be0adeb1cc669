import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { normalPaperNumber, type PaperRow } from '../../domain/papers/paper';
import { formatDateTime, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { paperByNumber } from '../../store/queries/papers';
import { createLive } from '../../shared/bindings/live';
import { EventsNav } from '../events/EventsNav';
import { PaperLine } from './PaperPanel';
import '../events/events.css';
import './papers.css';

/**
 * Every paper filed (issue 21): the page a paper's QR code opens (`/papers/<number>`) when the
 * paper is not one record's form — a register, a report, a review, a letter. It says what the
 * paper is and what period it covers, and marks it 已签回 and filed in a box, as a record's panel does.
 */
export function PaperPage(props: { office: Office }) {
  const params = useParams<{ number: string }>();
  const number = () => normalPaperNumber(decodeURIComponent(params.number ?? ''));
  const row = createLive(number, (n) => (n ? paperByNumber(props.office.db, n) : Promise.resolve(null)), undefined as PaperRow | null | undefined);
  const formName = (r: PaperRow) => t(`paperform.${r.form}` as 'paperform.sign-in');
  return (
    <main class="page">
      <div class="page-head"><h1>{t('papers.paperTitle', { number: number() || params.number })}</h1></div>
      <EventsNav />
      <Show when={row() !== undefined}>
        <Show when={row()} fallback={<section class="card"><p role="status" data-testid="paper-unknown">{t('papers.unknown')}</p></section>}>
          {(r) => (
            <section class="card papers" aria-labelledby="papers-title" data-testid="paper-panel">
              <h2 id="papers-title">{r().title || formName(r())}</h2>
              <dl class="facts paper-facts">
                <dt>{t('papers.formType')}</dt><dd>{formName(r())}</dd>
                <dt>{t('papers.period')}</dt><dd data-testid="paper-period">{r().period}</dd>
                <dt>{t('papers.printedWhen')}</dt><dd>{formatDateTime(r().printedAt)}</dd>
              </dl>
              <ul class="plain">
                <PaperLine office={props.office} form={r().form} refPath={r().ref} row={r()} highlight />
              </ul>
              <A class="button" href={`/${r().ref}`}>{t('papers.reprint')}</A>
            </section>
          )}
        </Show>
      </Show>
    </main>
  );
}
