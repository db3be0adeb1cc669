import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { localDay } from '../../domain/days';
import { LIMITS } from '../../domain/limits';
import { AUDIENCE_SCOPES, NOTICE_KINDS, type AudienceScope, type NoticeKind } from '../../domain/notices/types';
import { noticeStarter } from '../../domain/notices/starters';
import { SPECIAL_NEEDS, type SpecialNeed } from '../../domain/residents/needs';
import { UNIT_USES, type UnitUse } from '../../domain/units/types';
import { dateField } from '../../i18n/date-field';
import { locale, t, tCode } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import { createNotice } from '../../store/notices';
import type { Office } from '../../store/office-api';
import { residentLists, residentsView } from '../../store/queries/residents';
import { listTemplates } from '../../store/queries/templates';
import { EMPTY_FILTER } from '../../domain/residents/filter';
import { createSave, FormShell } from '../common/FormShell';
import { problemFor } from '../common/Problems';
import { BoardNav } from './BoardNav';
import { boardLinks } from './links';
import '../residents/residents.css';

/** 新建通知: a kind fills its starter wording (or one of the office's 通知 templates), then who it is for and when. */
export function NoticeNew(props: { office: Office }) {
  const navigate = useNavigate();
  const script = () => (locale() === 'zh-TW' ? 'hant' : 'hans');
  const start = noticeStarter('water', script());
  const today = localDay();
  const [form, setForm] = createStore({
    kind: 'water' as NoticeKind, title: start.title, body: start.body, scope: 'buildings' as AudienceScope,
    buildings: [] as string[], uses: [] as UnitUse[], listId: '', callNeeds: ['elderlyAlone'] as SpecialNeed[], from: today, to: today,
  });
  const estate = createLive(() => props.office, (o) => residentsView(o.db, EMPTY_FILTER, new Date().getFullYear()), null);
  const lists = createLive(() => props.office, (o) => residentLists(o.db), []);
  const templates = createLive(() => props.office, async (o) => (await listTemplates(o.db)).filter((x) => x.kind === 'notice'), []);
  const pickKind = (kind: NoticeKind) => {
    const s = noticeStarter(kind, script());
    setForm({ kind, title: s.title || form.title, body: s.body || form.body });
  };
  const pickTemplate = (id: string) => {
    const tpl = templates().find((x) => x.id === id);
    if (tpl) setForm({ title: tpl.name, body: tpl.body });
  };
  const toggle = <K extends 'buildings' | 'uses' | 'callNeeds'>(field: K, value: string, on: boolean) =>
    setForm(field, (vs: string[]) => (on ? [...vs, value] : vs.filter((v) => v !== value)) as never);
  const save = createSave(
    () => createNotice(props.office, {
      kind: form.kind, title: form.title, body: form.body, callNeeds: [...form.callNeeds], from: form.from, to: form.to,
      audience: { scope: form.scope, buildings: [...form.buildings], uses: [...form.uses], listId: form.listId, listName: '' },
    }),
    (id) => navigate(boardLinks.notice(id)),
  );
  const err = (field: string) => {
    const p = problemFor(save.problems(), field);
    return p ? <small class="field-error">{tCode(p.code, p.params)}</small> : null;
  };
  return (
    <main class="page">
      <A href={boardLinks.notices()} class="back">← {t('notice.title')}</A>
      <h1>{t('notice.new')}</h1>
      <BoardNav />
      <FormShell save={save} class="form card" aria-label={t('notice.new')} submit={t('notice.publish')} onCancel={() => navigate(boardLinks.notices())}>
        <div class="grid-2">
          <label>
            {t('notice.kind')}
            <select name="kind" value={form.kind} onChange={(e) => pickKind(e.currentTarget.value as NoticeKind)}>
              <For each={NOTICE_KINDS}>{(k) => <option value={k}>{t(`noticeKind.${k}` as never)}</option>}</For>
            </select>
          </label>
          <label>
            {t('notice.template')}
            <select name="template" value="" onChange={(e) => pickTemplate(e.currentTarget.value)}>
              <option value="">{t('notice.starterTemplate')}</option>
              <For each={templates()}>{(x) => <option value={x.id}>{x.name}</option>}</For>
            </select>
          </label>
        </div>
        <label>
          {t('notice.titleField')}
          <input name="title" value={form.title} maxLength={LIMITS.shortText} aria-invalid={problemFor(save.problems(), 'title') ? 'true' : undefined} onInput={(e) => setForm('title', e.currentTarget.value)} />
          {err('title')}
        </label>
        <label>
          {t('notice.body')}
          <textarea name="body" rows={8} value={form.body} maxLength={LIMITS.note} onInput={(e) => setForm('body', e.currentTarget.value)} />
          {err('body')}
        </label>
        <div class="grid-2">
          <label>{t('notice.from')}<input {...dateField('date')} name="from" value={form.from} onInput={(e) => setForm('from', e.currentTarget.value.trim())} />{err('from')}</label>
          <label>{t('notice.to')}<input {...dateField('date')} name="to" value={form.to} onInput={(e) => setForm('to', e.currentTarget.value.trim())} />{err('to')}</label>
        </div>
        <fieldset class="filter-group">
          <legend>{t('notice.audience')}</legend>
          <div class="checks">
            <For each={AUDIENCE_SCOPES}>
              {(s) => (
                <label class="check">
                  <input type="radio" name="scope" value={s} checked={form.scope === s} onChange={() => setForm('scope', s)} />
                  {t(`audience.${s}` as never)}
                </label>
              )}
            </For>
          </div>
          <Show when={form.scope === 'buildings'}>
            <div class="checks" role="group" aria-label={t('residents.building')}>
              <For each={estate()?.buildings ?? []}>
                {(b) => (
                  <label class="check">
                    <input type="checkbox" checked={form.buildings.includes(b)} onChange={(e) => toggle('buildings', b, e.currentTarget.checked)} />
                    {t('units.building', { building: b })}
                  </label>
                )}
              </For>
            </div>
            {err('buildings')}
          </Show>
          <Show when={form.scope === 'uses'}>
            <div class="checks" role="group" aria-label={t('notice.uses')}>
              <For each={UNIT_USES}>
                {(u) => (
                  <label class="check">
                    <input type="checkbox" checked={form.uses.includes(u)} onChange={(e) => toggle('uses', u, e.currentTarget.checked)} />
                    {t(`use.${u}` as never)}
                  </label>
                )}
              </For>
            </div>
            {err('uses')}
          </Show>
          <Show when={form.scope === 'list'}>
            <label>
              {t('residents.savedLists')}
              <select name="listId" value={form.listId} onChange={(e) => setForm('listId', e.currentTarget.value)}>
                <option value="">{t('residents.pickList')}</option>
                <For each={lists()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
              </select>
            </label>
            {err('listId')}
          </Show>
        </fieldset>
        <fieldset class="filter-group">
          <legend>{t('notice.callNeeds')}</legend>
          <div class="checks">
            <For each={SPECIAL_NEEDS}>
              {(n) => (
                <label class="check">
                  <input type="checkbox" checked={form.callNeeds.includes(n)} onChange={(e) => toggle('callNeeds', n, e.currentTarget.checked)} />
                  {t(`need.${n}` as never)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </FormShell>
    </main>
  );
}
