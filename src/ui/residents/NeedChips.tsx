import { For } from 'solid-js';
import { specialNeedsOf } from '../../domain/residents/needs';
import { t } from '../../i18n';
import '../../i18n/notices';
import './need-chips.css';

/** 行动不便 / 独居老人 as chips, wherever a customer is named at the desk (intake, queue rows, lists). */
export function NeedChips(props: { tags: readonly string[] }) {
  return (
    <For each={specialNeedsOf(props.tags)}>
      {(n) => <span class={`chip need need-${n}`} data-testid="need-chip">{t(`need.${n}`)}</span>}
    </For>
  );
}
