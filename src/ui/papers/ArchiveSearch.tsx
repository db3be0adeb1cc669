import { A } from '@solidjs/router';
import { createStore } from 'solid-js/store';
import { For, Show } from 'solid-js';
import { paperHref, periodOf, type PaperRow } from '../../domain/papers/paper';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { boxes, findPapers, paperForms } from '../../store/queries/papers';
import { createLive } from '../../shared/bindings/live';
import './papers.css';

/**
 * Every paper filed (issue 21): the archive searched by box, period (a month or a year) and kind
 * of form; each hit opens its paper, and the same search prints as the archive index (归档目录).
 */
export function ArchiveSearch(props: { office: Office }) {
  const [q, setQ] = createStore({ box: '', period: '', form: '' });
  const boxList = createLive(() => props.office, (o) => boxes(o.db), [] as string[]);
  const forms = createLive(() => props.office, (o) => paperForms(o.db), [] as string[]);
  const searching = () => !!(q.box || q.period || q.form);
  const rows = createLive(() => ({ ...q }), (s) => (s.box || s.period || s.form ? findPapers(props.office.db, { box: s.box || undefined, period: periodOf(s.period) || undefined, form: s.form || undefined }) : Promise.resolve([])), [] as PaperRow[]);
  const indexHref = () => `/print/archive-index?${new URLSearchParams(Object.entries({ box: q.box, period: periodOf(q.period), form: q.form }).filter(([, v]) => v))}`;
  const formName = (f: string) => t(`paperform.${f}` as 'paperform.sign-in');
  return (
    <section class="card archive-search" aria-labelledby="archive-search-title" data-testid="archive-search">
      <h2 id="archive-search-title">{t('papers.search')}</h2>
      <div class="archive-filters">
        <label>
          {t('papers.box')}
          <select name="box" value={q.box} onChange={(e) => setQ('box', e.currentTarget.value)}>
            <option value="">{t('papers.anyBox')}</option>
            <For each={boxList()}>{(b) => <option value={b}>{b}</option>}</For>
          </select>
        </label>
        <label>
          {t('papers.period')}
          <input type="text" inputmode="numeric" autocomplete="off" name="period" value={q.period} placeholder={t('papers.periodHint')} onInput={(e) => setQ('period', e.currentTarget.value)} />
        </label>
        <label>
          {t('papers.formType')}
          <select name="form" value={q.form} onChange={(e) => setQ('form', e.currentTarget.value)}>
            <option value="">{t('papers.anyForm')}</option>
            <For each={forms()}>{(f) => <option value={f}>{formName(f)}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={searching()} fallback={<p class="muted">{t('papers.searchHint')}</p>}>
        <Show when={rows().length} fallback={<p class="empty" role="status">{t('papers.noneFound')}</p>}>
          <p role="status" class="muted">{t('papers.found', { n: rows().length })}</p>
          <ul class="rows" data-testid="archive-results">
            <For each={rows()}>
              {(p) => (
                <li data-number={p.number}>
                  <A class="row" href={paperHref(p)}>
                    <strong>{p.title}</strong>
                    <span class="chip">{formName(p.form)}</span>
                    <span class="muted">{p.number}</span>
                    <span class="muted">{p.period}</span>
                    <span class={`chip paper-${p.state}`}>{p.box ? t('papers.inBox', { box: p.box }) : t(`paperstate.${p.state}`)}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
          <A class="button" href={indexHref()}>{t('papers.printFound')}</A>
        </Show>
      </Show>
    </section>
  );
}
