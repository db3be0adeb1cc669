import { For, Show } from 'solid-js';
import type { HistoryEntry } from '../../domain/history';
import { formatDateTime, t, tCode } from '../../i18n';

const DETAIL_KEYS = ['team', 'assignee', 'to', 'report', 'note', 'reply', 'answer', 'reason', 'comment', 'text', 'facts', 'department', 'action', 'date', 'number', 'category'] as const;

function details(e: HistoryEntry): string[] {
  const d = e.data ?? {};
  const out: string[] = [];
  for (const key of DETAIL_KEYS) if (d[key]) out.push(String(d[key]));
  if (typeof d.satisfaction === 'number') out.push(`${t(`sat.${d.satisfaction}` as 'sat.1')}（${tCode(`method.${d.method}`)}）`);
  if (d.responsibility) out.push(tCode(`resp.${d.responsibility}`));
  if (d.outcome) out.push(tCode(d.outcome === 'agreed' ? 'action.agreed' : 'action.revise'));
  if (typeof d.signed === 'boolean') out.push(d.signed ? `${t('requests.signed')} ${d.signedDate ?? ''}` : t('requests.notSigned'));
  if (Array.isArray(d.remedies) && d.remedies.length) out.push(d.remedies.map((r) => tCode(`remedy.${r}`)).join('、'));
  // Pictures (issue 19): a photo's stage, a signature's signer and what they signed.
  if (d.stage) out.push(tCode(`picture.stage.${d.stage}`));
  if (d.signer) out.push(t('signature.byLine', { signer: String(d.signer), what: String(d.signedWhat ?? '') }));
  if (d.signer && d.signedStatus) out.push(tCode(`reqstatus.${d.signedStatus}`));
  return out;
}

/**
 * Steps in the order they happened: entries appended on two tablets while apart merge in an
 * order of Yjs's choosing, so they are shown by their time (stable for equal times).
 */
const inTimeOrder = (entries: HistoryEntry[]) => entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i).map((x) => x.e);

/** Every step of the record in order, with its author, device and time. */
export function Timeline(props: { entries: HistoryEntry[] }) {
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('requests.timeline')}</h2>
      <ol class="timeline steps" data-testid="timeline">
        <For each={inTimeOrder(props.entries)}>
          {(e) => (
            <li>
              <div class="when">
                <time datetime={e.at}>{formatDateTime(e.at)}</time>
                <span class="device">{e.device}</span>
              </div>
              <div>
                <strong class="what">{tCode(e.action)}</strong> · <span class="who">{e.byName}</span>
                <Show when={details(e).length}>
                  <p>{details(e).join(' · ')}</p>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
