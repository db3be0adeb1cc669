import { createSignal, Show } from 'solid-js';
import type { AnswerRow } from '../../domain/answers/answer';
import { t } from '../../i18n';
import { answerInquiry } from '../../store/answers';
import type { Office } from '../../store/office-api';
import { createSave, FormShell } from '../common/FormShell';
import { AnswerSearch } from './AnswerSearch';
import { LIMITS } from '../../domain/limits';

/** 答复 a 咨询: pick a standard answer (its wording fills the reply, its use is counted) or write one; answered means closed. */
export function InquiryAnswer(props: { office: Office; requestId: string }) {
  const [reply, setReply] = createSignal('');
  const [picked, setPicked] = createSignal<AnswerRow | null>(null);
  const pick = (a: AnswerRow) => {
    setPicked(a);
    setReply(a.wording);
  };
  const save = createSave(() => {
    // The answer counts as used only if its wording was kept (staff may have written their own).
    const a = picked();
    return answerInquiry(props.office, props.requestId, reply(), a && reply().includes(a.wording.slice(0, 20)) ? a : null);
  });
  return (
    <FormShell save={save} class="step" aria-label={t('action.answer')} head={<h3>{t('action.answer')}</h3>} submit={t('action.answer')}>
      <AnswerSearch office={props.office} onPick={pick} pickLabel={t('answers.use')} />
      <Show when={picked()}>{(a) => <p class="muted">{t('answers.picked', { title: a().title, n: a().version })}</p>}</Show>
      <label>
        {t('requests.reply')}
        <textarea name="reply" rows={4} maxLength={LIMITS.note} value={reply()} onInput={(e) => setReply(e.currentTarget.value)} />
      </label>
    </FormShell>
  );
}
