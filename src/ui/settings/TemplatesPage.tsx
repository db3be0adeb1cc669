import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { DATE_KINDS } from '../../domain/dates';
import { mergeTemplate, mergeValues } from '../../domain/templates/merge';
import { MERGE_FIELDS, TEMPLATE_KINDS, type TemplateKind, type TemplateRow } from '../../domain/templates/template';
import { localDay } from '../../domain/days';
import { t } from '../../i18n';
import { readCustomer } from '../../store/customers';
import { searchCustomers } from '../../store/queries/customers';
import type { Office } from '../../store/office-api';
import { saveCareSettings } from '../../store/tasks';
import { saveTemplate } from '../../store/templates';
import { careSettings } from '../../store/queries/tasks';
import { listTemplates } from '../../store/queries/templates';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';
import './settings.css';
import { LIMITS } from '../../domain/limits';

const today = () => localDay();

/** 设置 → 模板: letters, notices and messages with {{字段}}, a preview with a real customer, and care on important dates. */
export function TemplatesPage(props: { office: Office }) {
  const templates = createLive(() => props.office, (o) => listTemplates(o.db), [] as TemplateRow[]);
  const [form, setForm] = createStore({ id: '', kind: 'letter' as TemplateKind, name: '', body: '' });
  const edit = (row: TemplateRow | null) => {
    setForm(row ? { id: row.id, kind: row.kind, name: row.name, body: row.body } : { id: '', kind: 'letter', name: '', body: '' });
    save.reset();
  };
  let body!: HTMLTextAreaElement;
  const insertField = (field: string) => {
    const at = body.selectionStart ?? form.body.length;
    setForm('body', form.body.slice(0, at) + `{{${field}}}` + form.body.slice(body.selectionEnd ?? at));
    body.focus();
  };
  const save = createSave(() => saveTemplate(props.office, form.id || null, { kind: form.kind, name: form.name, body: form.body }), (id) => setForm('id', id));
  // Preview with a real customer, found with the customer search.
  const [who, setWho] = createSignal('');
  const previewCustomer = createLive(who, async (q) => {
    const [row] = q ? await searchCustomers(props.office.db, q) : [];
    return row ? readCustomer(props.office, row.id) : null;
  }, null);
  const preview = () => {
    const c = previewCustomer();
    if (!c) return '';
    return mergeTemplate(form.body, mergeValues({ customer: c, officeName: props.office.config.officeName, staffName: props.office.config.staffName ?? '', date: today() }));
  };

  return (
    <main class="page wide templates-page">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <div class="page-head">
        <h1>{t('templates.title')}</h1>
        <button type="button" onClick={() => edit(null)}>{t('templates.new')}</button>
      </div>
      <div class="grid-2 settings-split">
        <section class="card" aria-labelledby="tpl-list">
          <h2 id="tpl-list">{t('templates.list')}</h2>
          <Show when={templates().length} fallback={<p class="muted">{t('templates.none')}</p>}>
            <ul class="plain" data-testid="template-list">
              <For each={templates()}>
                {(row) => (
                  <li>
                    <button type="button" class="link" onClick={() => edit(row)}>{row.name}</button>
                    <span class="muted"> · {t(`template.kind.${row.kind}`)} · {t('templates.version', { n: row.version })}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <FormShell save={save} class="card" aria-label={t('templates.form')} head={<h2>{form.id ? t('templates.edit') : t('templates.new')}</h2>} showSaved after={<>
          <label>
            {t('templates.previewWith')}
            <input type="search" value={who()} placeholder={t('customers.searchPlaceholder')} onInput={(e) => setWho(e.currentTarget.value)} />
          </label>
          <Show when={preview()}>
            <div class="template-preview" data-testid="template-preview" aria-label={t('templates.preview')}>{preview()}</div>
          </Show>
        </>}>
          <div class="grid-2">
            <label>
              {t('templates.kind')}
              <select value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as TemplateKind)}>
                <For each={TEMPLATE_KINDS}>{(k) => <option value={k}>{t(`template.kind.${k}`)}</option>}</For>
              </select>
            </label>
            <label>
              {t('templates.name')}
              <input value={form.name} maxLength={LIMITS.name} onInput={(e) => setForm('name', e.currentTarget.value)} />
            </label>
          </div>
          <label>
            {t('templates.body')}
            <textarea ref={body} rows={8} value={form.body} maxLength={LIMITS.note} onInput={(e) => setForm('body', e.currentTarget.value)} />
          </label>
          <div class="field-buttons" role="group" aria-label={t('templates.fields')}>
            <For each={MERGE_FIELDS}>{(f) => <button type="button" class="chip-button" onClick={() => insertField(f)} aria-label={t('templates.insertField', { field: f })}>{`{{${f}}}`}</button>}</For>
          </div>
        </FormShell>
      </div>
      <CareSettingsForm office={props.office} templates={templates()} />
    </main>
  );
}

/** 生日与纪念日关怀: days before each kind of date, and the template to use. Managers change it. */
function CareSettingsForm(props: { office: Office; templates: TemplateRow[] }) {
  const current = createLive(() => props.office, (o) => careSettings(o.db), null);
  const save = createSave((form) => {
    const f = new FormData(form);
    return saveCareSettings(props.office, {
      daysBefore: Object.fromEntries(DATE_KINDS.map((k) => [k, Number(f.get(`days-${k}`))])) as Record<(typeof DATE_KINDS)[number], number>,
      templates: Object.fromEntries(DATE_KINDS.map((k) => [k, String(f.get(`tpl-${k}`) ?? '')])) as Record<(typeof DATE_KINDS)[number], string>,
    });
  });
  return (
    <Show when={current()}>
      {(care) => (
        <FormShell save={save} class="card" aria-label={t('care.title')} head={<><h2>{t('care.title')}</h2><p class="muted">{t('care.help')}</p></>} submit={t('care.save')} showSaved>
          <For each={DATE_KINDS}>
            {(k) => (
              <div class="grid-2">
                <label>
                  {t('care.daysBefore', { kind: t(`date.${k}`) })}
                  <input type="number" name={`days-${k}`} min={0} max={60} value={care().daysBefore[k]} />
                </label>
                <label>
                  {t('care.template', { kind: t(`date.${k}`) })}
                  <select name={`tpl-${k}`} value={care().templates[k]}>
                    <option value="">{t('common.none')}</option>
                    <For each={props.templates.filter((x) => x.kind !== 'notice')}>{(x) => <option value={x.id} selected={x.id === care().templates[k]}>{x.name}</option>}</For>
                  </select>
                </label>
              </div>
            )}
          </For>
        </FormShell>
      )}
    </Show>
  );
}
