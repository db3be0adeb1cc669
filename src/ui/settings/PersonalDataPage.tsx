import { A } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { DEFAULT_PERSONAL_DATA, REVEAL_RULES, type PersonalDataPolicy, type RevealRule } from '../../domain/customers/personal-data';
import type { StaffRole } from '../../domain/staff/staff';
import { t } from '../../i18n';
import { myRole } from '../../store/devices';
import type { Office } from '../../store/office-api';
import { personalDataPolicy, savePersonalDataPolicy } from '../../store/personal-data';
import { createLive } from '../../shared/bindings/live';
import { createSave } from '../common/FormShell';
import { Problems } from '../common/Problems';
import './settings.css';

/** The roles whose rights the office sets; a manager's are fixed (always see and export). */
const SETTABLE: StaffRole[] = ['reception', 'team'];

/**
 * 设置 → 个人信息权限: who may reveal a customer's full phone and ID numbers (freely, one
 * customer at a time with a reason, or not) and who may export them in full. Everyone can read
 * it; only a manager changes it (the domain command refuses others, the page says so).
 */
export function PersonalDataPage(props: { office: Office }) {
  const stored = createLive(() => props.office, (o) => personalDataPolicy(o), DEFAULT_PERSONAL_DATA);
  const role = createLive(() => props.office.config.staffId ?? '', () => myRole(props.office), undefined);
  const canEdit = () => role() === 'manager';
  const [draft, setDraft] = createSignal<PersonalDataPolicy>(structuredClone(DEFAULT_PERSONAL_DATA));
  createEffect(() => setDraft(structuredClone(stored())));
  const [saved, setSaved] = createSignal('');

  const setReveal = (r: StaffRole, rule: RevealRule) => setDraft((d) => ({ ...d, reveal: { ...d.reveal, [r]: rule } }));
  const setExport = (r: StaffRole, on: boolean) => setDraft((d) => ({ ...d, export: { ...d.export, [r]: on } }));
  const save = createSave(() => {
    setSaved('');
    return savePersonalDataPolicy(props.office, draft());
  }, (changed) => setSaved(changed ? t('personal.saved') : t('personal.unchanged')));

  return (
    <main class="page personal-data-page">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <h1>{t('personal.title')}</h1>
      <p class="muted help" id="personal-help">{t('personal.help')}</p>
      <Show when={role() !== undefined && !canEdit()}>
        <p class="read-only-note" role="note">{t('personal.readOnly')}</p>
      </Show>
      <form onSubmit={(e) => void save.submit(e)} aria-labelledby="personal-table-title" aria-describedby="personal-help">
        <Problems problems={save.problems()} />
        <table class="staff-table personal-table" data-testid="personal-data">
          <caption id="personal-table-title" class="sr-only">{t('personal.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('personal.role')}</th>
              <th scope="col">{t('personal.revealLabel')}</th>
              <th scope="col">{t('personal.exportLabel')}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-role="manager">
              <th scope="row">{t('role.manager')}</th>
              <td colSpan={2} class="muted">{t('personal.managerFixed')}</td>
            </tr>
            <For each={SETTABLE}>
              {(r) => (
                <tr data-role={r}>
                  <th scope="row">{t(`role.${r}`)}</th>
                  <td data-label={t('personal.revealLabel')}>
                    <select name={`reveal-${r}`} aria-label={`${t(`role.${r}`)} · ${t('personal.revealLabel')}`} disabled={!canEdit()}
                      value={draft().reveal[r]} onChange={(e) => setReveal(r, e.currentTarget.value as RevealRule)}>
                      <For each={REVEAL_RULES}>{(rule) => <option value={rule} selected={draft().reveal[r] === rule}>{t(`personal.rule.${rule}`)}</option>}</For>
                    </select>
                  </td>
                  <td data-label={t('personal.exportLabel')}>
                    <label class="inline">
                      <input type="checkbox" name={`export-${r}`} checked={draft().export[r]} disabled={!canEdit()}
                        aria-label={`${t(`role.${r}`)} · ${t('personal.exportLabel')}`} onChange={(e) => setExport(r, e.currentTarget.checked)} />
                      {t('personal.exportAllowed')}
                    </label>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={canEdit()}>
          <div class="actions start">
            <button type="submit" class="primary" disabled={save.busy()}>{save.busy() ? t('common.saving') : t('common.save')}</button>
          </div>
        </Show>
        <p role="status" class="saved">{saved()}</p>
      </form>
    </main>
  );
}
