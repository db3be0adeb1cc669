import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/types';
import { localDay } from '../../domain/days';
import { LIMITS } from '../../domain/limits';
import { inForce, noticeFromRecord, noticeShard, TELL_CHANNELS, type NoticeRow, type TellChannel } from '../../domain/notices/notice';
import { formatDateTime, t } from '../../i18n';
import '../../i18n/notices';
import { noticePrintLinks } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { createRecord } from '../../shared/bindings/record';
import { tellCustomer, withdrawNotice } from '../../store/notices';
import type { Office } from '../../store/office-api';
import { noticeAudience, noticeRow } from '../../store/queries/notices';
import { createAction, createSave, FormShell } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { NeedChips } from '../residents/NeedChips';
import { PictureStrip } from '../pictures/PictureStrip';
import { BoardNav } from './BoardNav';
import { boardLinks } from './links';
import { audienceText } from './audience-text';
import '../residents/residents.css';
import '../residents/need-chips.css';

/** One notice: loader (its row) + view (the live record, the audience, the call list and the register). */
export function NoticePage(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const row = createLive(() => params.id, (id) => noticeRow(props.office.db, id), undefined as NoticeRow | undefined | null);
  return (
    <main class="page wide">
      <A href={boardLinks.notices()} class="back">← {t('notice.title')}</A>
      <BoardNav />
      <Show when={row() !== undefined} fallback={<p>{t('common.loading')}</p>}>
        {/* Keyed by id: a re-read row (a colleague's edit) updates the view, it does not remount it. */}
        <Show when={row()?.id} keyed fallback={<p class="empty">{t('notice.notFound')}</p>}>
          {(_id) => <Show when={row()}>{(r) => <NoticeView office={props.office} row={r()} />}</Show>}
        </Show>
      </Show>
    </main>
  );
}

