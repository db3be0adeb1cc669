import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  guessJoin, guessKind, guessMapping, IMPORT_KINDS, IMPORT_LIMITS, joinSheets, rejectedTable, ROOM, shadowedColumns,
  type ImportKind, type ImportPlan, type Join, type Mapping, type Sheet, type ValueMap,
} from '../../domain/import';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { checkImport, csvBytes, importSettings, openPasted, openSpreadsheet, runImport, saveImportSetting, type ImportProgress } from '../../store/import';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { Problems } from '../common/Problems';
import { ExportPanel } from './ExportPanel';
import { ImportMapping } from './ImportMapping';
import { ImportReport } from './ImportReport';
import { ImportValues } from './ImportValues';
import { describeProblem, download, targetLabel } from './labels';
import { countUnits } from '../../store/queries/units';

const KIND_LABEL = { household: 'import.kindHousehold', customers: 'import.kindCustomers', units: 'import.kindUnits' } as const;
const SUBMIT = { household: 'import.submitHousehold', customers: 'import.submitCustomers', units: 'import.submitUnits' } as const;
const DONE = { household: 'import.doneHousehold', customers: 'import.doneCustomers', units: 'import.doneUnits' } as const;

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
/** Lets the progress text paint before a long step starts. */
const paint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * 导入/导出: a file (or pasted cells) → columns matched by header → preview → a report of every
 * row that will not be imported and why → one atomic import. Everything from the file is shown
 * as text, never as markup.
 */
