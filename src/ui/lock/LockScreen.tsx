import { createSignal, For, Show } from 'solid-js';
import type { StaffRow } from '../../domain/staff/staff';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { signOut } from '../session';
import { KeyedById } from '../common/KeyedById';
import { enterAs, recentStaff, unlockToChooser, type LockReason } from './lock-state';
import { PinForm } from './PinForm';
import './lock.css';

/**
 * Over the app while the tablet is locked: the current user unlocks with their PIN, or a
 * colleague who used this tablet recently takes it over with theirs (the desk's quick switch);
 * 其他员工 opens the full staff list, which asks a PIN too.
 */
export function LockScreen(props: { office: Office; staff: StaffRow[]; reason: LockReason; minutes: number }) {
  const me = () => props.staff.find((s) => s.id === props.office.config.staffId);
  const [targetId, setTargetId] = createSignal<string | null>(null);
  const target = () => props.staff.find((s) => s.id === (targetId() ?? props.office.config.staffId));
  const others = () =>
    recentStaff(props.office.config.officeId)
      .filter((id) => id !== target()?.id)
      .map((id) => props.staff.find((s) => s.id === id))
      .filter((s): s is StaffRow => !!s);

  const toChooser = () => {
    signOut();
    unlockToChooser(props.office);
  };

  return (
    <div class="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <div class="lock-panel">
        <header>
          <span class="logo big" aria-hidden="true">邻</span>
          <h1 id="lock-title">{t('lock.title')}</h1>
          <p class="muted">{props.reason === 'idle' ? t('lock.idleIntro', { minutes: props.minutes }) : props.reason === 'proof' ? t('lock.proofIntro') : t('lock.manualIntro')}</p>
          <Show when={me()}>
            {(m) => (
              <p class="lock-current" data-testid="lock-current">
                {t('lock.current')}：<strong>{m().name}</strong> <span class="muted">{t(`role.${m().role}`)}</span>
              </p>
            )}
          </Show>
        </header>
        {/* By id, not row: a re-read staff row must not remount the form and empty the PIN typed. */}
        <KeyedById when={target()}>
          {(s) => <PinForm office={props.office} staff={s()} onDone={() => enterAs(props.office, s())} onCancel={targetId() ? () => setTargetId(null) : undefined} />}
        </KeyedById>
        <section class="lock-switch" aria-labelledby="lock-switch-title">
          <h2 id="lock-switch-title">{t('lock.switch')}</h2>
          <ul class="staff-pick">
            <For each={others()}>
              {(s) => (
                <li>
                  <button type="button" aria-label={t('lock.switchTo', { name: s.name })} onClick={() => setTargetId(s.id === props.office.config.staffId ? null : s.id)}>
                    <strong>{s.name}</strong>
                    <span>{t(`role.${s.role}`)}</span>
                  </button>
                </li>
              )}
            </For>
            <li>
              <button type="button" onClick={toChooser}>
                <strong>{t('lock.others')}</strong>
              </button>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
