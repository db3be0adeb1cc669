import type { CommandContext } from '../actor';
import { isDay } from '../days';
import { historyEntry, type FieldChange } from '../history';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { defaultServiceSettings, type Category, type ServiceSettings, type Team, type TimeLimits, type WorkCalendar } from './settings';
import { REQUEST_KINDS, type RequestKind } from './types';

/** The longest time limit an office may set: 720 working hours (90 eight-hour days). */
export const MAX_LIMIT_HOURS = 720;

/** Holidays (or make-up days) listed at once: a few years' worth is plenty. */
export const MAX_DATES = 400;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const isLimit = (h: unknown): h is number => typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= MAX_LIMIT_HOURS;
const LIMIT_KEYS: (keyof TimeLimits)[] = ['respond', 'finish', 'reportBack'];

/**
 * The office's service settings after a manager's edit: checked, trimmed, dates sorted and
 * de-duplicated. Problems name the row (1-based) and carry a `field` path
 * (`categories.2.normal.finish`) so the form can mark the very input.
 */
export function cleanServiceSettings(next: ServiceSettings): Result<ServiceSettings> {
  const problems: Problem[] = [];

  const teams: Team[] = next.teams.map((tm) => ({ id: String(tm.id ?? '').trim(), name: String(tm.name ?? '').trim() }));
  if (!teams.length) problems.push({ code: 'settings.error.noTeams', field: 'teams' });
  const teamNames = new Set<string>();
  const teamIds = new Set<string>();
  teams.forEach((tm, i) => {
    const field = `teams.${i}.name`;
    if (!tm.id || teamIds.has(tm.id)) problems.push({ code: 'settings.error.badId', field, params: { row: i + 1 } });
    teamIds.add(tm.id);
    if (!tm.name) problems.push({ code: 'settings.error.teamName', field, params: { row: i + 1 } });
    else if (tm.name.length > LIMITS.name) problems.push({ code: 'error.tooLong', field, params: { max: LIMITS.name } });
    else if (teamNames.has(tm.name)) problems.push({ code: 'settings.error.teamDuplicate', field, params: { name: tm.name } });
    teamNames.add(tm.name);
  });

  const categories: Category[] = [];
  if (!next.categories.length) problems.push({ code: 'settings.error.noCategories', field: 'categories' });
  const categoryNames = new Set<string>();
  const categoryIds = new Set<string>();
  next.categories.forEach((c, i) => {
    const row = i + 1;
    const at = (f: string) => `categories.${i}.${f}`;
    const id = String(c.id ?? '').trim();
    const name = String(c.name ?? '').trim();
    if (!id || categoryIds.has(id)) problems.push({ code: 'settings.error.badId', field: at('name'), params: { row } });
    categoryIds.add(id);
    if (!name) problems.push({ code: 'settings.error.categoryName', field: at('name'), params: { row } });
    else if (name.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: at('name'), params: { max: LIMITS.name } });
    else if (categoryNames.has(name)) problems.push({ code: 'settings.error.categoryDuplicate', field: at('name'), params: { name } });
    categoryNames.add(name);
    const label = name || String(row);
    const kinds = REQUEST_KINDS.filter((k) => (c.kinds ?? []).includes(k));
    if (!kinds.length || kinds.length !== new Set(c.kinds).size) problems.push({ code: 'settings.error.categoryKinds', field: at('kinds'), params: { name: label } });
    if (!teamIds.has(c.teamId)) problems.push({ code: 'settings.error.categoryTeam', field: at('teamId'), params: { name: label } });
    for (const urgency of ['normal', 'urgent'] as const) {
      const limits = c[urgency] ?? ({} as TimeLimits);
      const bad = LIMIT_KEYS.filter((key) => !isLimit(limits[key]));
      for (const key of bad) problems.push({ code: 'settings.error.limitRange', field: at(`${urgency}.${key}`), params: { name: label, max: MAX_LIMIT_HOURS } });
      if (!bad.length && limits.finish < limits.respond) problems.push({ code: 'settings.error.finishBeforeRespond', field: at(`${urgency}.finish`), params: { name: label } });
    }
    categories.push({
      id, name, kinds, teamId: c.teamId,
      normal: { respond: c.normal?.respond, finish: c.normal?.finish, reportBack: c.normal?.reportBack },
      urgent: { respond: c.urgent?.respond, finish: c.urgent?.finish, reportBack: c.urgent?.reportBack },
    } as Category);
  });

  const cal = next.calendar;
  const start = String(cal.start ?? '').trim();
  const end = String(cal.end ?? '').trim();
  if (!HHMM.test(start)) problems.push({ code: 'settings.error.badTime', field: 'calendar.start' });
  if (!HHMM.test(end)) problems.push({ code: 'settings.error.badTime', field: 'calendar.end' });
  if (HHMM.test(start) && HHMM.test(end) && start >= end) problems.push({ code: 'settings.error.startAfterEnd', field: 'calendar.end' });
  const days = [...new Set(cal.days)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort((a, b) => a - b);
  if (!days.length || days.length !== new Set(cal.days).size) problems.push({ code: 'settings.error.noWorkingDays', field: 'calendar.days' });
  const dates = (list: string[], field: string) => {
    const clean = [...new Set(list.map((s) => String(s).trim()).filter(Boolean))].sort();
    if (clean.length > MAX_DATES) problems.push({ code: 'settings.error.tooManyDates', field, params: { max: MAX_DATES } });
    for (const d of clean) if (!isDay(d)) problems.push({ code: 'settings.error.badDate', field, params: { date: d } });
    return clean;
  };
  const holidays = dates(cal.holidays ?? [], 'calendar.holidays');
  const workdays = dates(cal.workdays ?? [], 'calendar.workdays');
  for (const d of holidays) if (workdays.includes(d)) problems.push({ code: 'settings.error.holidayAndWorkday', field: 'calendar.workdays', params: { date: d } });
  if (!Number.isInteger(cal.utcOffset) || cal.utcOffset < -720 || cal.utcOffset > 840) problems.push({ code: 'settings.error.badOffset', field: 'calendar.utcOffset' });

  if (problems.length) return fail(...problems);
  const calendar: WorkCalendar = { utcOffset: cal.utcOffset, days, start, end, holidays, workdays, urgentRoundTheClock: cal.urgentRoundTheClock === true };
  return ok({ teams, categories, calendar });
}

