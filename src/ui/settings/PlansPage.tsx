import { A } from '@solidjs/router';
import { dateField } from '../../i18n/date-field';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CUSTOMER_KINDS, GRADES, type CustomerKind, type Grade } from '../../domain/customers/types';
import { localDay } from '../../domain/days';
import { RECURRENCE_KINDS, type PlanRow, type Recurrence } from '../../domain/plans/plan';
import { FESTIVALS, type Festival } from '../../domain/plans/festivals';
import { serviceSettingsFrom } from '../../domain/requests/settings';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { savePlan } from '../../store/plans';
import { listPlans } from '../../store/queries/plans';
import { listTemplates } from '../../store/queries/templates';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';
import './settings.css';
import { allStaff } from '../../store/queries/staff';
import { teams as officeTeams } from '../../store/queries/settings';
import { LIMITS } from '../../domain/limits';
import { residentLists } from '../../store/queries/residents';
import { problemFor } from '../common/Problems';
import { SelectField } from '../common/SelectField';

type Every = Recurrence['every'];
const words = (s: string) => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);
const blank = () => ({
  id: '', name: '', listId: '', tags: '', buildings: '', kinds: [] as CustomerKind[], grades: [] as Grade[], complaintSince: '',
  every: 'month' as Every, weekday: 1, day: 1, month: 1, days: 30, festival: 'midAutumn' as Festival, start: localDay(), ownerId: '', teamId: '', templateId: '', active: true,
});

function recurrenceOf(f: ReturnType<typeof blank>): Recurrence {
  switch (f.every) {
    case 'week': return { every: 'week', weekday: f.weekday };
    case 'month': return { every: 'month', day: f.day };
    case 'quarter': return { every: 'quarter', day: f.day };
    case 'year': return { every: 'year', month: f.month, day: f.day };
    case 'afterContact': return { every: 'afterContact', days: f.days };
    case 'festival': return { every: 'festival', festival: f.festival };
  }
}

