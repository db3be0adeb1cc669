import { A } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { buildingOf, type Question, type Survey } from '../../domain/surveys/survey';
import { isUnsatisfiedWithComment, nonRespondents, responseRates, RESPONSE_CHANNELS, type Answer, type ResponseChannel, type ResponseRow } from '../../domain/surveys/response';
import type { Problem } from '../../domain/result';
import { t, tCode } from '../../i18n';
import type { Office } from '../../store/office-api';
import { requestFromResponse, saveResponse } from '../../store/surveys';
import { FollowUpButton } from './FollowUpButton';

export interface EntryGridProps {
  office: Office;
  survey: Survey;
  wave: number;
  codes: string[];
  names: Map<string, string>;
  responses: ResponseRow[];
  focusUnit?: string;
  /** How the answers come in at first (a follow-up task opens the grid by phone). */
  channel?: ResponseChannel;
}

/** What is typed into a cell, turned into an answer ('' = not answered). */
function parseCell(q: Question, raw: string): Answer | '' {
  const s = raw.trim();
  if (!s) return '';
  if (q.type === 'text') return s;
  if (q.type === 'multiple') return [...new Set(s.replace(/\D/g, '').split('').map((d) => Number(d) - 1))];
  const n = Number(s);
  return q.type === 'single' ? n - 1 : n;
}

/**
 * The entry grid, keyboard-fast for a pile of paper forms: households in building and unit
 * order, one row each; in a level or choice cell a digit is the answer and moves to the next
 * cell; Enter saves the household and goes to the next one. Every household is saved on its
 * own (its own record), so a problem in one row never loses another.
 */
