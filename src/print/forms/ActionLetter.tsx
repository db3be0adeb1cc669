import { useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { CorrectiveAction } from '../../domain/actions/action';
import { printRef } from '../../domain/papers/paper';
import { t } from '../../i18n';
import { readAction } from '../../store/actions';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RecordForm } from '../RecordForm';

/**
 * 工作联系函 (`/print/action-letter?id=`): a corrective or preventive action sent to the
 * department responsible on paper — cause, what to do, by when — with room for its reply and the
 * receiver's signature. It comes back signed and is filed like every paper.
 */
export function ActionLetter(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string }>();
  const action = createLive(() => params.id ?? '', (id) => (id ? readAction(props.office, id) : Promise.resolve(null)), undefined as CorrectiveAction | null | undefined);
  const paper = () => {
    const a = action();
    return a ? { form: 'action-letter', ref: printRef('action-letter', { id: a.id }), title: `${t('letter.actionTitle')} · ${a.teamName} · ${a.action.slice(0, 40)}`, period: a.createdAt.slice(0, 7) } : undefined;
  };
  return (
    <PrintPage office={props.office} title={t('letter.actionTitle')} ready={action() !== undefined} backHref="/actions" paper={paper()}>
      <Show when={action()} fallback={<p class="empty">{t('action.error.notFound')}</p>}>{(a) => <LetterBody a={a()} />}</Show>
    </PrintPage>
  );
}

function LetterBody(props: { a: CorrectiveAction }) {
  const print = usePrint();
  const a = props.a;
  const source = a.sourceRef.startsWith('reviews/') ? t('actions.fromReview', { month: a.sourceLabel }) : a.sourceLabel;
  return (
    <div data-testid="action-letter">
      <RecordForm title={t('letter.actionTitle')}
        meta={[{ label: t('print.office'), value: print.officeName() }, { label: t('print.madeOn'), value: formatPrintDate(print.printedAt(), false) }]}
        sections={[
          {
            fields: [
              { label: t('letter.actionTo'), value: [a.teamName, a.ownerName].filter(Boolean).join(' · ') },
              { label: t('actions.kind'), value: t(`actions.kind.${a.kind}`) },
              { label: t('letter.subject'), value: source, wide: true },
              { label: t('actions.cause'), value: a.cause, wide: true, lines: 2 },
              { label: t('actions.action'), value: a.action, wide: true, lines: 3 },
              { label: t('actions.due'), value: a.due },
              { label: t('letter.issuer'), value: a.createdByName },
            ],
            signatures: [{ label: t('letter.issuer') }, { label: t('print.date'), date: true }],
          },
          {
            title: t('letter.reply'),
            fields: [{ label: t('actions.doneNote'), value: a.doneNote, wide: true, lines: 4 }],
            signatures: [{ label: t('letter.receiver') }, { label: t('print.date'), date: true }],
          },
          {
            title: t('actions.checkNote'),
            fields: [{ label: t('actions.checkNote'), value: a.checkNote, wide: true, lines: 2 }],
            signatures: [{ label: t('letter.checker') }, { label: t('print.date'), date: true }],
          },
        ]} />
    </div>
  );
}