/** 设置 → 沟通计划: who to contact (a customer group), how often, by whom, with which template. */
export function PlansPage(props: { office: Office }) {
  const plans = createLive(() => props.office, (o) => listPlans(o.db), [] as PlanRow[]);
  const templates = createLive(() => props.office, (o) => listTemplates(o.db), []);
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const teams = createLive(() => props.office, (o) => officeTeams(o.db), []);
  // Saved lists (issue 20): a plan may be for a list's members instead of the conditions.
  const lists = createLive(() => props.office, (o) => residentLists(o.db), []);
  const listName = (p: PlanRow) => lists().find((l) => l.id === p.group.listId)?.name ?? p.group.listName ?? '';
  const [form, setForm] = createStore(blank());
  const edit = (p: PlanRow | null) => {
    save.reset();
    if (!p) return setForm(blank());
    const r = p.recurrence as Recurrence & Partial<{ weekday: number; day: number; month: number; days: number; festival: Festival }>;
    setForm({
      ...blank(), id: p.id, name: p.name, listId: p.group.listId ?? '', tags: p.group.tags.join('，'), buildings: p.group.buildings.join('，'), kinds: p.group.kinds, grades: p.group.grades,
      complaintSince: p.group.complaintSince, every: r.every, weekday: r.weekday ?? 1, day: r.day ?? 1, month: r.month ?? 1, days: r.days ?? 30, festival: r.festival ?? 'midAutumn',
      start: p.start, ownerId: p.ownerId, teamId: p.teamId, templateId: p.templateId, active: p.active,
    });
  };
  const save = createSave(() => savePlan(props.office, form.id || null, {
    name: form.name, group: { kinds: form.kinds, buildings: words(form.buildings), tags: words(form.tags), grades: form.grades, complaintSince: form.complaintSince, listId: form.listId },
    recurrence: recurrenceOf(form), start: form.start, ownerId: form.ownerId, teamId: form.teamId, templateId: form.templateId, active: form.active,
  }), (id) => setForm('id', id));
  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const num = (v: string) => Number(v);
  return (
    <main class="page wide plans-page">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <div class="page-head">
        <h1>{t('plans.title')}</h1>
        <button type="button" onClick={() => edit(null)}>{t('plans.new')}</button>
      </div>
      <div class="grid-2 settings-split">
        <section class="card" aria-labelledby="plan-list">
          <h2 id="plan-list">{t('plans.list')}</h2>
          <Show when={plans().length} fallback={<p class="muted">{t('plans.none')}</p>}>
            <ul class="plain" data-testid="plan-list">
              <For each={plans()}>{(p) => <li><button type="button" class="link" onClick={() => edit(p)}>{p.name}</button><span class="muted"> · {t(`plan.every.${p.recurrence.every}`)}{p.group.listId ? ` · ${t('plans.listNamed', { name: listName(p) })}` : ''}{p.active ? '' : ` · ${t('plans.paused')}`}</span></li>}</For>
            </ul>
          </Show>
        </section>
        <FormShell save={save} class="card" aria-label={t('plans.form')} head={<h2>{form.id ? t('plans.edit') : t('plans.new')}</h2>} showSaved>
          <label>
            {t('plans.name')}
            <input value={form.name} maxLength={LIMITS.name} onInput={(e) => setForm('name', e.currentTarget.value)} />
          </label>
          <fieldset>
            <legend>{t('plans.group')}</legend>
            <label>
              {t('plans.savedList')}
              <select name="listId" value={form.listId} aria-invalid={problemFor(save.problems(), 'listId') ? 'true' : undefined} onChange={(e) => setForm('listId', e.currentTarget.value)}>
                <option value="">{t('plans.noList')}</option>
                <For each={lists()}>{(l) => <option value={l.id} selected={l.id === form.listId}>{l.name}</option>}</For>
              </select>
            </label>
            <Show when={!form.listId}>
            <div class="grid-2">
              <label>
                {t('plans.tags')}
                <input value={form.tags} placeholder={t('plans.tagsPlaceholder')} onInput={(e) => setForm('tags', e.currentTarget.value)} />
              </label>
              <label>
                {t('plans.buildings')}
                <input value={form.buildings} placeholder={t('plans.buildingsPlaceholder')} onInput={(e) => setForm('buildings', e.currentTarget.value)} />
              </label>
            </div>
            <div class="checks" role="group" aria-label={t('plans.kinds')}>
              <span>{t('plans.kinds')}</span>
              <For each={CUSTOMER_KINDS}>{(k) => <label class="inline"><input type="checkbox" checked={form.kinds.includes(k)} onChange={(e) => setForm('kinds', toggle(form.kinds, k, e.currentTarget.checked))} />{t(`kind.${k}`)}</label>}</For>
            </div>
            <div class="checks" role="group" aria-label={t('plans.grades')}>
              <span>{t('plans.grades')}</span>
              <For each={GRADES}>{(g) => <label class="inline"><input type="checkbox" checked={form.grades.includes(g)} onChange={(e) => setForm('grades', toggle(form.grades, g, e.currentTarget.checked))} />{t(`grade.${g}`)}</label>}</For>
            </div>
            <label>
              {t('plans.complaintSince')}
              <input {...dateField('date')} value={form.complaintSince} onInput={(e) => setForm('complaintSince', e.currentTarget.value)} />
            </label>
            </Show>
          </fieldset>
          <fieldset>
            <legend>{t('plans.recurrence')}</legend>
            <div class="grid-2">
              <label>
                {t('plans.every')}
                <select value={form.every} onChange={(e) => setForm('every', e.currentTarget.value as Every)}>
                  <For each={RECURRENCE_KINDS}>{(k) => <option value={k}>{t(`plan.every.${k}`)}</option>}</For>
                </select>
              </label>
              <Show when={form.every === 'week'}>
                <label>
                  {t('plans.weekday')}
                  <select value={form.weekday} onChange={(e) => setForm('weekday', num(e.currentTarget.value))}>
                    <For each={[1, 2, 3, 4, 5, 6, 7]}>{(d) => <option value={d}>{t(`service.day.${d % 7}` as 'service.day.1')}</option>}</For>
                  </select>
                </label>
              </Show>
              <Show when={form.every === 'year'}>
                <label>
                  {t('plans.month')}
                  <input type="number" min={1} max={12} value={form.month} onInput={(e) => setForm('month', num(e.currentTarget.value))} />
                </label>
              </Show>
              <Show when={form.every === 'month' || form.every === 'quarter' || form.every === 'year'}>
                <label>
                  {t('plans.day')}
                  <input type="number" min={1} max={31} value={form.day} onInput={(e) => setForm('day', num(e.currentTarget.value))} />
                </label>
              </Show>
              {/* Lunar festivals (issue 21) */}
              <Show when={form.every === 'festival'}>
                <SelectField label={t('plans.festival')} name="festival" value={form.festival} options={FESTIVALS} text={(f) => t(`festival.${f}`)} onChange={(f) => setForm('festival', f)} />
              </Show>
              <Show when={form.every === 'afterContact'}>
                <label>
                  {t('plans.days')}
                  <input type="number" min={1} max={3660} value={form.days} onInput={(e) => setForm('days', num(e.currentTarget.value))} />
                </label>
              </Show>
              <label>
                {t('plans.start')}
                <input {...dateField('date')} value={form.start} onInput={(e) => setForm('start', e.currentTarget.value)} />
              </label>
            </div>
          </fieldset>
          <div class="grid-2">
            <label>
              {t('plans.owner')}
              <select value={form.ownerId} onChange={(e) => setForm('ownerId', e.currentTarget.value)}>
                <option value="">{t('plans.anyone')}</option>
                <For each={staff()}>{(s) => <option value={s.id} selected={s.id === form.ownerId}>{s.name}</option>}</For>
              </select>
            </label>
            <label>
              {t('plans.team')}
              <select value={form.teamId} onChange={(e) => setForm('teamId', e.currentTarget.value)}>
                <option value="">{t('plans.anyTeam')}</option>
                <For each={teams()}>{(tm) => <option value={tm.id} selected={tm.id === form.teamId}>{tm.name}</option>}</For>
              </select>
            </label>
            <label>
              {t('plans.template')}
              <select value={form.templateId} onChange={(e) => setForm('templateId', e.currentTarget.value)}>
                <option value="">{t('common.none')}</option>
                <For each={templates()}>{(x) => <option value={x.id} selected={x.id === form.templateId}>{x.name}</option>}</For>
              </select>
            </label>
            <label class="inline">
              <input type="checkbox" checked={form.active} onChange={(e) => setForm('active', e.currentTarget.checked)} />
              {t('plans.active')}
            </label>
          </div>
        </FormShell>
      </div>
    </main>
  );
}