export function ImportPage(props: { office: Office }) {
  // What the page shows and the user sets, in one store. The file's own data (its sheets, the
  // columns' mapping, the checked plan) stay in signals: they go to the sync worker by structured
  // clone, which a store's proxies would not survive, and are replaced whole, never edited in place.
  const [form, setForm] = createStore({
    source: '',
    /** A sheet of the file, or 'join': two sheets linked by a number column read as one. */
    sheetIndex: 0 as number | 'join',
    refuse: false,
    progress: '',
    problems: [] as Problem[],
    paste: '',
  });
  const [sheets, setSheets] = createSignal<Sheet[]>([]);
  const [join, setJoin] = createSignal<Join | null>(null);
  const [officeValues, setOfficeValues] = createSignal<ValueMap>({});
  const [mapping, setMapping] = createSignal<Mapping | null>(null);
  const [plan, setPlan] = createSignal<ImportPlan | null>(null);
  const [done, setDone] = createSignal<ImportPlan | null>(null);
  const setProgress = (text: string) => setForm('progress', text);
  const setProblems = (problems: Problem[]) => setForm('problems', problems);
  const unitCount = createLive(() => props.office, (o) => countUnits(o.db), 0);
  const sheet = createMemo(() => {
    const i = form.sheetIndex;
    const j = join();
    if (i === 'join') return j ? joinSheets(sheets(), j) : undefined;
    return sheets()[i] as Sheet | undefined;
  });
  /** The sheet read and how its columns are read, once both are there. */
  const picked = createMemo(() => {
    const s = sheet();
    const m = mapping();
    return s && m ? { sheet: s, mapping: m } : null;
  });
  const keyColumn = () => { const s = sheet(); return s && 'keyColumn' in s ? (s.keyColumn as number) : -1; };
  let fileInput: HTMLInputElement | undefined;

  const reset = () => {
    setSheets([]);
    setJoin(null);
    setMapping(null);
    setPlan(null);
    setDone(null);
    setProblems([]);
    setForm('source', '');
  };

  const useSheets = async (name: string, result: Awaited<ReturnType<typeof openSpreadsheet>>) => {
    if (!result.ok) {
      setProgress('');
      return setProblems(result.problems);
    }
    const settings = await importSettings(props.office);
    setOfficeValues(settings.values);
    setForm({ refuse: settings.refuseBadOptional, progress: '', source: name });
    setSheets(result.value);
    const linked = result.value.length > 1 ? guessJoin(result.value) : null;
    setJoin(linked);
    pickSheet(linked ? 'join' : 0);
  };

  /** The guess for a sheet, with what this office's codes mean. */
  const guessFor = (s: Sheet, kind: ImportKind): Mapping => {
    const key = 'keyColumn' in s ? (s.keyColumn as number) : -1;
    const m = guessMapping(s.headers, kind, key >= 0 ? [key] : []);
    // A link number is the unit itself when no other column names it.
    if (key >= 0 && !m.columns.includes(ROOM[kind])) m.columns[key] = ROOM[kind];
    return { ...m, values: officeValues() };
  };

  const pickSheet = (i: number | 'join') => {
    setForm('sheetIndex', i);
    const s = sheet();
    if (s) setMapping(guessFor(s, i === 'join' ? 'household' : guessKind(s.headers)));
  };

  const onFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    if (file.size > IMPORT_LIMITS.fileBytes) return setProblems([{ code: 'import.error.tooLarge', params: { size: megabytes(file.size), max: megabytes(IMPORT_LIMITS.fileBytes) } }]);
    setProgress(t('import.reading'));
    performance.mark('linli:import-read');
    await paint();
    await useSheets(file.name, await openSpreadsheet(file.name, await file.arrayBuffer(), props.office));
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
    if (tooMuchPasted(form.paste)) return setProblems([pasteProblem(form.paste.length)]);
    setProgress(t('import.reading'));
    await paint();
    await useSheets(t('import.paste'), await openPasted(form.paste, props.office));
  };

  // Every change of sheet or columns checks the whole file again; a newer check supersedes.
  let generation = 0;
  createEffect(on([sheet, mapping, () => form.refuse], async ([s, m]) => {
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
    if (s) setMapping({ ...guessFor(s, kind), values: mapping()?.values ?? officeValues() });
  };

  const setRefuseSetting = async (value: boolean) => {
    const saved = await saveImportSetting(props.office, { refuseBadOptional: value });
    if (!saved.ok) return setProblems(saved.problems);
    setForm('refuse', value);
  };

  const shadowed = () => {
    const s = sheet();
    const m = mapping();
    return s && m ? shadowedColumns(s.headers, m).filter((x) => x.column !== keyColumn()) : [];
  };
  const headerOf = (i: number) => sheet()?.headers[i] || t('import.columnN', { n: i + 1 });
  const sheetName = (i: number) => sheets()[i]?.name ?? '';

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
    const base = form.source.replace(/\.(xlsx|csv|txt)$/i, '') || 'import';
    download(await csvBytes(table), `${t('import.rejectedFile', { name: base })}.csv`, 'text/csv;charset=utf-8');
  };

  const again = () => {
    reset();
    if (fileInput) fileInput.value = '';
    setForm('paste', '');
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
              <textarea rows={5} value={form.paste} onPaste={onPaste} onInput={(e) => setForm('paste', e.currentTarget.value)} aria-label={t('import.paste')} />
            </label>
            <div class="actions start">
              <button type="button" disabled={!form.paste.trim()} onClick={readPaste}>{t('import.pasteRead')}</button>
            </div>
          </details>
        </Show>
        <Show when={form.progress}><p class="progress" role="status" aria-live="polite">{form.progress}</p></Show>
        <Problems problems={form.problems} />
        <Show when={picked()}>
          {(x) => (
            <>
              <p class="muted">{t('import.fileName', { name: form.source })}</p>
              <div class="grid-2">
                <Show when={sheets().length > 1}>
                  <label>
                    {t('import.sheet')}
                    <select value={String(form.sheetIndex)} onChange={(e) => pickSheet(e.currentTarget.value === 'join' ? 'join' : Number(e.currentTarget.value))} disabled={!!done()}>
                      <Show when={join()}>
                        {(j) => <option value="join">{t('import.join', { main: sheetName(j().main), other: sheetName(j().other), key: sheets()[j().main].headers[j().mainKey] })}</option>}
                      </Show>
                      <For each={sheets()}>{(s, i) => <option value={i()}>{t('import.sheetRows', { name: s.name, n: s.rows.length })}</option>}</For>
                    </select>
                  </label>
                </Show>
                <label>
                  {t('import.kind')}
                  <select value={x().mapping.kind} onChange={(e) => setKind(e.currentTarget.value as ImportKind)} disabled={!!done()}>
                    <For each={IMPORT_KINDS}>{(kind) => <option value={kind}>{t(KIND_LABEL[kind])}</option>}</For>
                  </select>
                </label>
                <Show when={x().mapping.kind === 'household'}>
                  <label>
                    {t('import.defaultKind')}
                    <select value={x().mapping.defaultKind ?? 'owner'} disabled={!!done()}
                      onChange={(e) => setMapping({ ...x().mapping, defaultKind: e.currentTarget.value as 'owner' | 'tenant' | 'member' })}>
                      <For each={['owner', 'tenant', 'member'] as const}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
                    </select>
                  </label>
                </Show>
              </div>
              <Show when={x().mapping.kind === 'household'}>
                <p class="muted">{t('import.householdHint')}</p>
              </Show>
              <label class="check">
                <input type="checkbox" checked={form.refuse} disabled={!!done()} onChange={(e) => void setRefuseSetting(e.currentTarget.checked)} />
                {t('import.refuseBadOptional')}
              </label>
              <Show when={!done()}>
                <Show when={shadowed().length}>
                  <ul class="notices" data-testid="import-shadowed">
                    <For each={shadowed()}>
                      {(col) => <li>{t('import.shadowed', { column: headerOf(col.column), field: targetLabel(x().mapping.kind, col.target), by: headerOf(col.by) })}</li>}
                    </For>
                  </ul>
                </Show>
                <ImportMapping sheet={x().sheet} mapping={x().mapping} onChange={setMapping} />
                <ImportValues sheet={x().sheet} mapping={x().mapping} onChange={setMapping} />
              </Show>
            </>
          )}
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
                    <button type="button" class="primary" disabled={!p().command || !!form.progress} onClick={doImport}>
                      {p().command ? t(SUBMIT[p().kind], { n: p().counts.new }) : t('import.nothing')}
                    </button>
                  </div>
                }
              >
                {(d) => (
                  <div class="done">
                    <p class="saved" role="status" data-testid="import-done">
                      {t(DONE[d().kind], { n: d().counts.new, existing: d().counts.existing, error: d().counts.error })}
                    </p>
                    <div class="actions start">
                      <A href={d().kind === 'units' ? '/units' : '/customers'} class="button primary">{t(d().kind === 'units' ? 'import.viewUnits' : 'import.viewCustomers')}</A>
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
