import { A } from '@solidjs/router';
import { createEffect, For, on, Show } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import type { HistoryEntry } from '../../domain/history';
import { newId } from '../../domain/ids';
import type { Problem } from '../../domain/result';
import { serviceSettingsFrom, type ServiceSettings } from '../../domain/requests/settings';
import type { StaffRow } from '../../domain/staff/staff';
import { REQUEST_KINDS, type RequestKind } from '../../domain/requests/types';
import { t } from '../../i18n';
import { dateField } from '../../i18n/date-field';
import type { Office } from '../../store/office-api';
import { saveServiceSettings } from '../../store/settings';
import { Problems } from '../common/Problems';
import { HistoryList } from '../customers/HistoryList';
import './settings.css';
import { fromDraft, LIMITS as TIME_LIMITS, readDates, toDraft, URGENCIES, WEEK, type Draft } from './service-settings-draft';
import { LIMITS } from '../../domain/limits';

/** The form's whole state: the draft, and where saving it stands. */
interface FormState {
  draft: Draft;
  dirty: boolean;
  problems: Problem[];
  status: '' | 'saved' | 'unchanged';
  busy: boolean;
}

/** The view of 服务设置: one store holds the draft and where saving it stands; the page hands it what is stored. */
export function ServiceSettingsForm(props: { office: Office; stored: ServiceSettings | undefined; history: HistoryEntry[]; staff: StaffRow[]; known: boolean; canEdit: boolean }) {
  const [state, setState] = createStore<FormState>({ draft: toDraft(serviceSettingsFrom(null)), dirty: false, problems: [], status: '', busy: false });
  const draft = state.draft;
  const reset = () => {
    const s = props.stored;
    if (s) setState('draft', reconcile(toDraft(s)));
    setState('dirty', false);
    setState('problems', []);
  };
  // A colleague's save shows at once, unless this person is in the middle of an edit.
  createEffect(on(() => props.stored, (s) => s && !state.dirty && setState('draft', reconcile(toDraft(s)))));

  /** An edit; the problems about what it touched (fields starting with `touched`) go away. */
  const change = (fn: (d: Draft) => void, ...touched: string[]) => {
    setState('draft', produce(fn));
    setState('dirty', true);
    setState('status', '');
    if (touched.length) setState('problems', (ps) => ps.filter((p) => !touched.some((f) => p.field?.startsWith(f))));
  };
  const invalid = (field: string) => state.problems.some((p) => p.field === field);
  const teamName = (id: string) => {
    const i = draft.teams.findIndex((tm) => tm.id === id);
    return i < 0 ? '' : draft.teams[i].name.trim() || t('service.teamName', { n: i + 1 });
  };
  const members = (teamId: string) => props.staff.filter((s) => s.teamId === teamId).length;
  const badLines = (text: string) => readDates(text).bad;
  let form!: HTMLFormElement;

  const focusLast = (selector: string) => queueMicrotask(() => [...form.querySelectorAll<HTMLElement>(selector)].pop()?.focus());
  const addTeam = () => {
    change((d) => void d.teams.push({ id: newId(), name: '' }));
    focusLast('.teams input');
  };
  const addCategory = () => {
    change((d) => void d.categories.push({
      id: newId(), name: '', kinds: ['repair'], teamId: d.teams[0]?.id ?? '',
      normal: { respond: '1', finish: '8', reportBack: '12' }, urgent: { respond: '0.5', finish: '4', reportBack: '6' },
    }));
    focusLast('.categories input[name="categoryName"]');
  };
  /** Rewrites a dates box one date a line, sorted, when every line is a date. */
  const tidyDates = (key: 'holidays' | 'workdays') => {
    const read = readDates(draft[key]);
    if (read.bad.length) return;
    const tidy = [...new Set(read.dates)].sort().join('\n');
    if (tidy !== draft[key]) setState('draft', key, tidy);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!props.canEdit || state.busy) return;
    setState('busy', true);
    const r = await saveServiceSettings(props.office, fromDraft(unwrap(draft)));
    setState('busy', false);
    if (!r.ok) {
      setState('problems', r.problems);
      setState('status', '');
      queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    reset();
    setState('status', r.value ? 'saved' : 'unchanged');
  };

  return (
    <main class="page wide service-settings">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <h1>{t('settings.service')}</h1>
      <Show when={props.known && !props.canEdit}>
        <p class="read-only-note" role="note" data-testid="read-only-note">{t('service.readOnly')}</p>
      </Show>
      <form ref={form} onSubmit={save} aria-label={t('settings.service')} data-testid="service-form">
        <fieldset class="plain-fieldset" disabled={!props.canEdit}>
          <section class="card" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{t('service.calendar')}</h2>
            <p class="muted help">{t('service.calendarHelp')}</p>
            <div class="calendar-grid">
              <label>
                {t('service.start')}
                <input {...dateField('time')} name="start" value={draft.start} aria-invalid={invalid('calendar.start')} onInput={(e) => change((d) => void (d.start = e.currentTarget.value), 'calendar.start', 'calendar.end')} />
              </label>
              <label>
                {t('service.end')}
                <input {...dateField('time')} name="end" value={draft.end} aria-invalid={invalid('calendar.end')} onInput={(e) => change((d) => void (d.end = e.currentTarget.value), 'calendar.start', 'calendar.end')} />
              </label>
            </div>
            <fieldset class="days" classList={{ invalid: invalid('calendar.days') }}>
              <legend>{t('service.days')}</legend>
              <For each={WEEK}>
                {(day) => (
                  <label class="check">
                    <input type="checkbox" name="days" value={day} checked={draft.days.includes(day)} aria-invalid={invalid('calendar.days')}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        change((d) => void (d.days = on ? [...d.days.filter((x) => x !== day), day] : d.days.filter((x) => x !== day)), 'calendar.days');
                      }} />
                    {t(`service.day.${day}` as 'service.day.1')}
                  </label>
                )}
              </For>
            </fieldset>
            <div class="calendar-grid">
              <For each={['holidays', 'workdays'] as const}>
                {(key) => (
                  <div class="field">
                    <label for={`dates-${key}`}>{t(`service.${key}`)}</label>
                    <small id={`${key}-help`} class="muted">{t('service.datesHelp')}</small>
                    <textarea id={`dates-${key}`} name={key} rows={5} value={draft[key]} spellcheck={false}
                      aria-describedby={`${key}-help ${key}-bad`}
                      aria-invalid={invalid(`calendar.${key}`) || badLines(draft[key]).length > 0}
                      onInput={(e) => change((d) => void (d[key] = e.currentTarget.value), 'calendar.holidays', 'calendar.workdays')}
                      onBlur={() => tidyDates(key)} />
                    <small id={`${key}-bad`} class="field-error" aria-live="polite">
                      {badLines(draft[key]).length ? t('service.badLines', { lines: badLines(draft[key]).join('、') }) : ''}
                    </small>
                  </div>
                )}
              </For>
            </div>
            <label class="check switch-line">
              <input type="checkbox" role="switch" name="urgentRoundTheClock" checked={draft.urgentRoundTheClock}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  change((d) => void (d.urgentRoundTheClock = on));
                }} />
              {t('service.urgentRoundTheClock')}
            </label>
          </section>

          <section class="card teams" aria-labelledby="teams-title">
            <h2 id="teams-title">{t('service.teams')}</h2>
            <ul class="team-list">
              <For each={draft.teams}>
                {(team, i) => (
                  <li>
                    <label>
                      {t('service.teamName', { n: i() + 1 })}
                      <input name="teamName" value={team.name} maxLength={LIMITS.name} aria-invalid={invalid(`teams.${i()}.name`)}
                        onInput={(e) => {
                          const value = e.currentTarget.value;
                          change((d) => void (d.teams[i()].name = value), 'teams.');
                        }} />
                    </label>
                    <span class="muted">{t('service.members', { n: members(team.id) })}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={props.canEdit}>
              <div><button type="button" onClick={addTeam}>+ {t('service.addTeam')}</button></div>
            </Show>
          </section>

          <section class="card categories" aria-labelledby="categories-title">
            <h2 id="categories-title">{t('service.categories')}</h2>
            <p class="muted help">{t('service.categoriesHelp')}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('service.category')}</th>
                  <th scope="col">{t('service.kinds')}</th>
                  <th scope="col">{t('service.team')}</th>
                  <For each={URGENCIES}>
                    {(u) => (
                      <th scope="col" class="limits-head">
                        {t(`service.${u}`)}
                        <span class="trio" aria-hidden="true">
                          <For each={TIME_LIMITS}>{(l) => <span>{t(`service.${l}`)}</span>}</For>
                        </span>
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={draft.categories}>
                  {(c, i) => {
                    const label = () => c.name.trim() || t('service.categoryName', { n: i() + 1 });
                    return (
                      <tr data-testid="category-row">
                        <td data-label={t('service.category')}>
                          <input name="categoryName" value={c.name} maxLength={LIMITS.name} aria-label={t('service.categoryName', { n: i() + 1 })} aria-invalid={invalid(`categories.${i()}.name`)}
                            onInput={(e) => {
                              const value = e.currentTarget.value;
                              change((d) => void (d.categories[i()].name = value), `categories.${i()}.name`);
                            }} />
                        </td>
                        <td data-label={t('service.kinds')}>
                          <div class="kinds" role="group" aria-label={`${label()} ${t('service.kinds')}`} classList={{ invalid: invalid(`categories.${i()}.kinds`) }}>
                            <For each={REQUEST_KINDS}>
                              {(k) => (
                                <label class="check">
                                  <input type="checkbox" checked={c.kinds.includes(k)} aria-invalid={invalid(`categories.${i()}.kinds`)}
                                    onChange={(e) => {
                                      const on = e.currentTarget.checked;
                                      change((d) => {
                                        const cat = d.categories[i()];
                                        cat.kinds = REQUEST_KINDS.filter((x) => (x === k ? on : cat.kinds.includes(x)));
                                      }, `categories.${i()}.kinds`);
                                    }} />
                                  {t(`reqkind.${k}`)}
                                </label>
                              )}
                            </For>
                          </div>
                        </td>
                        <td data-label={t('service.team')}>
                          <select name="categoryTeam" value={c.teamId} aria-label={t('service.teamFor', { category: label() })} aria-invalid={invalid(`categories.${i()}.teamId`)}
                            onChange={(e) => {
                              const value = e.currentTarget.value;
                              change((d) => void (d.categories[i()].teamId = value), `categories.${i()}.teamId`);
                            }}>
                            <Show when={!draft.teams.some((tm) => tm.id === c.teamId)}><option value={c.teamId}>—</option></Show>
                            <For each={draft.teams}>{(tm) => <option value={tm.id}>{teamName(tm.id)}</option>}</For>
                          </select>
                        </td>
                        <For each={URGENCIES}>
                          {(u) => (
                            <td data-label={t(`service.${u}`)}>
                              <div class="trio">
                                <For each={TIME_LIMITS}>
                                  {(l) => (
                                    <label class="limit">
                                      <span aria-hidden="true">{t(`service.${l}`)}</span>
                                      <input type="text" inputMode="decimal" name={`${u}.${l}`} value={c[u][l]}
                                        aria-label={t('service.limitFor', { category: label(), urgency: t(`urgency.${u}`), limit: t(`service.${l}`) })}
                                        aria-invalid={invalid(`categories.${i()}.${u}.${l}`)}
                                        onInput={(e) => {
                                          const value = e.currentTarget.value;
                                          change((d) => void (d.categories[i()][u][l] = value), `categories.${i()}.${u}.`);
                                        }} />
                                    </label>
                                  )}
                                </For>
                              </div>
                            </td>
                          )}
                        </For>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
            <Show when={props.canEdit}>
              <div><button type="button" onClick={addCategory}>+ {t('service.addCategory')}</button></div>
            </Show>
          </section>
        </fieldset>

        <Show when={props.canEdit}>
          <div class="save-bar">
            <Problems problems={state.problems} />
            <div class="save-line">
              <p role="status" class="save-status" classList={{ saved: state.status === 'saved' }}>
                {state.dirty ? t('service.dirty') : state.status === 'saved' ? t('service.saved') : state.status === 'unchanged' ? t('service.unchanged') : ''}
              </p>
              <Show when={state.dirty}>
                <button type="button" onClick={reset}>{t('service.discard')}</button>
              </Show>
              <button type="submit" class="primary" disabled={state.busy}>{state.busy ? t('common.saving') : t('common.save')}</button>
            </div>
          </div>
        </Show>
      </form>
      <Show when={props.history.length}>
        <HistoryList entries={props.history} />
      </Show>
    </main>
  );
}
