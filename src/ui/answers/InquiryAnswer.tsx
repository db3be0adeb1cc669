import { createSignal, Show } from 'solid-js';
import type { AnswerRow } from '../../domain/answers/answer';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { answerInquiry } from '../../store/answers';
import type { Office } from '../../store/office-api';
import { Problems } from '../common/Problems';
import { AnswerSearch } from './AnswerSearch';
import { LIMITS } from '../../domain/limits';

/** 答复 a 咨询: pick a standard answer (its wording fills the reply, its use is counted) or write one; answered means closed. */
export function InquiryAnswer(props: { office: Office; requestId: string }) {
  const [reply, setReply] = createSignal('');
  const [picked, setPicked] = createSignal<AnswerRow | null>(null);
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const pick = (a: AnswerRow) => {
    setPicked(a);
    setReply(a.wording);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    // The answer counts as used only if its wording was kept (staff may have written their own).
    const a = picked();
    const r = await answerInquiry(props.office, props.requestId, reply(), a && reply().includes(a.wording.slice(0, 20)) ? a : null);
    setBusy(false);
    setProblems(r.ok ? [] : r.problems);
  };
  return (
    <form class="step" onSubmit={submit} aria-label={t('action.answer')}>
      <h3>{t('action.answer')}</h3>
      <Problems problems={problems()} />
      <AnswerSearch office={props.office} onPick={pick} pickLabel={t('answers.use')} />
      <Show when={picked()}>{(a) => <p class="muted">{t('answers.picked', { title: a().title, n: a().version })}</p>}</Show>
      <label>
        {t('requests.reply')}
        <textarea name="reply" rows={4} maxLength={LIMITS.note} value={reply()} onInput={(e) => setReply(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy()}>{t('action.answer')}</button>
      </div>
    </form>
  );
}
