import { useSearchParams } from '@solidjs/router';
import { For } from 'solid-js';
import { chineseDate } from '../../domain/templates/merge';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { finishTask } from '../../store/tasks';
import { logTemplateUse, mergeFor } from '../../store/templates';
import { createLive } from '../../shared/bindings/live';
import { PrintPage, usePrint } from '../PrintPage';
import { tasksByIds } from '../../store/queries/tasks';

const list = (s?: string) => (s ? s.split(',').filter(Boolean) : []);

/**
 * 信函: a template merged for one customer or a batch, each letter on its own A4 page — office
 * header, addressee (unit and name), date, the merged text (as text: markup stays inert), the
 * office's signature line. Pressing 打印 writes each letter into its customer's contact log
 * (once per preview) and marks the 今日 tasks it answers as done.
 */
export function Letters(props: { office: Office }) {
  const [params] = useSearchParams<{ template?: string; customer?: string; task?: string }>();
  const data = createLive(() => ({ template: params.template ?? '', customers: list(params.customer) }), (q) => mergeFor(props.office, q.template, q.customers), null);
  const merged = () => {
    const d = data();
    return d?.ok ? d.value : null;
  };
  let logged = false;
  const onPrint = async () => {
    const m = merged();
    if (!m || logged) return;
    logged = true;
    for (const letter of m.letters) await logTemplateUse(props.office, m.template, letter, t('letter.logged', { name: m.template.name, version: m.template.version }));
    const tasks = await tasksByIds(props.office.db, list(params.task));
    for (const task of tasks) await finishTask(props.office, task, 'done', '');
  };
  return (
    <PrintPage office={props.office} title={merged()?.template.name ?? t('letter.title')} ready={merged() !== null} backHref="/today" onPrint={onPrint}>
      <LetterPages letters={merged()?.letters ?? []} date={merged()?.date ?? ''} />
    </PrintPage>
  );
}

function LetterPages(props: { letters: { customerId: string; customerName: string; unitCode: string; text: string }[]; date: string }) {
  const print = usePrint();
  return (
    <For each={props.letters}>
      {(l) => (
        <section class="letter" data-record={l.customerId}>
          <header class="letter-head">
            <h1>{print.officeName()}</h1>
          </header>
          <p class="letter-to">{t('letter.to', { unit: l.unitCode, name: l.customerName })}</p>
          <div class="letter-body">{l.text}</div>
          <div class="letter-sign">
            <p>{print.officeName()}</p>
            <p>{t('letter.signature')}<span class="sign-line" /></p>
            <p>{chineseDate(props.date)}</p>
          </div>
        </section>
      )}
    </For>
  );
}
