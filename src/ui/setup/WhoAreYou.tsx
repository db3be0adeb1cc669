import { createSignal, For, Show } from 'solid-js';
import { STAFF_ROLES, type StaffRole } from '../../domain/staff';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { createLive } from '../bindings/live';
import { serviceSettingsFrom } from '../../domain/requests/settings';
import type { Office } from '../../store/office-api';
import { Problems } from '../common/Problems';
import { addStaffAndChoose, chooseStaff } from '../session';

/** Choose a staff profile on this device (the list arrives with the office shard). */
export function WhoAreYou(props: { office: Office }) {
  const staff = createLive(() => props.office, (o) => o.db.staff.orderBy('name').toArray(), []);
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<StaffRole>('reception');
  // The teams arrive with the office document, like the staff list (the defaults until then).
  const teams = createLive(() => props.office, async (o) => serviceSettingsFrom((await o.db.settings.get('service'))?.data).teams, []);
  const [team, setTeam] = createSignal('');
  const teamId = () => (teams().some((tm) => tm.id === team()) ? team() : teams()[0]?.id ?? '');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const add = async (e: Event) => {
    e.preventDefault();
    const result = await addStaffAndChoose(name(), role(), role() === 'team' ? teamId() : '');
    if (!result.ok) setProblems(result.problems);
  };
  return (
    <main class="setup">
      <h1>{t('setup.whoAreYou')}</h1>
      <p>{t('setup.whoIntro')}</p>
      <Show when={staff().length} fallback={<p role="status">{t('setup.waitingStaff')}</p>}>
        <ul class="staff-pick">
          <For each={staff()}>
            {(s) => (
              <li>
                <button type="button" onClick={() => chooseStaff(s.id, s.name)}>
                  <strong>{s.name}</strong>
                  <span>{t(`role.${s.role}`)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="card" onSubmit={add} aria-labelledby="new-staff">
        <h2 id="new-staff">{t('setup.newStaff')}</h2>
        <Problems problems={problems()} />
        <label>
          {t('setup.staffName')}
          <input name="staffName" value={name()} onInput={(e) => setName(e.currentTarget.value)} maxLength={60} />
        </label>
        <label>
          {t('setup.role')}
          <select name="role" value={role()} onChange={(e) => setRole(e.currentTarget.value as StaffRole)}>
            <For each={STAFF_ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </label>
        <Show when={role() === 'team'}>
          <label>
            {t('setup.team')}
            <select name="team" value={teamId()} onChange={(e) => setTeam(e.currentTarget.value)}>
              <For each={teams()}>{(tm) => <option value={tm.id}>{tm.name}</option>}</For>
            </select>
          </label>
        </Show>
        <button type="submit" class="primary">{t('setup.addStaff')}</button>
      </form>
    </main>
  );
}
