import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/types';
import { callersToCallBack, incidentFromRecord, incidentShard, type IncidentRow } from '../../domain/incidents/incident';
import { LIMITS } from '../../domain/limits';
import { maskPhone } from '../../domain/mask';
import { formatDateTime, t } from '../../i18n';
import '../../i18n/notices';
import { noticePrintLinks } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { createRecordOf } from '../../shared/bindings/record';
import { closeIncident, linkCallToIncident, markCalledBack } from '../../store/incidents';
import type { Office } from '../../store/office-api';
import { incidentCalls, incidentRow } from '../../store/queries/incidents';
import { createAction, createSave, FormShell } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { CustomerPicker } from '../requests/CustomerPicker';
import { boardRecordPage, BoardRecordView } from '../notices/BoardRecordPage';
import { boardLinks } from '../notices/links';
import '../residents/residents.css';
import '../residents/need-chips.css';

/** One incident: loader (its row, BoardRecordPage) + view. */
export const IncidentPage = boardRecordPage({ back: boardLinks.incidents, backLabel: () => t('incident.title'), notFound: () => t('incident.notFound'), load: incidentRow, view: IncidentView });

/** One incident: the words to read, the calls linked, closing, and the callers to call back. */
function IncidentView(props: { office: Office; row: IncidentRow }) {
  const id = props.row.id;
  const { value: incident } = createRecordOf(props.office, incidentShard(props.row), 'incidents', id, incidentFromRecord);
  const calls = createLive(() => id, (i) => incidentCalls(props.office.db, i), []);
  const link = createAction();
  const [caller, setCaller] = createSignal<CustomerRow | null>(null);
  const [outcome, setOutcome] = createSignal('');
  const close = createSave(() => closeIncident(props.office, id, outcome()));
  const back = createAction();
  return (
    <BoardRecordView value={incident()} actions={(i) => [
      <span class={`chip ${i().status === 'open' ? 'need' : 'status'}`}>{t(i().status === 'open' ? 'incident.openChip' : 'incident.closedChip')}</span>,
      <A class="button" href={noticePrintLinks.callBacks(id)}>{t('incident.printCallBacks')}</A>,
    ]}>
      {(i) => (
        <>
          <dl class="facts">
            <dt>{t('incident.kind')}</dt><dd>{t(`incidentKind.${i().kind}` as never)}</dd>
            <dt>{t('incident.buildings')}</dt><dd>{i().buildings.map((b) => t('units.building', { building: b })).join('、')}</dd>
            <dt>{t('incident.window')}</dt><dd>{i().startsAt.replace('T', ' ')}{i().endsAt ? ` – ${i().endsAt.replace('T', ' ')}` : ''}</dd>
          </dl>
          <section class="card" aria-labelledby="script-h">
            <h2 id="script-h">{t('incident.script')}</h2>
            <p class="script" data-testid="incident-script">{i().script}</p>
          </section>
          <section class="card" aria-labelledby="calls-h">
            <h2 id="calls-h">{t('incident.calls', { n: calls().length })}</h2>
            <Show when={i().status === 'open'}>
              <CustomerPicker db={props.office.db} value={caller()} onPick={setCaller} autofocus={false} />
              <Show when={caller()}>
                {(c) => (
                  <button type="button" class="primary" disabled={link.busy()} onClick={() => link.run(() => linkCallToIncident(props.office, id, c().id), () => setCaller(null))}>
                    {t('incident.link')}
                  </button>
                )}
              </Show>
              <Problems problems={link.problems()} />
            </Show>
            <ul class="plain" data-testid="incident-calls">
              <For each={calls()}>{(c) => <li class="call-row"><span><strong>{c.name}</strong> <span class="muted">{c.unitCode} · {maskPhone(c.phone)}</span></span><span class="muted">{c.byName} · {formatDateTime(c.at)}</span></li>}</For>
            </ul>
          </section>
          <Show
            when={i().status === 'closed'}
            fallback={
              <FormShell save={close} class="form card" aria-label={t('incident.close')} submit={t('incident.close')}>
                <label>
                  {t('incident.outcome')}
                  <textarea name="outcome" rows={3} value={outcome()} maxLength={LIMITS.note} onInput={(e) => setOutcome(e.currentTarget.value)} />
                </label>
              </FormShell>
            }
          >
            <section class="card" aria-labelledby="callback-h">
              <h2 id="callback-h">{t('incident.callBacks', { n: callersToCallBack(calls()).length })}</h2>
              <p class="notice-body">{t('incident.outcome')}：{i().outcome} <span class="muted">（{i().closedByName} · {formatDateTime(i().closedAt)}）</span></p>
              <ul class="plain" data-testid="callback-list">
                <For each={callersToCallBack(calls())}>
                  {(c) => (
                    <li class="call-row" data-customer={c.name}>
                      <span><strong>{c.name}</strong> <span class="muted">{c.unitCode} · {maskPhone(c.phone)}</span></span>
                      <Show when={!c.calledBackAt} fallback={<span class="chip status">{t('incident.calledBack', { name: c.calledBackByName })}</span>}>
                        <button type="button" disabled={back.busy()} aria-label={t('incident.markCalledBack', { name: c.name })} onClick={() => back.run(() => markCalledBack(props.office, id, c.id))}>{t('incident.calledBackButton')}</button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Problems problems={back.problems()} />
            </section>
          </Show>
        </>
      )}
    </BoardRecordView>
  );
}
