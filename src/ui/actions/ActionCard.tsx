import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { isActionOverdue, type ActionRow } from '../../domain/actions/action';
import { daysBetween } from '../../domain/days';
import { LIMITS } from '../../domain/limits';
import { dateField } from '../../i18n/date-field';
import { formatDateTime, t } from '../../i18n';
import { managerPrintLinks } from '../../print/links';
import { finishAction, readAction, verifyAction } from '../../store/actions';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { Problems } from '../common/Problems';
import { createAction } from '../common/FormShell';

/** Where an action came from, as a link: the complaint, or the month's review. */
export function sourceHref(a: Pick<ActionRow, 'sourceRef'>): string {
  if (a.sourceRef.startsWith('reviews/review-')) return `/actions/review?month=${a.sourceRef.slice('reviews/review-'.length)}`;
  return `/${a.sourceRef}`;
}

export function sourceText(a: Pick<ActionRow, 'sourceRef' | 'sourceLabel'>): string {
  return a.sourceRef.startsWith('reviews/') ? t('actions.fromReview', { month: a.sourceLabel }) : a.sourceLabel;
}

/**
 * One corrective or preventive action carried to the end: what, who, by when; 报告完成 with what
 * was done while open; a manager's 验证有效 / 需再整改 once done (需再整改 reopens it, optionally
 * with a new due day). Everyone sees the check buttons; the domain refuses anyone but a manager.
 */
export function ActionCard(props: { office: Office; row: ActionRow; today: string; showSource?: boolean }) {
  const full = createLive(() => `${props.row.id}:${props.row.status}:${props.row.checkedAt}:${props.row.doneAt}`, () => readAction(props.office, props.row.id), null);
  const [note, setNote] = createSignal('');
  const [newDue, setNewDue] = createSignal('');
  const act = createAction();
  const overdue = () => isActionOverdue(props.row, props.today);
  const label = () => props.row.action;
  return (
    <li class="action-card" data-testid="action-card" data-id={props.row.id} data-status={props.row.status} data-overdue={overdue() ? 'true' : 'false'}>
      <div class="action-head">
        <span class={`chip action-${props.row.status}`}>{t(`actions.status.${props.row.status}`)}</span>
        <span class="chip">{t(`actions.kind.${props.row.kind}`)}</span>
        <Show when={overdue()}><span class="chip overdue" data-testid="action-overdue">{t('actions.overdueDays', { n: daysBetween(props.row.due, props.today) })}</span></Show>
        <Show when={props.row.verdict === 'redo' && props.row.status === 'open'}><span class="chip action-redo">{t('actions.redone', { n: props.row.redoCount })}</span></Show>
      </div>
      <p class="action-text"><strong>{props.row.action}</strong></p>
      <dl class="action-facts">
        <Show when={full()?.cause}>{(cause) => <><dt>{t('actions.cause')}</dt><dd>{cause()}</dd></>}</Show>
        <dt>{t('actions.team')}</dt><dd>{props.row.teamName}{props.row.ownerName ? ` · ${props.row.ownerName}` : ''}</dd>
        <dt>{t('actions.due')}</dt><dd>{props.row.due}</dd>
        <Show when={props.showSource !== false}><dt>{t('actions.from')}</dt><dd><A href={sourceHref(props.row)}>{sourceText(props.row)}</A></dd></Show>
      </dl>
      <Show when={full()?.doneNote ? full() : null}>
        {(f) => <p class="muted">{t('actions.doneBy', { name: f().doneByName, when: f().doneAt ? formatDateTime(f().doneAt) : '', note: f().doneNote })}</p>}
      </Show>
      <Show when={full()?.checkedAt ? full() : null}>
        {(f) => <p class="muted">{t('actions.checkedBy', { name: f().checkedByName, when: formatDateTime(f().checkedAt), note: f().verdict === 'effective' ? `${t('actions.effective')} ${f().checkNote}` : `${t('actions.redo')} ${f().checkNote}` })}</p>}
      </Show>
      <Show when={props.row.status === 'open'}>
        <div class="inline-form">
          <label>
            {t('actions.doneNote')}
            <input name="doneNote" maxLength={LIMITS.longText} value={note()} onInput={(e) => setNote(e.currentTarget.value)} aria-label={`${t('actions.doneNote')}：${label()}`} />
          </label>
          <button type="button" class="primary" disabled={act.busy()} onClick={() => act.run(() => finishAction(props.office, props.row.id, note()), () => setNote(''))}>{t('actions.markDone')}</button>
        </div>
      </Show>
      <Show when={props.row.status === 'done'}>
        <div class="inline-form">
          <label>
            {t('actions.checkNote')}
            <input name="checkNote" maxLength={LIMITS.longText} value={note()} onInput={(e) => setNote(e.currentTarget.value)} aria-label={`${t('actions.checkNote')}：${label()}`} />
          </label>
          <label>
            {t('actions.newDue')}
            <input {...dateField('date')} name="newDue" value={newDue()} onInput={(e) => setNewDue(e.currentTarget.value)} aria-label={`${t('actions.newDue')}：${label()}`} />
          </label>
          <button type="button" class="primary" disabled={act.busy()} onClick={() => act.run(() => verifyAction(props.office, props.row.id, 'effective', note()), () => setNote(''))}>{t('actions.effective')}</button>
          <button type="button" disabled={act.busy()} onClick={() => act.run(() => verifyAction(props.office, props.row.id, 'redo', note(), newDue()), () => { setNote(''); setNewDue(''); })}>{t('actions.redo')}</button>
        </div>
      </Show>
      <Problems problems={act.problems()} />
      <A class="button small" href={managerPrintLinks.actionLetter(props.row.id)}>{t('actions.printLetter')}</A>
    </li>
  );
}
