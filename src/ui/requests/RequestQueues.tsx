import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { QUEUE_PAGE, QUEUES, queueCounts, queueView, type QueueName } from '../../store/queries/requests';
import { RequestRowView } from './RequestRowView';
import { requestPrintLinks } from '../../print/links';
import { needTagsOf } from '../../store/queries/residents';


/** The desk's work lists: 我的工单, 今日到期, 已超时, per team, follow-ups due, approvals… */
export function RequestQueues(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ q?: string; team?: string }>();
  const name = () => (QUEUES.includes(params.q as QueueName) ? (params.q as QueueName) : 'mine');
  // "Now" moves on every minute so overdue marks appear without a reload.
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  const [limit, setLimit] = createSignal(QUEUE_PAGE);
  const me = () => props.office.config.staffId ?? '';
  // The rows first (one query, settings read inside it). The tabs' counts (index counts, one
  // live query) start once the first rows are on screen, so they never hold the rows up; until
  // then each badge keeps its place empty.
  const result = createLive(() => ({ name: name(), team: params.team, now: now(), limit: limit() }), (q) => queueView(props.office.db, { ...q, me: me() }), null);
  const [rowsShown, setRowsShown] = createSignal(false);
  const counts = createLive(() => (rowsShown() ? { team: params.team, now: now() } : null), (q) => (q ? queueCounts(props.office.db, { ...q, me: me() }) : null), null);
  createEffect(() => {
    if (!result() || rowsShown()) return;
    queueMicrotask(() => performance.mark('linli:queue-rendered'));
    setRowsShown(true);
  });
  createEffect(() => {
    if (counts()) performance.mark('linli:queue-counted');
  });
  // Special needs of the rows' customers (issue 20): read after the rows, so they never hold them up.
  const needs = createLive(() => result()?.rows.map((r) => r.customerId).join(',') ?? '', (ids): Promise<Record<string, string[]>> => (ids ? needTagsOf(props.office.db, ids.split(',')) : Promise.resolve({})), {} as Record<string, string[]>);
  return (
    <main class="page wide">
      <div class="page-head">
        <h1>{t('requests.title')}</h1>
        <div class="head-actions">
          <A href={requestPrintLinks.today()} class="button">{t('requests.printToday')}</A>
          <A href={requestPrintLinks.serviceRegister()} class="button">{t('requests.printRegister')}</A>
          <A href={requestPrintLinks.followupRegister()} class="button">{t('requests.printFollowups')}</A>
          <A href={requestPrintLinks.disputeRegister()} class="button">{t('requests.printDisputes')}</A>
          <A href="/requests/new" class="button primary">{t('requests.new')}</A>
        </div>
      </div>
      {/* A tablist (not a nav): axe's aria-required-parent — a tab belongs to a tablist. */}
      <div class="tabs" role="tablist" aria-label={t('queue.label')}>
        <For each={QUEUES}>
          {(q) => (
            <button type="button" role="tab" data-tab={q} aria-selected={name() === q} classList={{ active: name() === q }} onClick={() => { setLimit(QUEUE_PAGE); setParams({ q }, { replace: true }); }}>
              {t(`queue.${q}`)}
              <Show when={counts()} fallback={<span class="tab-count" aria-hidden="true" />}>{(c) => <span class="tab-count">{c()[q]}</span>}</Show>
            </button>
          )}
        </For>
      </div>
      <Show when={name() === 'team'}>
        <label class="inline">
          {t('queue.teamPick')}
          <select value={result()?.teamId ?? ''} onChange={(e) => setParams({ team: e.currentTarget.value }, { replace: true })}>
            <For each={result()?.teams ?? []}>{(tm) => <option value={tm.id}>{tm.name}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={result()} fallback={<p>{t('common.loading')}</p>}>
        {(r) => (
          <>
            <div class="page-head">
              <p class="muted" aria-live="polite">{t('queue.count', { n: r().total })}</p>
              <Show when={r().rows.length}>
                <A href={requestPrintLinks.requests(r().rows.map((row) => row.id))} class="button">{t('requests.printBatch')}</A>
              </Show>
            </div>
            <Show when={r().rows.length} fallback={<p class="empty" data-queue={r().q}>{t('queue.empty')}</p>}>
              <ul class="rows" data-testid="request-queue" data-queue={r().q}>
                <For each={r().rows}>{(row) => <li><RequestRowView row={row} now={now()} teamName={r().teams.find((tm) => tm.id === row.teamId)?.name ?? ''} assigneeName={r().staff[row.assigneeId] ?? ''} tags={needs()[row.customerId]} /></li>}</For>
              </ul>
              <Show when={r().total > r().rows.length}>
                <button type="button" class="more-rows" onClick={() => setLimit(limit() + QUEUE_PAGE)}>{t('queue.more', { n: r().total - r().rows.length })}</button>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
