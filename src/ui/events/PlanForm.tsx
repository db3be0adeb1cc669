import { createSignal, For, Show } from 'solid-js';
import { dateField } from '../../i18n/date-field';
import { showDateTime } from '../../domain/date-text';
import { createStore } from 'solid-js/store';
import { CUSTOMER_KINDS } from '../../domain/customers/types';
import type { CommunityEvent, EventKind, EventPlanInput } from '../../domain/events/types';
import type { Problem, Result } from '../../domain/result';
import { createSave, FormShell } from '../common/FormShell';
import { t, tCode } from '../../i18n';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { Problems, problemFor } from '../common/Problems';
import { allStaff } from '../../store/queries/staff';
import { LIMITS } from '../../domain/limits';

const split = (s: string) => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);

function initial(e?: CommunityEvent): EventPlanInput & { buildingsText: string; tagsText: string } {
  return {
    title: e?.title ?? '', purpose: e?.purpose ?? '', scope: e?.scope ?? 'comprehensive', topic: e?.topic ?? '', startsAt: e?.startsAt ?? '', place: e?.place ?? '',
    form: e?.form ?? '', groups: e?.groups ?? { buildings: [], kinds: [], tags: [] }, budget: e?.budget ?? '', hostId: e?.hostId ?? '', recorderId: e?.recorderId ?? '',
    buildingsText: (e?.groups.buildings ?? []).join('、'), tagsText: (e?.groups.tags ?? []).join('、'),
  };
}

/** The plan (计划) of a seminar, the club's founding or an activity: one store for the whole form. */
export function PlanForm(props: { office: Office; kind: EventKind; event?: CommunityEvent; onSave: (input: EventPlanInput) => Promise<Result<unknown>>; onCancel?: () => void }) {
  const [form, setForm] = createStore(initial(props.event));
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const problems = (): Problem[] => save.problems();
  const invalid = (field: string) => (problemFor(problems(), field) ? 'true' : undefined);
  const fieldError = (field: string) => {
    const p = problemFor(problems(), field);
    return p ? <small class="field-error">{tCode(p.code, p.params)}</small> : null;
  };
  const save = createSave(() => {
    const { buildingsText, tagsText, ...rest } = form;
    return props.onSave({ ...rest, groups: { buildings: split(buildingsText), kinds: [...form.groups.kinds], tags: split(tagsText) } });
  });
  const toggleKind = (k: string, on: boolean) => setForm('groups', 'kinds', (ks) => (on ? [...ks, k] : ks.filter((x) => x !== k)));
  return (
    <FormShell save={save} class="form card plan-form" aria-label={t('events.plan')} onCancel={props.onCancel} problemsAt="none">
      <Problems problems={problems().filter((p) => !p.field)} />
      <label>
        {t('events.titleField')}
        <input name="title" value={form.title} maxLength={LIMITS.shortText} aria-invalid={invalid('title')} onInput={(e) => setForm('title', e.currentTarget.value)} />
        {fieldError('title')}
      </label>
      <label>
        {t('events.purpose')}
        <textarea name="purpose" rows={2} value={form.purpose} onInput={(e) => setForm('purpose', e.currentTarget.value)} />
      </label>
      <Show when={props.kind === 'seminar'}>
        <div class="grid-2">
          <label>
            {t('events.scope')}
            <select name="scope" value={form.scope} onChange={(e) => setForm('scope', e.currentTarget.value as 'comprehensive' | 'topic')}>
              <option value="comprehensive">{t('evscope.comprehensive')}</option>
              <option value="topic">{t('evscope.topic')}</option>
            </select>
          </label>
          <label>
            {t('events.topic')}
            <input name="topic" value={form.topic} disabled={form.scope !== 'topic'} aria-invalid={invalid('topic')} onInput={(e) => setForm('topic', e.currentTarget.value)} />
            {fieldError('topic')}
          </label>
        </div>
      </Show>
      <div class="grid-2">
        <label>
          {t('events.startsAt')}
          <input {...dateField('datetime')} name="startsAt" value={showDateTime(form.startsAt)} aria-invalid={invalid('startsAt')} onInput={(e) => setForm('startsAt', e.currentTarget.value.trim().replace(/\s+/, 'T'))} />
          {fieldError('startsAt')}
        </label>
        <label>
          {t('events.place')}
          <input name="place" value={form.place} aria-invalid={invalid('place')} onInput={(e) => setForm('place', e.currentTarget.value)} />
          {fieldError('place')}
        </label>
        <label>
          {t('events.form')}
          <input name="form" value={form.form} placeholder={t('events.formHint')} onInput={(e) => setForm('form', e.currentTarget.value)} />
        </label>
        <label>
          {t('events.budget')}
          <input name="budget" value={form.budget} onInput={(e) => setForm('budget', e.currentTarget.value)} />
        </label>
        <label>
          {t('events.host')}
          <select name="hostId" value={form.hostId} onChange={(e) => setForm('hostId', e.currentTarget.value)}>
            <option value="">—</option>
            <For each={staff()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </label>
        <label>
          {t('events.recorder')}
          <select name="recorderId" value={form.recorderId} onChange={(e) => setForm('recorderId', e.currentTarget.value)}>
            <option value="">—</option>
            <For each={staff()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </label>
      </div>
      <fieldset class="groups">
        <legend>{t('events.groups')}</legend>
        <div class="grid-2">
          <label>
            {t('events.buildings')}
            <input name="buildings" value={form.buildingsText} placeholder={t('events.buildingsHint')} onInput={(e) => setForm('buildingsText', e.currentTarget.value)} />
          </label>
          <label>
            {t('events.tags')}
            <input name="tags" value={form.tagsText} placeholder={t('events.tagsHint')} onInput={(e) => setForm('tagsText', e.currentTarget.value)} />
          </label>
        </div>
        <div class="kinds" role="group" aria-label={t('customers.kind')}>
          <For each={CUSTOMER_KINDS}>
            {(k) => (
              <label class="inline">
                <input type="checkbox" checked={form.groups.kinds.includes(k)} onChange={(e) => toggleKind(k, e.currentTarget.checked)} />
                {t(`kind.${k}`)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
    </FormShell>
  );
}
