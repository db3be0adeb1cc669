import { A } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { guessKind, guessMapping, IMPORT_LIMITS, rejectedTable, type ImportKind, type ImportPlan, type Mapping, type Sheet } from '../../domain/import';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { checkImport, csvBytes, openPasted, openSpreadsheet, runImport, type ImportProgress } from '../../store/import';
import { createLive } from '../bindings/live';
import type { Office } from '../../store/office-api';
import { Problems } from '../common/Problems';
import { ExportPanel } from './ExportPanel';
import { ImportMapping } from './ImportMapping';
import { ImportReport } from './ImportReport';
import { describeProblem, download } from './labels';

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
/** Lets the progress text paint before a long step starts. */
const paint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * 导入/导出: a file (or pasted cells) → columns matched by header → preview → a report of every
 * row that will not be imported and why → one atomic import. Everything from the file is shown
 * as text, never as markup.
 */
export function ImportPage(props: { office: Office }) {
  const [source, setSource] = createSignal('');
  const [sheets, setSheets] = createSignal<Sheet[]>([]);
  const [sheetIndex, setSheetIndex] = createSignal(0);
  const [mapping, setMapping] = createSignal<Mapping | null>(null);
  const [plan, setPlan] = createSignal<ImportPlan | null>(null);
  const [done, setDone] = createSignal<ImportPlan | null>(null);
  const [progress, setProgress] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [paste, setPaste] = createSignal('');
  const unitCount = createLive(() => props.office, (o) => o.db.units.count(), 0);
  const sheet = () => sheets()[sheetIndex()] as Sheet | undefined;
  let fileInput: HTMLInputElement | undefined;

  const reset = () => {
    setSheets([]);
    setMapping(null);
    setPlan(null);
    setDone(null);
    setProblems([]);
    setSource('');
  };

  const useSheets = (name: string, result: Awaited<ReturnType<typeof openSpreadsheet>>) => {
    setProgress('');
    if (!result.ok) return setProblems(result.problems);
    setSource(name);
    setSheets(result.value);
    pickSheet(0);
  };

  const pickSheet = (i: number) => {
    const s = sheets()[i];
    setSheetIndex(i);
    setMapping(guessMapping(s.headers, guessKind(s.headers)));
  };

  const onFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    if (file.size > IMPORT_LIMITS.fileBytes) return setProblems([{ code: 'import.error.tooLarge', params: { size: megabytes(file.size), max: megabytes(IMPORT_LIMITS.fileBytes) } }]);
    setProgress(t('import.reading'));
    performance.mark('linli:import-read');
    await paint();
    useSheets(file.name, await openSpreadsheet(file.name, await file.arrayBuffer()));
  };

  const tooMuchPasted = (text: string) => text.length > IMPORT_LIMITS.pasteChars;
  const pasteProblem = (size: number): Problem => ({ code: 'import.error.pasteTooLarge', params: { size: megabytes(size * 2), max: megabytes(IMPORT_LIMITS.pasteChars * 2) } });
  // A paste of many megabytes would freeze the text box itself: refuse it before it lands.
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (tooMuchPasted(text)) {
      e.preventDefault();
      setProblems([pasteProblem(text.length)]);
    }
  };
  const readPaste = async () => {
    reset();
    if (tooMuchPasted(paste())) return setProblems([pasteProblem(paste().length)]);
    setProgress(t('import.reading'));
    await paint();
    useSheets(t('import.paste'), await openPasted(paste()));
  };

  // Every change of sheet or columns checks the whole file again; a newer check supersedes.
  let generation = 0;
  createEffect(on([sheet, mapping], async ([s, m]) => {
    const mine = ++generation;
    setPlan(null);
    if (!s || !m || done()) return;
    const progressText = (p: ImportProgress) => p.stage === 'checking' && mine === generation && setProgress(t('import.checking', { done: p.done, total: p.total }));
    const checked = await checkImport(props.office, s, m, progressText, () => mine === generation);
    if (mine !== generation || !checked) return;
    setProgress('');
    setPlan(checked);
    // `npm run bench` reads these marks for customers.import_8k_ms.
    performance.mark('linli:import-checked');
  }));

  const setKind = (kind: ImportKind) => {
    const s = sheet();
    if (s) setMapping(guessMapping(s.headers, kind));
  };

  const doImport = async () => {
    const s = sheet();
    const m = mapping();
    if (!s || !m) return;
    generation++;
    setProblems([]);
    performance.mark('linli:import-start');
    const result = await runImport(props.office, s, m, (p) => setProgress(p.stage === 'saving' ? t('import.saving', { n: p.rows }) : t('import.checking', { done: p.done, total: p.total })));
    setProgress('');
    if (!result.ok) return setProblems(result.problems);
    setDone(result.value);
    setPlan(result.value);
    performance.mark('linli:import-done');
  };

  const downloadRejected = async () => {
    const s = sheet();
    const p = plan();
    if (!s || !p) return;
    const table = rejectedTable(s, p, t('import.reasonColumn'), (problem) => describeProblem(p.kind, problem));
    const base = source().replace(/\.(xlsx|csv|txt)$/i, '') || 'import';
    download(await csvBytes(table), `${t('import.rejectedFile', { name: base })}.csv`, 'text/csv;charset=utf-8');
  };

  const again = () => {
    reset();
    if (fileInput) fileInput.value = '';
    setPaste('');
  };

  return (
    <main class="page wide import">
      <div class="page-head">
        <h1>{t('import.title')}</h1>
        <A href="/customers" class="back">{t('common.back')}</A>
      </div>
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">{t('import.importHeading')}</h2>
        <p class="muted">{unitCount() ? t('import.unitsFirst', { n: unitCount() }) : t('import.noUnitRegister')}</p>
        <Show when={!done()}>
          <label>
            {t('import.file')}
            <input ref={fileInput} type="file" name="file" accept=".xlsx,.csv,.txt,.tsv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => onFile(e.currentTarget.files?.[0])} />
          </label>
          <details class="more">
            <summary>{t('import.paste')}</summary>
            <label>
              <small>{t('import.pasteHint')}</small>
              <textarea rows={5} value={paste()} onPaste={onPaste} onInput={(e) => setPaste(e.currentTarget.value)} aria-label={t('import.paste')} />
            </label>
            <div class="actions start">
              <button type="button" disabled={!paste().trim()} onClick={readPaste}>{t('import.pasteRead')}</button>
            </div>
          </details>
        </Show>
        <Show when={progress()}><p class="progress" role="status" aria-live="polite">{progress()}</p></Show>
        <Problems problems={problems()} />
        <Show when={sheet() && mapping()}>
          <p class="muted">{t('import.fileName', { name: source() })}</p>
          <div class="grid-2">
            <Show when={sheets().length > 1}>
              <label>
                {t('import.sheet')}
                <select value={sheetIndex()} onChange={(e) => pickSheet(Number(e.currentTarget.value))} disabled={!!done()}>
                  <For each={sheets()}>{(s, i) => <option value={i()}>{t('import.sheetRows', { name: s.name, n: s.rows.length })}</option>}</For>
                </select>
              </label>
            </Show>
            <label>
              {t('import.kind')}
              <select value={mapping()!.kind} onChange={(e) => setKind(e.currentTarget.value as ImportKind)} disabled={!!done()}>
                <option value="customers">{t('import.kindCustomers')}</option>
                <option value="units">{t('import.kindUnits')}</option>
              </select>
            </label>
          </div>
          <Show when={!done()}>
            <ImportMapping sheet={sheet()!} mapping={mapping()!} onChange={setMapping} />
          </Show>
        </Show>
        <Show when={plan()}>
          {(p) => (
            <>
              <Show when={p().problems.length}>
                <ul class="problems" role="alert">
                  <For each={p().problems}>{(problem) => <li>{describeProblem(p().kind, problem)}</li>}</For>
                </ul>
              </Show>
              <Show when={!p().problems.length}>
                <ImportReport plan={p()} onDownloadRejected={downloadRejected} />
              </Show>
              <Show
                when={done()}
                fallback={
                  <div class="actions">
                    <button type="button" class="primary" disabled={!p().command || !!progress()} onClick={doImport}>
                      {p().command ? t(p().kind === 'customers' ? 'import.submitCustomers' : 'import.submitUnits', { n: p().counts.new }) : t('import.nothing')}
                    </button>
                  </div>
                }
              >
                {(d) => (
                  <div class="done">
                    <p class="saved" role="status" data-testid="import-done">
                      {t(d().kind === 'customers' ? 'import.doneCustomers' : 'import.doneUnits', { n: d().counts.new, existing: d().counts.existing, error: d().counts.error })}
                    </p>
                    <div class="actions start">
                      <A href={d().kind === 'customers' ? '/customers' : '/units'} class="button primary">{t(d().kind === 'customers' ? 'import.viewCustomers' : 'import.viewUnits')}</A>
                      <button type="button" onClick={again}>{t('import.again')}</button>
                    </div>
                  </div>
                )}
              </Show>
            </>
          )}
        </Show>
      </section>
      <ExportPanel office={props.office} />
    </main>
  );
}