export function EntryGrid(props: EntryGridProps) {
  const [building, setBuilding] = createSignal(props.focusUnit ? buildingOf(props.focusUnit) : props.codes.length > 300 ? buildingOf(props.codes[0] ?? '') : '');
  const [channel, setChannel] = createSignal<ResponseChannel>(props.channel && RESPONSE_CHANNELS.includes(props.channel) ? props.channel : 'paper');
  const [draft, setDraft] = createStore<Record<string, Record<string, string>>>({});
  const [rowProblems, setRowProblems] = createStore<Record<string, Problem[]>>({});
  // Which row is being written, for its 保存中… only: keying moves on to the next row while one saves
  // (Enter saves and moves down), so rows are not behind one busy guard; each row's reasons are its own.
  const [savingRow, setSavingRow] = createSignal('');
  const byUnit = createMemo(() => new Map(props.responses.map((r) => [r.unitCode, r])));
  const buildings = createMemo(() => [...new Set(props.codes.map(buildingOf))]);
  const shown = createMemo(() => (building() ? props.codes.filter((c) => buildingOf(c) === building()) : props.codes));
  const rates = createMemo(() => responseRates(props.codes, props.responses));
  const missing = createMemo(() => nonRespondents(props.codes, props.responses).length);
  const questions = () => props.survey.questions;
  const cells = new Map<string, HTMLInputElement>();
  const cellKey = (row: number, col: number) => `${row}:${col}`;
  const focusCell = (row: number, col: number) => {
    const el = cells.get(cellKey(row, col));
    if (el) { el.focus(); el.select(); }
  };
  onMount(() => {
    const i = props.focusUnit ? shown().indexOf(props.focusUnit) : 0;
    focusCell(Math.max(0, i), 0);
  });

  /** What the cell shows: the draft, or the level saved before. */
  const valueOf = (code: string, q: Question) => draft[code]?.[q.id] ?? (q.type === 'scale' && byUnit().get(code)?.levels[q.id] !== undefined ? String(byUnit().get(code)!.levels[q.id]) : '');
  const setCell = (code: string, q: Question, v: string) => setDraft(code, (d) => ({ ...(d ?? {}), [q.id]: v }));

  /**
   * Enter moves to the next household at once (a fast typist does not wait for the disk) and
   * saves this one behind; a refused row keeps what was typed and says why.
   */
  const save = async (code: string, row: number) => {
    const answers: Record<string, Answer> = {};
    for (const q of questions()) {
      const a = parseCell(q, draft[code]?.[q.id] ?? '');
      if (a !== '') answers[q.id] = a;
    }
    focusCell(row + 1, 0);
    if (!Object.keys(answers).length) return;
    setSavingRow(code);
    const r = await saveResponse(props.office, props.survey, props.wave, code, channel(), answers);
    setSavingRow((b) => (b === code ? '' : b));
    // What was typed stays in the row (choices and comments are not in the projection row).
    setRowProblems(code, r.ok ? [] : r.problems);
  };

  const onKey = (e: KeyboardEvent, code: string, q: Question, row: number, col: number) => {
    if (e.key === 'Enter') { e.preventDefault(); void save(code, row); return; }
    if (e.key === 'ArrowDown') { e.preventDefault(); focusCell(row + 1, col); return; }
    if (e.key === 'ArrowUp') { e.preventDefault(); focusCell(row - 1, col); return; }
    if (q.type !== 'scale' && q.type !== 'single') return;
    const max = q.type === 'scale' ? props.survey.levels : q.options.length;
    if (/^\d$/.test(e.key)) {
      e.preventDefault();
      const n = Number(e.key);
      if (n < 1 || n > max) { setRowProblems(code, [{ code: q.type === 'scale' ? 'survey.error.level' : 'survey.error.choice', params: { n: col + 1, levels: max } }]); return; }
      setRowProblems(code, []);
      setCell(code, q, e.key);
      focusCell(row, col + 1);
    }
  };

  const makeRequest = async (r: ResponseRow) => {
    setSavingRow(r.unitCode);
    const done = await requestFromResponse(props.office, props.survey, r);
    setSavingRow('');
    if (!done.ok) setRowProblems(r.unitCode, done.problems);
  };

  const hint = (q: Question) => (q.type === 'scale' ? `1–${props.survey.levels}` : q.type === 'single' ? `1–${q.options.length}` : q.type === 'multiple' ? t('survey.multipleHint') : '');
  const waveLabel = () => props.survey.waves.find((w) => w.n === props.wave)?.label ?? String(props.wave);

  return (
    <>
      <div class="page-head">
        <h1>{t('survey.entryTitle', { title: props.survey.title, wave: waveLabel() })}</h1>
        <div class="head-actions">
          <A class="button" href={`/print/survey?id=${props.survey.id}&wave=${props.wave}`}>{t('survey.printForms')}</A>
          <A class="button" href={`/print/survey-nonrespondents?id=${props.survey.id}&wave=${props.wave}`}>{t('survey.printNonRespondents')} ({missing()})</A>
          <FollowUpButton office={props.office} survey={props.survey} wave={props.wave} />
        </div>
      </div>
      <section class="card">
        <h2>{t('survey.rates')}</h2>
        <table class="rates" data-testid="rates">
          <thead><tr><th scope="col">{t('survey.building')}</th><th scope="col">{t('survey.targeted')}</th><th scope="col">{t('survey.answered')}</th><th scope="col">{t('survey.rate')}</th></tr></thead>
          <tbody>
            <For each={rates()}>
              {(r) => <tr><th scope="row">{r.building || '—'}</th><td>{r.targeted}</td><td>{r.answered}</td><td>{r.rate === null ? '—' : `${r.rate.toFixed(1)}%`}</td></tr>}
            </For>
          </tbody>
        </table>
      </section>
      <div class="row-fields">
        <label>{t('survey.building')}
          <select value={building()} onChange={(e) => setBuilding(e.currentTarget.value)}>
            <option value="">{t('survey.allBuildings')}</option>
            <For each={buildings()}>{(b) => <option value={b}>{b}</option>}</For>
          </select>
        </label>
        <label>{t('survey.channel')}
          <select value={channel()} onChange={(e) => setChannel(e.currentTarget.value as ResponseChannel)}>
            <For each={RESPONSE_CHANNELS}>{(c) => <option value={c}>{t(`survey.channel.${c}`)}</option>}</For>
          </select>
        </label>
        <p class="muted grow">{t('survey.keysHint', { levels: props.survey.levels })}</p>
      </div>
      <div class="table-scroll">
        <table class="entry-grid" data-testid="entry-grid">
          <thead>
            <tr>
              <th scope="col">{t('survey.unit')}</th>
              <th scope="col">{t('survey.household')}</th>
              <For each={questions()}>{(q, j) => <th scope="col" title={q.text}>{j() + 1}. {q.text}<span class="muted"> {hint(q)}</span></th>}</For>
              <th scope="col">{t('survey.state')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(code, row) => {
                const saved = () => byUnit().get(code);
                return (
                  <tr classList={{ saved: !!saved() }} data-unit={code}>
                    <th scope="row">{code}</th>
                    <td>{props.names.get(code) ?? ''}</td>
                    <For each={questions()}>
                      {(q, col) => (
                        <td>
                          <input
                            ref={(el) => cells.set(cellKey(row(), col()), el)}
                            class={`cell cell-${q.type}`}
                            inputmode={q.type === 'text' ? 'text' : 'numeric'}
                            maxLength={q.type === 'scale' || q.type === 'single' ? 1 : q.type === 'multiple' ? 12 : 1000}
                            aria-label={t('survey.cellLabel', { unit: code, n: col() + 1, q: q.text })}
                            value={valueOf(code, q)}
                            onInput={(e) => setCell(code, q, e.currentTarget.value)}
                            onKeyDown={(e) => onKey(e, code, q, row(), col())}
                          />
                        </td>
                      )}
                    </For>
                    <td class="state">
                      <Show when={savingRow() === code}>{t('common.saving')}</Show>
                      <Show when={savingRow() !== code && saved()}>
                        {(response) => (
                          <>
                            <span>{t('survey.saved')}</span>{' '}
                            <Show when={response().requestId} fallback={
                              <Show when={isUnsatisfiedWithComment(props.survey, response())}>
                                <button type="button" class="link" onClick={() => makeRequest(response())}>{t('survey.toRequest')}</button>
                              </Show>
                            }>
                              {(requestId) => <A href={`/requests/${requestId()}`}>{t('survey.openRequest')}</A>}
                            </Show>
                          </>
                        )}
                      </Show>
                      <Show when={rowProblems[code]?.length}>
                        <span class="problem" role="alert">{rowProblems[code]!.map((p) => tCode(p.code, p.params)).join('；')}</span>
                      </Show>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
