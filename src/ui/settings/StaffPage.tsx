import { A } from '@solidjs/router';
import { createSignal, For, Index, Show } from 'solid-js';
import { STAFF_ROLES, type StaffRole, type StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { updateStaffMember } from '../../store/settings';
import { createAction } from '../common/FormShell';
import { showOutcome } from '../common/outcome';
import { Problems } from '../common/Problems';
import { KeyedById } from '../common/KeyedById';
import { ChangeMyPinForm } from './ChangeMyPinForm';
import { IdleLockSetting } from './IdleLockSetting';
import { ResetPinForm } from './ResetPinForm';
import { StaffHistory } from './StaffHistory';
import './settings.css';
import { allStaff } from '../../store/queries/staff';
import { teams as officeTeams } from '../../store/queries/settings';

/**
 * 设置 → 员工: everyone sees who works here, in which role and team; a manager changes a
 * colleague's role or team, saved at once (one history line each).
 */
export function StaffPage(props: { office: Office }) {
  // In pinyin order, as a Chinese staff list is read.
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const teams = createLive(() => props.office, (o) => officeTeams(o.db), []);
  const myId = () => props.office.config.staffId ?? '';
  const canEdit = () => staff().find((s) => s.id === myId())?.role === 'manager';
  const teamName = (id: string | undefined) => teams().find((tm) => tm.id === id)?.name ?? '';
  // Read with the teams, so the choice is shown again once the options are there.
  const selectedTeam = (s: StaffRow) => (teams(), s.teamId ?? '');
  // A role or team is saved on change, one command per select, and never dropped by a busy guard
  // (the select already shows the new value): so the row changes show their reasons through
  // `showOutcome`, not `run`.
  const rowChanges = createAction();
  const [saved, setSaved] = createSignal('');
  // The one PIN form open (mine, or a colleague's reset) and what the last one did.
  const [pinForm, setPinForm] = createSignal<{ mine: true } | { reset: string } | null>(null);
  const [pinDone, setPinDone] = createSignal<{ mine: true } | { reset: string } | null>(null);
  const changing = () => {
    const open = pinForm();
    return !!open && 'mine' in open;
  };
  const pinNote = () => {
    const done = pinDone();
    return !done ? '' : 'mine' in done ? t('staff.pinChanged') : t('staff.resetDone', { name: done.reset });
  };
  const resetRow = () => {
    const open = pinForm();
    return open && 'reset' in open ? staff().find((s) => s.id === open.reset) : undefined;
  };
  const pinState = (s: StaffRow) => (!s.pin ? t('staff.pinNone') : s.pinMustChange ? t('staff.pinTemporary') : t('staff.pinSet'));

  const update = async (s: StaffRow, patch: { role?: StaffRole; teamId?: string }, control: HTMLSelectElement) => {
    setSaved('');
    const r = await showOutcome(rowChanges, updateStaffMember(props.office, s.id, patch));
    if (!r.ok) {
      // The row did not change: show what is stored again.
      control.value = patch.role !== undefined ? s.role : s.teamId ?? '';
      return;
    }
    if (r.value) setSaved(s.name);
  };

  // Rows are kept by position (Index), so a select keeps the keyboard focus after its change is saved.
  return (
    <main class="page staff-page">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <div class="page-head">
        <h1>{t('staff.title')}</h1>
        <span class="muted">{t('staff.count', { n: staff().length })}</span>
      </div>
      <Show when={staff().length && !canEdit()}>
        <p class="read-only-note" role="note" data-testid="read-only-note">{t('staff.readOnly')}</p>
      </Show>
      <p class="muted help">{t('staff.teamHelp')}</p>
      <Problems problems={rowChanges.problems()} />
      <p role="status" class="saved">{saved() ? t('staff.savedFor', { name: saved() }) : ''}</p>
      <table class="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.team')}</th>
            <th scope="col">{t('staff.pin')}</th>
          </tr>
        </thead>
        <tbody>
          <Index each={staff()}>
            {(s) => (
              <tr data-testid="staff-row">
                <th scope="row">
                  {s().name}
                  <Show when={s().id === myId()}><span class="chip">{t('staff.me')}</span></Show>
                </th>
                <td>
                  <Show when={canEdit()} fallback={t(`role.${s().role}`)}>
                    <select name="role" value={s().role} aria-label={t('staff.roleFor', { name: s().name })}
                      onChange={(e) => void update(s(), { role: e.currentTarget.value as StaffRole }, e.currentTarget)}>
                      <For each={STAFF_ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
                    </select>
                  </Show>
                </td>
                <td>
                  <Show when={canEdit()} fallback={teamName(s().teamId) || <span class="muted">{t('staff.noTeam')}</span>}>
                    <select name="team" value={selectedTeam(s())} aria-label={t('staff.teamFor', { name: s().name })}
                      onChange={(e) => void update(s(), { teamId: e.currentTarget.value }, e.currentTarget)}>
                      <option value="">{t('staff.noTeam')}</option>
                      <Show when={s().teamId && !teamName(s().teamId)}><option value={s().teamId}>{s().teamId}</option></Show>
                      <For each={teams()}>{(tm) => <option value={tm.id}>{tm.name}</option>}</For>
                    </select>
                  </Show>
                </td>
                <td class="pin-cell">
                  <span class={s().pin ? '' : 'muted'}>{pinState(s())}</span>
                  <Show when={s().id === myId() && s().pin}>
                    <button type="button" class="link" onClick={() => { setPinDone(null); setPinForm({ mine: true }); }}>{t('staff.changeMyPin')}</button>
                  </Show>
                  <Show when={canEdit() && s().id !== myId()}>
                    <button type="button" class="link" aria-label={t('staff.resetPinFor', { name: s().name })} onClick={() => { setSaved(''); setPinDone(null); setPinForm({ reset: s().id }); }}>
                      {t('staff.resetPin')}
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
      <Show when={changing()}>
        <ChangeMyPinForm office={props.office} staffId={myId()} onCancel={() => setPinForm(null)} onDone={() => { setPinForm(null); setSaved(''); setPinDone({ mine: true }); }} />
      </Show>
      {/* By id, not row: a colleague's edit re-reads the row and must not empty the form. */}
      <KeyedById when={canEdit() && resetRow()}>
        {(s) => <ResetPinForm office={props.office} staff={s()} onCancel={() => setPinForm(null)} onDone={(name) => { setPinForm(null); setSaved(''); setPinDone({ reset: name }); }} />}
      </KeyedById>
      <p role="status" class="saved" data-testid="reset-status">{pinNote()}</p>
      <IdleLockSetting office={props.office} canEdit={canEdit()} />
      <StaffHistory office={props.office} />
    </main>
  );
}