/**
 * A manager saves the office's service settings (设置 → 服务设置).
 *
 * Settings are edited rarely, by one manager at a time, so each of `teams`, `categories` and
 * `calendar` is stored as one whole JSON value in the `settings/service` record rather than a
 * Y.Map per category: a concurrent edit of the same part by two managers keeps the later one,
 * but only the parts that actually changed are written, so one manager's calendar edit and
 * another's category edit both stand. Returns null when nothing changed.
 *
 * `current` is what the office has now (for the history entry and to write only what changed);
 * an office that never saved its settings has the defaults.
 */
export function saveServiceSettings(
  next: ServiceSettings,
  ctx: CommandContext,
  role: string,
  current: ServiceSettings = defaultServiceSettings(),
): Result<Command | null> {
  if (role !== 'manager') return fail({ code: 'settings.error.managerOnly' });
  const cleaned = cleanServiceSettings(next);
  if (!cleaned.ok) return cleaned;
  const clean = cleaned.value;
  const fields: Record<string, unknown> = {};
  const was = canonical(current);
  for (const key of ['teams', 'categories', 'calendar'] as const) {
    if (!same(clean[key], was[key])) fields[key] = clean[key];
  }
  if (!Object.keys(fields).length) return ok(null);
  const changes = describeChanges(current, clean);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'service', upsert: true, fields: { ...fields, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'service', entry: historyEntry(ctx, 'history.updated', changes) },
    ],
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const inKindOrder = (kinds: RequestKind[]) => REQUEST_KINDS.filter((k) => kinds.includes(k));

/** Settings as the cleaner leaves them (kinds in their usual order, days and dates sorted), to compare. */
function canonical(s: ServiceSettings): ServiceSettings {
  const c = s.calendar;
  return {
    teams: s.teams,
    categories: s.categories.map((cat) => ({ ...cat, kinds: inKindOrder(cat.kinds) })),
    calendar: { ...c, days: [...c.days].sort((a, b) => a - b), holidays: [...c.holidays].sort(), workdays: [...c.workdays].sort() },
  };
}

