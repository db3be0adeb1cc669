import { createEffect, createSignal, Show } from 'solid-js';
import { IDLE_LOCK_DEFAULT, IDLE_LOCK_MAX, IDLE_LOCK_MIN } from '../../domain/staff/idle-lock';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { idleLockMinutes, saveIdleLock } from '../../store/staff-pins';
import { Problems } from '../common/Problems';
import { createSave } from '../common/FormShell';

/** 设置 → 员工 → 自动锁屏: the office's idle time; a manager changes it, others read it. */
export function IdleLockSetting(props: { office: Office; canEdit: boolean }) {
  const minutes = createLive(() => props.office, (o) => idleLockMinutes(o), IDLE_LOCK_DEFAULT);
  const [value, setValue] = createSignal(String(IDLE_LOCK_DEFAULT));
  createEffect(() => setValue(String(minutes())));
  const [saved, setSaved] = createSignal('');
  const save = createSave(() => {
    setSaved('');
    return saveIdleLock(props.office, value());
  }, () => setSaved(t('lock.idleSaved', { minutes: value().trim() })));
  const problems = save.problems;
  return (
    <form class="card idle-lock" onSubmit={(e) => void save.submit(e)} noValidate aria-labelledby="idle-lock-title">
      <h2 id="idle-lock-title">{t('lock.settingTitle')}</h2>
      <p class="muted help" id="idle-lock-help">{t('lock.idleHelp')}</p>
      <Problems problems={problems()} />
      <div class="idle-lock-row">
        <label>
          {t('lock.idleLabel')}
          <input name="idleLock" type="number" inputmode="numeric" min={IDLE_LOCK_MIN} max={IDLE_LOCK_MAX} step={1} value={value()}
            disabled={!props.canEdit} aria-describedby="idle-lock-help" aria-invalid={problems().length > 0} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
        <Show when={props.canEdit}>
          <button type="submit" class="primary" disabled={save.busy()}>{save.busy() ? t('common.saving') : t('common.save')}</button>
        </Show>
      </div>
      <p role="status" class="saved">{saved()}</p>
    </form>
  );
}
