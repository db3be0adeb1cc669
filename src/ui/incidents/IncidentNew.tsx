import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { showDateTime } from '../../domain/date-text';
import { INCIDENT_KINDS, type IncidentKind } from '../../domain/incidents/incident';
import { LIMITS } from '../../domain/limits';
import { EMPTY_FILTER } from '../../domain/residents/filter';
import { dateField } from '../../i18n/date-field';
import { t, tCode } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import { openIncident } from '../../store/incidents';
import type { Office } from '../../store/office-api';
import { residentsView } from '../../store/queries/residents';
import { AnswerSearch } from '../answers/AnswerSearch';
import { createSave, FormShell } from '../common/FormShell';
import { problemFor } from '../common/Problems';
import { BoardNav } from '../notices/BoardNav';
import { boardLinks } from '../notices/links';
import '../residents/residents.css';

const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** 登记突发事件: what, which buildings, when, and the words the desk reads out (from a standard answer, then edited). */
export function IncidentNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [form, setForm] = createStore({ kind: 'water' as IncidentKind, title: '', buildings: [] as string[], startsAt: localNow(), endsAt: '', script: '', answerId: '', answerVersion: 0, answerTitle: '' });
  const estate = createLive(() => props.office, (o) => residentsView(o.db, EMPTY_FILTER, new Date().getFullYear()), null);
  const save = createSave(
    () => openIncident(props.office, { kind: form.kind, title: form.title, buildings: [...form.buildings], startsAt: form.startsAt, endsAt: form.endsAt, script: form.script, answerId: form.answerId, answerVersion: form.answerVersion }),
    (id) => navigate(boardLinks.incident(id)),
  );
  const err = (field: string) => {
    const p = problemFor(save.problems(), field);
    return p ? <small class="field-error">{tCode(p.code, p.params)}</small> : null;
  };
  return (
    <main class="page">
      <A href={boardLinks.incidents()} class="back">← {t('incident.title')}</A>
      <h1>{t('incident.new')}</h1>
      <BoardNav />
      <FormShell save={save} class="form card" aria-label={t('incident.new')} submit={t('incident.open')} onCancel={() => navigate(boardLinks.incidents())}>
        <div class="grid-2">
          <label>
            {t('incident.kind')}
            <select name="kind" value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as IncidentKind)}>
              <For each={INCIDENT_KINDS}>{(k) => <option value={k}>{t(`incidentKind.${k}` as never)}</option>}</For>
            </select>
          </label>
          <label>
            {t('incident.titleField')}
            <input name="title" value={form.title} maxLength={LIMITS.shortText} onInput={(e) => setForm('title', e.currentTarget.value)} />
            {err('title')}
          </label>
        </div>
        <fieldset class="filter-group">
          <legend>{t('incident.buildings')}</legend>
          <div class="checks">
            <For each={estate()?.buildings ?? []}>
              {(b) => (
                <label class="check">
                  <input type="checkbox" checked={form.buildings.includes(b)} onChange={(e) => setForm('buildings', (bs) => (e.currentTarget.checked ? [...bs, b] : bs.filter((x) => x !== b)))} />
                  {t('units.building', { building: b })}
                </label>
              )}
            </For>
          </div>
          {err('buildings')}
        </fieldset>
        <div class="grid-2">
          <label>{t('incident.startsAt')}<input {...dateField('datetime')} name="startsAt" value={showDateTime(form.startsAt)} onInput={(e) => setForm('startsAt', e.currentTarget.value.trim().replace(/\s+/, 'T'))} />{err('startsAt')}</label>
          <label>{t('incident.endsAt')}<input {...dateField('datetime')} name="endsAt" value={showDateTime(form.endsAt)} onInput={(e) => setForm('endsAt', e.currentTarget.value.trim().replace(/\s+/, 'T'))} />{err('endsAt')}</label>
        </div>
        <fieldset class="filter-group">
          <legend>{t('incident.fromAnswer')}</legend>
          <Show when={form.answerTitle}><p class="muted">{t('incident.answerUsed', { title: form.answerTitle })}</p></Show>
          <AnswerSearch office={props.office} pickLabel={t('incident.useAnswer')} onPick={(a) => setForm({ script: a.wording, answerId: a.id, answerVersion: a.version, answerTitle: a.title })} />
        </fieldset>
        <label>
          {t('incident.script')}
          <textarea name="script" rows={5} value={form.script} maxLength={LIMITS.note} onInput={(e) => setForm('script', e.currentTarget.value)} />
          {err('script')}
        </label>
      </FormShell>
    </main>
  );
}