// History values are what the office reads on the timeline; like the customer history
// (农历 dates), they are written in the office's language, Chinese.
const KIND_NAMES: Record<RequestKind, string> = { repair: '报修', complaint: '投诉', inquiry: '咨询', suggestion: '建议', praise: '表扬', dispute: '纠纷', report: '举报', service: '服务申请' };
const DAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];
const showDays = (days: number[]) => [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_NAMES[d]).join('');
const showLimits = (l: TimeLimits) => `${l.respond} / ${l.finish} / ${l.reportBack} h`;
const showKinds = (kinds: RequestKind[]) => inKindOrder(kinds).map((k) => KIND_NAMES[k]).join('、');

/**
 * What a save changed, one line per thing a person changed: a team renamed or added, a
 * category's name, kinds, team (the dispatch rule) or time limits, the working hours, days,
 * holidays (removed → added), make-up workdays, the urgent round-the-clock rule.
 */
export function describeChanges(before: ServiceSettings, after: ServiceSettings): FieldChange[] {
  const changes: FieldChange[] = [];
  const teamName = (s: ServiceSettings, id: string) => s.teams.find((tm) => tm.id === id)?.name ?? '';

  for (const tm of after.teams) {
    const old = before.teams.find((o) => o.id === tm.id);
    if (!old || old.name !== tm.name) changes.push({ field: 'service.team', from: old?.name ?? '', to: tm.name });
  }
  for (const tm of before.teams) {
    if (!after.teams.some((n) => n.id === tm.id)) changes.push({ field: 'service.team', from: tm.name, to: '' });
  }

  for (const c of after.categories) {
    const old = before.categories.find((o) => o.id === c.id);
    if (!old) {
      changes.push({ field: 'service.category', from: '', to: c.name });
      changes.push({ field: 'service.categoryKinds', to: `${c.name}：${showKinds(c.kinds)}` });
      changes.push({ field: 'service.categoryTeam', to: `${c.name}：${teamName(after, c.teamId)}` });
      changes.push({ field: 'service.limitsNormal', to: `${c.name}：${showLimits(c.normal)}` });
      changes.push({ field: 'service.limitsUrgent', to: `${c.name}：${showLimits(c.urgent)}` });
      continue;
    }
    if (old.name !== c.name) changes.push({ field: 'service.category', from: old.name, to: c.name });
    const line = (field: string, a: string, b: string) => {
      if (a !== b) changes.push({ field, from: `${c.name}：${a}`, to: `${c.name}：${b}` });
    };
    line('service.categoryKinds', showKinds(old.kinds), showKinds(c.kinds));
    if (old.teamId !== c.teamId) line('service.categoryTeam', teamName(before, old.teamId) || old.teamId, teamName(after, c.teamId));
    line('service.limitsNormal', showLimits(old.normal), showLimits(c.normal));
    line('service.limitsUrgent', showLimits(old.urgent), showLimits(c.urgent));
  }
  for (const c of before.categories) {
    if (!after.categories.some((n) => n.id === c.id)) changes.push({ field: 'service.category', from: c.name, to: '' });
  }

  const a = before.calendar;
  const b = after.calendar;
  if (a.start !== b.start || a.end !== b.end) changes.push({ field: 'service.workHours', from: `${a.start}–${a.end}`, to: `${b.start}–${b.end}` });
  if (showDays(a.days) !== showDays(b.days)) changes.push({ field: 'service.workDays', from: showDays(a.days), to: showDays(b.days) });
  const dateDiff = (field: string, was: string[], now: string[]) => {
    const removed = was.filter((d) => !now.includes(d));
    const added = now.filter((d) => !was.includes(d));
    if (removed.length || added.length) changes.push({ field, from: removed.join(', '), to: added.join(', ') });
  };
  dateDiff('service.holidays', a.holidays, b.holidays);
  dateDiff('service.workdays', a.workdays, b.workdays);
  if (a.urgentRoundTheClock !== b.urgentRoundTheClock) changes.push({ field: 'service.urgentRoundTheClock', from: a.urgentRoundTheClock ? '是' : '否', to: b.urgentRoundTheClock ? '是' : '否' });
  if (a.utcOffset !== b.utcOffset) changes.push({ field: 'service.utcOffset', from: String(a.utcOffset), to: String(b.utcOffset) });
  return changes;
}
