import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { NEWCOMER_ROLES, type StaffRole } from '../../domain/staff/staff';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { addStaffProfile } from '../../store/staff-pins';
import { createSave, FormShell } from '../common/FormShell';
import { KeyedById } from '../common/KeyedById';
import { problemFor } from '../common/Problems';
import { enterAs } from '../lock/lock-state';
import { PinForm } from '../lock/PinForm';
import '../lock/lock.css';
import { allStaff } from '../../store/queries/staff';
import { teams as officeTeams } from '../../store/queries/settings';
import { LIMITS } from '../../domain/limits';
import { SelectField } from '../common/SelectField';

/**
 * Choose a staff profile on this device (the list arrives with the office shard): its PIN is
 * asked first. A newcomer adds their own profile, as 客服接待 or 班组人员 only — a manager
 * grants 管理处经理 afterwards in 设置 → 员工.
 */
export function WhoAreYou(props: { office: Office }) {
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const [pickedId, setPickedId] = createSignal<string | null>(null);
  const picked = () => staff().find((s) => s.id === pickedId());
  // The newcomer's own profile, typed in one form.
  const [form, setForm] = createStore({ name: '', role: 'reception' as StaffRole, pin: '', pinAgain: '', team: '' });
  // The teams arrive with the office document, like the staff list (the defaults until then).
  const teams = createLive(() => props.office, (o) => officeTeams(o.db), []);
  const teamId = () => (teams().some((tm) => tm.id === form.team) ? form.team : teams()[0]?.id ?? '');
  const save = createSave(
    () => addStaffProfile(props.office, { name: form.name, role: form.role, teamId: form.role === 'team' ? teamId() : '', pin: form.pin, pinAgain: form.pinAgain }),
    (staff) => enterAs(props.office, staff),
  );
  const invalid = (field: string) => !!problemFor(save.problems(), field);
  return (
    <main class="setup">
      <h1>{t('setup.whoAreYou')}</h1>
      <p>{t('setup.whoIntro')}</p>
      <Show when={staff().length} fallback={<p role="status">{t('setup.waitingStaff')}</p>}>
        <ul class="staff-pick">
          <For each={staff()}>
            {(s) => (
              <li>
                <button type="button" aria-pressed={pickedId() === s.id} onClick={() => setPickedId(s.id)}>
                  <strong>{s.name}</strong>
                  <span>{t(`role.${s.role}`)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      {/* By the profile's id, not its row: the staff list is re-read while the office shard is
          still being written on a new tablet, and a new row object must not remount the form (and
          empty the PIN just typed). */}
      <KeyedById when={picked()}>
        {(s) => <PinForm office={props.office} staff={s()} onDone={() => enterAs(props.office, s())} onCancel={() => setPickedId(null)} />}
      </KeyedById>
      <FormShell save={save} class="card" aria-labelledby="new-staff" actionsClass="setup-actions" submit={t('setup.addStaff')} head={<h2 id="new-staff">{t('setup.newStaff')}</h2>}>
        <label>
          {t('setup.staffName')}
          <input name="staffName" value={form.name} aria-invalid={invalid('name')} onInput={(e) => setForm('name', e.currentTarget.value)} maxLength={LIMITS.name} />
        </label>
        <SelectField label={t('setup.role')} name="role" value={form.role} options={NEWCOMER_ROLES} text={(r) => t(`role.${r}`)} onChange={(r) => setForm('role', r)} />
        <Show when={form.role === 'team'}>
          <SelectField label={t('setup.team')} name="team" value={teamId()} options={teams().map((tm) => tm.id)}
            text={(id) => teams().find((tm) => tm.id === id)?.name ?? id} onChange={(id) => setForm('team', id)} />
        </Show>
        <label>
          {t('pin.label')}
          <input name="pin" type="password" inputmode="numeric" autocomplete="new-password" maxLength={6} value={form.pin} aria-invalid={invalid('pin')} aria-describedby="new-pin-help" onInput={(e) => setForm('pin', e.currentTarget.value)} />
        </label>
        <p id="new-pin-help" class="muted small">{t('pin.newStaffHelp')}</p>
        <label>
          {t('pin.again')}
          <input name="pinAgain" type="password" inputmode="numeric" autocomplete="new-password" maxLength={6} value={form.pinAgain} aria-invalid={invalid('pinAgain')} onInput={(e) => setForm('pinAgain', e.currentTarget.value)} />
        </label>
      </FormShell>
    </main>
  );
}
