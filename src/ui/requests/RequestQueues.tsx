import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import { officeDay } from '../../domain/requests/work-time';
import { t } from '../../i18n';
import { createLive } from '../bindings/live';
import type { Office } from '../../store/office-api';
import { queue, QUEUE_PAGE, serviceSettings, type QueueName } from '../../store/requests';
import { RequestRowView } from './RequestRowView';
import { requestPrintLinks } from '../../print/links';

const QUEUES: QueueName[] = ['mine', 'dueToday', 'overdue', 'team', 'followUp', 'approval', 'attention', 'open', 'all'];

/** The desk's work lists: 我的工单, 今日到期, 已超时, per team, follow-ups due, approvals… */
export function RequestQueues(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ q?: string; team?: string }>();
  const name = () => (QUEUES.includes(params.q as QueueName) ? (params.q as QueueName) : 'mine');
  // "Now" moves on every minute so overdue marks appear without a reload.
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  const [limit, setLimit] = createSignal(QUEUE_PAGE);
  // One query per change: the office's settings (teams, the office's day) are read inside it, so
  // the first rows arrive in one round trip and are drawn once.
  const result = createLive(
    () => ({ name: name(), team: params.team, now: now(), limit: limit() }),
    async (q) => {
      const me = props.office.config.staffId ?? '';
      // Only 按班组 (without a chosen team) and 今日到期 need the settings first; the others run alongside.
      const needsSettings = (q.name === 'team' && !q.team) || q.name === 'dueToday';
      const settingsRead = serviceSettings(props.office.db);
      const settings = needsSettings ? await settingsRead : null;
      const teamId = q.team ?? settings?.teams[0]?.id ?? '';
      const day = settings ? officeDay(q.now, settings.calendar) : '';
      const todayEnd = settings ? new Date(Date.parse(`${day}T23:59:59.999Z`) - settings.calendar.utcOffset * 60_000).toISOString() : q.now.toISOString();
      const [found, all] = await Promise.all([queue(props.office.db, q.name, { me, teamId, now: q.now, todayEnd, limit: q.limit }), settingsRead]);
      return { q: q.name, teamId: teamId || all.teams[0]?.id || '', teams: all.teams, ...found };
    },
    null,
  );
  createEffect(() => {
    if (result() && !performance.getEntriesByName('linli:queue-rendered').length) queueMicrotask(() => performance.mark('linli:queue-rendered'));
  });
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
      <nav class="tabs" aria-label={t('queue.label')}>
        <For each={QUEUES}>
          {(q) => (
            <button type="button" role="tab" aria-selected={name() === q} classList={{ active: name() === q }} onClick={() => { setLimit(QUEUE_PAGE); setParams({ q }, { replace: true }); }}>
              {t(`queue.${q}`)}
            </button>
          )}
        </For>
      </nav>
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
                <For each={r().rows}>{(row) => <li><RequestRowView row={row} now={now()} /></li>}</For>
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
