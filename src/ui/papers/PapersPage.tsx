import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { boxes, notBack, notBackCounts } from '../../store/queries/papers';
import { paperHref } from '../../domain/papers/paper';
import { ArchiveSearch } from './ArchiveSearch';
import { createLive } from '../../shared/bindings/live';
import { EventsNav } from '../events/EventsNav';
import '../events/events.css';

/** The paper lists: printed and not back yet, per form type; and each box's printable 归档目录. */
export function PapersPage(props: { office: Office }) {
  const [form, setForm] = createSignal('');
  const counts = createLive(() => props.office, (o) => notBackCounts(o.db), new Map<string, number>());
  const rows = createLive(form, (f) => notBack(props.office.db, f || undefined), []);
  const boxList = createLive(() => props.office, (o) => boxes(o.db), [] as string[]);
  const total = () => [...counts().values()].reduce((a, b) => a + b, 0);
  return (
    <main class="page wide">
      <div class="page-head"><h1>{t('papers.title')}</h1></div>
      <EventsNav />
      <section class="card" aria-labelledby="notback-title">
        <h2 id="notback-title">{t('papers.notBack')}</h2>
        <div class="tabs" role="group" aria-label={t('papers.formFilter')}>
          <button type="button" class={form() === '' ? 'active' : undefined} aria-pressed={form() === ''} onClick={() => setForm('')}>
            {t('papers.allForms', { n: total() })}
          </button>
          <For each={[...counts().entries()]}>
            {([f, n]) => (
              <button type="button" class={form() === f ? 'active' : undefined} aria-pressed={form() === f} data-testid={`notback-${f}`} data-count={n} onClick={() => setForm(f)}>
                {t('papers.formCount', { form: t(`paperform.${f}` as 'paperform.sign-in'), n })}
              </button>
            )}
          </For>
        </div>
        <Show when={rows().length} fallback={<p class="empty">{t('papers.allBack')}</p>}>
          <ul class="rows" data-testid="notback-list">
            <For each={rows()}>
              {(p) => (
                <li>
                  <A class="row" href={paperHref(p)}>
                    <strong>{p.title}</strong>
                    <span class="chip">{t(`paperform.${p.form}` as 'paperform.sign-in')}</span>
                    <span class="muted">{t('papers.printedOn', { when: formatDateTime(p.printedAt) })}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <ArchiveSearch office={props.office} />
      <section class="card" aria-labelledby="boxes-title">
        <h2 id="boxes-title">{t('papers.archiveIndex')}</h2>
        <Show when={boxList().length} fallback={<p class="muted">{t('papers.noBoxes')}</p>}>
          <ul class="plain box-links">
            <For each={boxList()}>{(b) => <li><A class="button" href={`/print/archive-index?box=${encodeURIComponent(b)}`}>{t('papers.printIndex', { box: b })}</A></li>}</For>
          </ul>
        </Show>
      </section>
    </main>
  );
}
