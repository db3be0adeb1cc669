import { createSignal, For, Show } from 'solid-js';
import type { AnswerRow } from '../../domain/answers/answer';
import { t } from '../../i18n';
import { searchAnswers } from '../../store/queries/answers';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';

/** A search box over the standard answers (fragments, pinyin, initials, synonyms) and the matches; `onPick` gets the one chosen. */
export function AnswerSearch(props: { office: Office; onPick: (a: AnswerRow) => void; pickLabel: string }) {
  const [q, setQ] = createSignal('');
  const found = createLive(q, (query) => searchAnswers(props.office.db, query), [] as AnswerRow[]);
  return (
    <div class="answer-search">
      <input type="search" class="search" aria-label={t('answers.search')} placeholder={t('answers.searchPlaceholder')} value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
      <Show when={found().length} fallback={<p class="muted">{q() ? t('answers.noMatch', { q: q() }) : t('answers.none')}</p>}>
        <ul class="plain answer-list" data-testid="answer-list">
          <For each={found()}>
            {(a) => (
              <li>
                <button type="button" class="link" onClick={() => props.onPick(a)} aria-label={t('answers.pickNamed', { action: props.pickLabel, title: a.title })}>
                  <strong>{a.title}</strong>
                </button>
                <span class="muted"> · {a.category} · {t('answers.version', { n: a.version })} · {t('answers.uses', { n: a.uses })}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