function NoticeView(props: { office: Office; row: NoticeRow }) {
  const id = props.row.id;
  const record = createRecord(props.office, noticeShard(props.row), 'notices', id);
  const notice = createMemo(() => {
    const r = record();
    return r ? noticeFromRecord(id, r) : null;
  });
  const people = createLive(() => props.row, (r) => noticeAudience(props.office.db, r, new Date().getFullYear()), null);
  const told = (customerId: string) => (people()?.tellings ?? []).filter((x) => x.customerId === customerId);
  const tell = createAction();
  const [channelOf, setChannelOf] = createSignal<Record<string, TellChannel>>({});
  const channel = (c: string) => channelOf()[c] ?? 'phone';
  const [reason, setReason] = createSignal('');
  const withdraw = createSave(() => withdrawNotice(props.office, id, reason()));
  const [others, setOthers] = createSignal(false);

  const tellRow = (c: CustomerRow) => (
    <li class="tell-row" data-testid="tell-row" data-customer={c.name}>
      <span>
        <strong>{c.name}</strong> <span class="muted">{c.unitCode}</span> <NeedChips tags={c.tags} />
        <For each={told(c.id)}>{(x) => <span class="chip status">{t('notice.toldBy', { channel: t(`channel.${x.channel}` as never), name: x.byName })}</span>}</For>
      </span>
      <span class="actions">
        <select aria-label={t('notice.channelFor', { name: c.name })} value={channel(c.id)} onChange={(e) => setChannelOf({ ...channelOf(), [c.id]: e.currentTarget.value as TellChannel })}>
          <For each={TELL_CHANNELS}>{(ch) => <option value={ch}>{t(`channel.${ch}` as never)}</option>}</For>
        </select>
        <button type="button" disabled={tell.busy() || !!notice()?.withdrawnAt} aria-label={t('notice.tellName', { name: c.name })} onClick={() => tell.run(() => tellCustomer(props.office, id, c.id, channel(c.id)))}>
          {t('notice.tell')}
        </button>
      </span>
    </li>
  );

  return (
    <Show when={notice()} fallback={<p>{t('common.loading')}</p>}>
      {(n) => (
        <>
          <div class="page-head">
            <h1>{n().title}</h1>
            <div class="head-actions">
              <A class="button" href={noticePrintLinks.board(id, 'A4')}>{t('notice.printA4')}</A>
              <A class="button" href={noticePrintLinks.board(id, 'A3')}>{t('notice.printA3')}</A>
              <A class="button" href={noticePrintLinks.callList(id)}>{t('notice.printCallList')}</A>
              <A class="button" href={noticePrintLinks.register(id)}>{t('notice.printRegister')}</A>
            </div>
          </div>
          <p class="chips">
            <span class="chip">{t(`noticeKind.${n().kind}` as never)}</span>
            <Show when={inForce(props.row, localDay())}><span class="chip need">{t('notice.inForce')}</span></Show>
            <Show when={n().withdrawnAt}><span class="chip status">{t('notice.withdrawnChip')}</span></Show>
          </p>
          <dl class="facts">
            <dt>{t('notice.period')}</dt><dd>{n().from} – {n().to}</dd>
            <dt>{t('notice.audience')}</dt><dd data-testid="notice-audience">{audienceText(props.row)} · {t('notice.audienceCount', { n: people()?.audience.length ?? 0 })}</dd>
            <dt>{t('notice.madeBy')}</dt><dd>{n().createdByName} · {formatDateTime(n().createdAt)}</dd>
          </dl>
          <section class="card"><p class="notice-body">{n().body}</p></section>
          {/* notice as posted (movepics): a photo of it on the lobby board, with its way to the relay */}
          <section class="card" data-testid="notice-posted">
            <PictureStrip office={props.office} collection="notices" id={id} record={record()} title={t('notice.postedPhotos')} hint={t('notice.postedPhotosHint')} level={2} readOnly={!!n().withdrawnAt} />
          </section>
          <Problems problems={tell.problems()} />
          <section class="card" aria-labelledby="call-list">
            <h2 id="call-list">{t('notice.callList')} ({people()?.callList.length ?? 0})</h2>
            <Show when={people()?.callList.length} fallback={<p class="muted">{t('notice.noCalls')}</p>}>
              <ul class="plain" data-testid="call-list"><For each={people()?.callList ?? []}>{tellRow}</For></ul>
            </Show>
            <button type="button" aria-expanded={others()} onClick={() => setOthers(!others())}>{others() ? t('notice.hideOthers') : t('notice.showOthers', { n: people()?.audience.length ?? 0 })}</button>
            <Show when={others()}>
              <ul class="plain" data-testid="audience-list"><For each={people()?.audience ?? []}>{tellRow}</For></ul>
            </Show>
          </section>
          <section class="card" aria-labelledby="register">
            <h2 id="register">{t('notice.register')} ({people()?.tellings.length ?? 0})</h2>
            <Show when={people()?.tellings.length} fallback={<p class="muted">{t('notice.noneTold')}</p>}>
              <div class="table-scroll">
                <table class="counts-table text" data-testid="notice-register">
                  <thead><tr><th scope="col">{t('customers.unit')}</th><th scope="col">{t('customers.name')}</th><th scope="col">{t('notice.channel')}</th><th scope="col">{t('notice.by')}</th><th scope="col">{t('notice.at')}</th></tr></thead>
                  <tbody>
                    <For each={people()?.tellings ?? []}>
                      {(x) => <tr><td>{x.unitCode}</td><td>{x.customerName}</td><td>{t(`channel.${x.channel}` as never)}</td><td>{x.byName}</td><td>{formatDateTime(x.at)}</td></tr>}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </section>
          <Show when={!n().withdrawnAt} fallback={<p class="muted">{t('notice.withdrawnOn', { at: formatDateTime(n().withdrawnAt), reason: n().withdrawReason })}</p>}>
            <FormShell save={withdraw} class="withdraw-form card" aria-label={t('notice.withdraw')} submit={t('notice.withdraw')} tone="danger" problemsAt="bottom">
              <label>
                {t('notice.withdrawReason')}
                <input name="reason" value={reason()} maxLength={LIMITS.longText} onInput={(e) => setReason(e.currentTarget.value)} />
              </label>
            </FormShell>
          </Show>
        </>
      )}
    </Show>
  );
}
