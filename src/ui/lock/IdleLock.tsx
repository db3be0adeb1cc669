import { createEffect, createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { IDLE_LOCK_DEFAULT } from '../../domain/staff/idle-lock';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import type { StaffRow } from '../../domain/staff/staff';
import { idleLockMinutes } from '../../store/staff-pins';
import { t } from '../../i18n';
import { staffId } from '../session';
import { guardCommands, lastActive, locked, lockNow, markActive, markProven, proven, restoreLock } from './lock-state';
import { sessionProven } from '../../store/session-proof';
import { LockScreen } from './LockScreen';
import { allStaff } from '../../store/queries/staff';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * Wraps the app of a chosen profile: after the office's idle time without a touch or key it
 * locks (also when the tablet wakes from sleep or the app is reopened after that long). While
 * locked the app stays mounted — nothing typed is lost when the same person unlocks — but is
 * inert behind the lock screen.
 */
export function IdleLock(props: { office: Office; children: JSX.Element }) {
  const officeId = () => props.office.config.officeId;
  const minutes = createLive(() => props.office, (o) => idleLockMinutes(o), IDLE_LOCK_DEFAULT);
  // null until first read: "no such profile" and "not read yet" must not look alike (see `open`).
  const staffRows = createLive<Office, StaffRow[] | null>(() => props.office, (o) => allStaff(o.db), null);
  const staff = () => staffRows() ?? [];
  const idleMs = () => minutes() * 60_000;
  guardCommands(props.office);

  const check = () => {
    if (!locked() && Date.now() - lastActive(officeId()) >= idleMs()) lockNow(officeId(), 'idle');
  };
  onMount(() => {
    restoreLock(officeId(), idleMs());
    markActive(officeId());
    const active = () => markActive(officeId());
    for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true });
    const timer = setInterval(check, 1_000);
    const visible = () => document.visibilityState === 'visible' && check();
    document.addEventListener('visibilitychange', visible);
    onCleanup(() => {
      for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true });
      clearInterval(timer);
      document.removeEventListener('visibilitychange', visible);
    });
  });

  createEffect(() => document.documentElement.classList.toggle('app-locked', !!locked()));
  onCleanup(() => document.documentElement.classList.remove('app-locked'));

  // A profile from before PINs, resumed on this tablet: it sets its PIN before going on.
  createEffect(() => {
    const me = staff().find((s) => s.id === props.office.config.staffId);
    if (me && !me.pin && !locked()) lockNow(officeId(), 'manual');
  });

  // Resumed after a reload: `staffId` comes from localStorage, which anyone can edit. The person
  // goes on only if this tablet holds a proof that they entered with their PIN
  // (store/session-proof.ts); otherwise the lock screen asks it. Until that is settled nothing of
  // the app is drawn, so an edited `staffId` never shows a manager's screens, even for a moment.
  const loaded = () => staffRows() !== null;
  const me = () => staff().find((s) => s.id === staffId());
  const [checking, setChecking] = createSignal<string | null>(null);
  createEffect(() => {
    const m = me();
    if (!m || proven() === m.id || checking() === m.id) return;
    setChecking(m.id);
    void sessionProven(officeId(), m.id).then((ok) => {
      // Someone entered with a PIN meanwhile (the lock screen, a switch): that settles it.
      if (proven() === m.id || staffId() !== m.id) return;
      if (ok) markProven(m.id);
      else if (!locked() || locked() === 'idle') lockNow(officeId(), 'proof');
    });
  });
  // A profile not (yet) in the office's staff holds no role and nothing to protect.
  const open = () => {
    const m = me();
    return loaded() && (!m || proven() === m.id);
  };

  return (
    <>
      <div class="lockable" inert={locked() ? true : undefined} aria-hidden={locked() ? 'true' : undefined}>
        {/* A colleague taking over gets the page afresh: whatever the previous person had
            half typed is not theirs to save under their own name (and pages show "mine" anew). */}
        <Show when={open() && staffId()} keyed>
          {(_id) => props.children}
        </Show>
      </div>
      <Show when={locked()}>
        {(reason) => <LockScreen office={props.office} staff={staff()} reason={reason()} minutes={minutes()} />}
      </Show>
    </>
  );
}

/** 锁屏: the receptionist leaving the desk locks it at once. */
export function LockButton(props: { office: Office }) {
  return (
    <button type="button" class="lock-button" onClick={() => lockNow(props.office.config.officeId, 'manual')}>
      {t('lock.now')}
    </button>
  );
}
