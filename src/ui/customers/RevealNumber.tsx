import { createSignal, Show } from 'solid-js';
import { LIMITS } from '../../domain/limits';
import type { RevealField } from '../../domain/customers/reveal';
import { revealRuleFor } from '../../domain/customers/personal-data';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { revealNumber } from '../../store/customers';
import { personalDataFacts } from '../../store/personal-data';
import { createLive } from '../../shared/bindings/live';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';

/**
 * One masked number of the customer page (phones or ID number) and the way to see it in full,
 * as the office's personal-data policy allows this person's role: a 显示 button (recorded), a
 * reason asked first, or a note saying why there is nothing to press. The command checks again.
 */
export function RevealNumber(props: { office: Office; customerId: string; field: RevealField; masked: string; full: string }) {
  const facts = createLive(() => props.office.config.staffId ?? '', () => personalDataFacts(props.office), null);
  // Nothing to reveal (no phone on record): no control, no note.
  const rule = () => {
    const f = facts();
    return f && props.full !== '—' ? revealRuleFor(f.policy, f.role) : null;
  };
  const [shown, setShown] = createSignal(false);
  const [asking, setAsking] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const action = createAction();
  const label = () => t(props.field === 'phones' ? 'customers.phones' : 'customers.idNumber');
  const testId = props.field === 'phones' ? 'customer-phones' : 'customer-id-number';

  const reveal = (e?: Event) => {
    e?.preventDefault();
    return action.run(() => revealNumber(props.office, props.customerId, props.field, asking() ? reason() : undefined), () => {
      setAsking(false);
      setReason('');
      setShown(true);
    });
  };
  const press = () => {
    if (shown()) return setShown(false);
    if (rule() === 'reason') return setAsking(true);
    void reveal();
  };

  return (
    <>
      <span data-testid={testId}>{shown() ? props.full : props.masked}</span>
      <Show when={rule() === 'no'}>
        <span class="muted small reveal-note" data-testid={`${testId}-no-reveal`}>{t('personal.revealNotAllowed', { role: t(`role.${facts()?.role ?? 'team'}`) })}</span>
      </Show>
      <Show when={rule() && rule() !== 'no' && !asking()}>
        <button type="button" class="link" aria-pressed={shown()} aria-label={`${shown() ? t('common.hide') : t('common.reveal')} ${label()}`} onClick={press}>
          {shown() ? t('common.hide') : t('common.reveal')}
        </button>
      </Show>
      <Show when={asking()}>
        <form class="reveal-reason" onSubmit={reveal} aria-label={`${t('common.reveal')} ${label()}`}>
          <label>
            {t('personal.reasonLabel')}
            <input name="reason" value={reason()} maxLength={LIMITS.shortText} placeholder={t('personal.reasonPlaceholder')}
              aria-invalid={action.problems().some((p) => p.field === 'reason')} onInput={(e) => setReason(e.currentTarget.value)} ref={(el) => queueMicrotask(() => el.focus())} />
          </label>
          <button type="submit" class="primary" disabled={action.busy()}>{t('personal.revealSubmit')}</button>
          <button type="button" onClick={() => { setAsking(false); action.reset(); }}>{t('common.cancel')}</button>
        </form>
      </Show>
      <Problems problems={action.problems()} />
    </>
  );
}
