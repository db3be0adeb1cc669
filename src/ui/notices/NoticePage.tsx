import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/types';
import { localDay } from '../../domain/days';
import { LIMITS } from '../../domain/limits';
import { inForce, noticeFromRecord, noticeShard, TELL_CHANNELS, type NoticeRow, type TellChannel } from '../../domain/notices/notice';
import { formatDateTime, t } from '../../i18n';
import '../../i18n/notices';
import { noticePrintLinks } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { createRecordOf } from '../../shared/bindings/record';
import { tellCustomer, withdrawNotice } from '../../store/notices';
import type { Office } from '../../store/office-api';
import { noticeAudience, noticeRow } from '../../store/queries/notices';
import { createAction, createSave, FormShell } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { NeedChips } from '../residents/NeedChips';
import { PictureStrip } from '../pictures/PictureStrip';
import { boardRecordPage, BoardRecordView } from './BoardRecordPage';
import { boardLinks } from './links';
import { audienceText } from './audience-text';
import '../residents/residents.css';
import '../residents/need-chips.css';

/** One notice: loader (its row, BoardRecordPage) + view (the live record, the audience, the call list and the register). */
export const NoticePage = boardRecordPage({ back: boardLinks.notices, backLabel: () => t('notice.title'), notFound: () => t('notice.notFound'), load: noticeRow, view: NoticeView });

function NoticeView(props: { office: Office; row: NoticeRow }) {
  const id = props.row.id;
  const { record, value: notice } = createRecordOf(props.office, noticeShard(props.row), 'notices', id, noticeFromRecord);
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

  const prints = () => (
    <>
      <A class="button" href={noticePrintLinks.board(id, 'A4')}>{t('notice.printA4')}</A>
      <A class="button" href={noticePrintLinks.board(id, 'A3')}>{t('notice.printA3')}</A>
      <A class="button" href={noticePrintLinks.callList(id)}>{t('notice.printCallList')}</A>
      <A class="button" href={noticePrintLinks.register(id)}>{t('notice.printRegister')}</A>
    </>
  );

  return (
    <BoardRecordView value={notice()} actions={prints}>
      {(n) => (
        <>
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
    </BoardRecordView>
  );
}
