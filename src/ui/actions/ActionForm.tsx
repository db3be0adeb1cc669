import { createStore } from 'solid-js/store';
import { createEffect, For, untrack } from 'solid-js';
import type { ActionKind, ActionSource } from '../../domain/actions/action';
import { addDays } from '../../domain/days';
import { LIMITS } from '../../domain/limits';
import { dateField } from '../../i18n/date-field';
import { t } from '../../i18n';
import { raiseAction } from '../../store/actions';
import type { Office } from '../../store/office-api';
import { serviceSettings } from '../../store/queries/settings';
import { allStaff } from '../../store/queries/staff';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';

/**
 * 新增纠正/预防措施: from a complaint (its cause filled in from the investigation) or from a
 * case review. The department is one of the office's teams; the person is optional.
 */
export function ActionForm(props: { office: Office; source: ActionSource; cause?: string; today: string; label: string; onDone?: () => void }) {
  const settings = createLive(() => props.office, (o) => serviceSettings(o.db), null);
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const blank = () => ({ kind: 'corrective' as ActionKind, cause: props.cause ?? '', action: '', teamId: '', ownerId: '', due: addDays(props.today, 14) });
  const [form, setForm] = createStore(blank());
  // The complaint's cause arrives with its investigation (possibly after the form was drawn): offer it while the field is empty.
  createEffect(() => {
    const cause = props.cause ?? '';
    if (cause && !untrack(() => form.cause)) setForm('cause', cause);
  });
  const save = createSave(() => {
    const team = settings()?.teams.find((tm) => tm.id === form.teamId);
    const owner = staff().find((s) => s.id === form.ownerId);
    return raiseAction(props.office, {
      kind: form.kind, source: props.source, cause: form.cause, action: form.action,
      teamId: form.teamId, teamName: team?.name ?? '', ownerId: form.ownerId, ownerName: owner?.name ?? '', due: form.due,
    });
  }, () => {
    setForm(blank());
    props.onDone?.();
  });
  return (
    <FormShell save={save} submit={t('actions.add')} class="action-form" aria-label={props.label} data-testid="action-form">
      <div class="grid-2">
        <label>
          {t('actions.kind')}
          <select name="kind" value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as ActionKind)}>
            <option value="corrective">{t('actions.kind.corrective')}</option>
            <option value="preventive">{t('actions.kind.preventive')}</option>
          </select>
        </label>
        <label>
          {t('actions.due')}
          <input {...dateField('date')} name="due" value={form.due} onInput={(e) => setForm('due', e.currentTarget.value)} />
        </label>
        <label>
          {t('actions.team')}
          <select name="team" value={form.teamId} onChange={(e) => setForm('teamId', e.currentTarget.value)}>
            <option value="">—</option>
            <For each={settings()?.teams ?? []}>{(tm) => <option value={tm.id}>{tm.name}</option>}</For>
          </select>
        </label>
        <label>
          {t('actions.owner')}
          <select name="owner" value={form.ownerId} onChange={(e) => setForm('ownerId', e.currentTarget.value)}>
            <option value="">{t('actions.noOwner')}</option>
            <For each={staff()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </label>
      </div>
      <label>
        {t('actions.cause')}
        <input name="cause" maxLength={LIMITS.longText} value={form.cause} onInput={(e) => setForm('cause', e.currentTarget.value)} />
      </label>
      <label>
        {t('actions.action')}
        <textarea name="action" rows={2} maxLength={LIMITS.longText} value={form.action} onInput={(e) => setForm('action', e.currentTarget.value)} />
      </label>
    </FormShell>
  );
}
