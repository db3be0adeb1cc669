import { createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/customer';
import { attendanceTotals } from '../../domain/events/attendance';
import { INVITE_STATUSES, PRESENCES, type AttendanceRow, type CommunityEvent, type InviteStatus } from '../../domain/events/types';
import type { Result } from '../../domain/result';
import { t } from '../../i18n';
import { addWalkIn, closeAttendance, inviteGroups, inviteOne, markPresence, setInvite } from '../../store/events';
import type { Office } from '../../store/office-api';
import { attendanceOf } from '../../store/queries/events';
import { createLive } from '../../shared/bindings/live';
import { createAction } from '../common/FormShell';
import { showOutcome } from '../common/outcome';
import { Problems } from '../common/Problems';
import { CustomerPicker } from '../requests/CustomerPicker';
import { ActionButton } from './ActionButton';

/**
 * Invitations and attendance: who is invited, confirmed or declined (a call goes into the
 * customer's contact log), then ticked present / absent / proxy against the signed sheet, with
 * walk-ins found by the usual search, live totals, and 签到结束.
 */
export function AttendanceCard(props: { office: Office; event: CommunityEvent }) {
  const rows = createLive(() => props.event.id, (id) => attendanceOf(props.office.db, id), [] as AttendanceRow[]);
  const totals = () => attendanceTotals(rows(), props.event.attendanceClosed);
  const [logCall, setLogCall] = createSignal(true);
  // An answer chosen, a presence ticked, a customer added: each taken as it comes (ticking row
  // after row must not drop one), the last one's reasons shown in this one list.
  const changes = createAction();
  const [adding, setAdding] = createSignal<'invite' | 'walkIn' | null>(null);
  const held = () => props.event.status === 'held' && !props.event.attendanceClosed;
  const inviting = () => props.event.status !== 'closed' && !props.event.attendanceClosed && props.event.status !== 'held';
  const show = (p: Promise<Result<unknown>>) => showOutcome(changes, p);
  const changeInvite = (a: AttendanceRow, invite: InviteStatus) =>
    show(setInvite(props.office, props.event.id, a.id, invite, logCall() ? t('events.callSummary', { title: props.event.title, answer: t(`invite.${invite}`) }) : undefined));
  const pick = async (c: CustomerRow | null) => {
    if (!c) return;
    await show(adding() === 'walkIn' ? addWalkIn(props.office, props.event.id, c) : inviteOne(props.office, props.event.id, c));
    setAdding(null);
  };
  return (
    <section class="card" aria-labelledby="attendance-title">
      {/* The club's founding: the list is its members, chosen from the customers. */}
      <h2 id="attendance-title">{t(props.event.kind === 'clubFounding' ? 'events.members' : 'events.attendance')}</h2>
      <p class="totals" data-testid="attendance-totals" role="status">
        {t('events.totals', { invited: totals().invited, confirmed: totals().confirmed, declined: totals().declined, present: totals().present, proxy: totals().proxy, absent: totals().absent, walkIns: totals().walkIns, unmarked: totals().unmarked })}
      </p>
      <Show when={props.event.attendanceClosed}><p class="muted">{t('events.attendanceClosed', { n: totals().attended })}</p></Show>
      <Show when={inviting() || held()}>
      <div class="actions start">
        <Show when={inviting()}>
          <ActionButton label={t('events.inviteGroups')} run={() => inviteGroups(props.office, props.event.id)} />
          <button type="button" onClick={() => setAdding('invite')}>{t('events.inviteOne')}</button>
          <label class="inline">
            <input type="checkbox" checked={logCall()} onChange={(e) => setLogCall(e.currentTarget.checked)} />
            {t('events.logCall')}
          </label>
        </Show>
        <Show when={held()}>
          <button type="button" onClick={() => setAdding('walkIn')}>{t('events.addWalkIn')}</button>
          <ActionButton tone="plain" label={t('events.closeAttendance')} run={() => closeAttendance(props.office, props.event.id)} />
        </Show>
      </div>
      </Show>
      <Show when={adding()}>
        <div class="picker-box">
          <CustomerPicker db={props.office.db} value={null} onPick={(c) => void pick(c)} />
          <button type="button" class="link" onClick={() => setAdding(null)}>{t('common.cancel')}</button>
        </div>
      </Show>
      <Problems problems={changes.problems()} />
      <Show when={rows().length} fallback={<p class="muted">{t('events.noInvitees')}</p>}>
        {/* The list is open while attendance is being ticked; before and after, the totals say it. */}
        <details class="attendance-list" open={held()}>
          <summary>{t('events.showList', { n: rows().length })}</summary>
        <div class="scroll-x">
          <table class="table attendance" data-testid="attendance">
            <thead>
              <tr>
                <th scope="col">{t('customers.unit')}</th>
                <th scope="col">{t('customers.name')}</th>
                <th scope="col">{t('events.invite')}</th>
                <th scope="col">{t('events.presence')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(a) => (
                  <tr data-row={a.customerId}>
                    <td>{a.unitCode}</td>
                    <th scope="row">{a.name}<Show when={a.walkIn}> <span class="chip">{t('events.walkIn')}</span></Show></th>
                    <td>
                      <select aria-label={t('events.inviteOf', { name: a.name })} value={a.invite} disabled={!!a.walkIn || props.event.status === 'closed'} onChange={(e) => void changeInvite(a, e.currentTarget.value as InviteStatus)}>
                        <For each={INVITE_STATUSES}>{(s) => <option value={s}>{t(`invite.${s}`)}</option>}</For>
                      </select>
                    </td>
                    <td>
                      <div class="presence-buttons" role="group" aria-label={t('events.presenceOf', { name: a.name })}>
                        <For each={PRESENCES}>
                          {(p) => (
                            <button type="button" class={a.presence === p ? 'primary' : undefined} aria-pressed={a.presence === p} disabled={!held()}
                              onClick={() => void show(markPresence(props.office, props.event.id, a.id, p))}>
                              {t(`attend.${p}`)}
                            </button>
                          )}
                        </For>
                      </div>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        </details>
      </Show>
    </section>
  );
}
