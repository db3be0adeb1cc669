import { describe, expect, it } from 'vitest';
import { plainAfter, type Plain } from '../plain.fixture';
import type { CommandContext } from '../actor';
import { defaultServiceSettings, serviceSettingsFrom, type ServiceSettings } from './settings';
import { isDay } from '../days';
import { cleanServiceSettings, describeChanges, saveServiceSettings } from './settings-commands';

const ctx: CommandContext = { actor: { staffId: 'm1', name: '陈经理', deviceCode: 'A' }, now: '2025-03-03T02:00:00.000Z' };

/** The defaults with a change applied to a deep copy. */
function edited(change: (s: ServiceSettings) => void): ServiceSettings {
  const s = structuredClone(defaultServiceSettings());
  change(s);
  return s;
}

/** The history lines of a record after the commands. */
type Line = { action: string; by: string; byName: string; device: string; changes?: unknown[] };
const historyOf = (r: Plain) => r.history as Line[];
/** settings/service as a colleague left it: their own team renamed and Sundays worked. */
const colleagues = (): Plain => {
  const s = edited((x) => {
    x.teams[1].name = '保洁绿化组';
    x.calendar.days = [0, 1, 2, 3, 4, 5, 6];
  });
  return { teams: s.teams, categories: s.categories, calendar: s.calendar, updatedAt: '2025-03-01T01:00:00.000Z', updatedBy: 'm2', history: [{ action: 'history.updated', by: 'm2' }] };
};

const codes = (r: { ok: boolean; problems?: { code: string }[] }) => (r.ok ? [] : r.problems!.map((p) => p.code));
const fieldsOf = (r: ReturnType<typeof cleanServiceSettings>) => (r.ok ? [] : r.problems.map((p) => p.field));

describe('saveServiceSettings', () => {
  it('refuses anyone but a manager', () => {
    const next = edited((s) => (s.categories[0].teamId = 'environment'));
    for (const role of ['reception', 'team', '']) {
      expect(saveServiceSettings(next, ctx, role)).toEqual({ ok: false, problems: [{ code: 'settings.error.managerOnly' }] });
    }
  });

  it('upserts settings/service with only the parts that changed, as whole values, and logs what changed', () => {
    const next = edited((s) => {
      s.categories[0].teamId = 'environment';
      s.categories[0].normal.finish = 12;
    });
    const r = saveServiceSettings(next, ctx, 'manager');
    if (!r.ok || !r.value) throw new Error('expected a command');
    expect(r.value.shard).toBe('office');
    // Made where there was none yet (a new office), holding the categories and who saved them.
    const made = plainAfter(r, 'settings', 'service');
    expect(Object.keys(made).sort()).toEqual(['categories', 'history', 'updatedAt', 'updatedBy']);
    const stored = made.categories as ServiceSettings['categories'];
    expect(stored).toHaveLength(next.categories.length);
    expect(stored[0]).toEqual(next.categories[0]);
    expect(made).toMatchObject({ updatedAt: ctx.now, updatedBy: 'm1' });
    expect(historyOf(made)).toHaveLength(1);
    expect(historyOf(made)[0]).toMatchObject({ action: 'history.updated', by: 'm1', byName: '陈经理', device: 'A' });
    expect(historyOf(made)[0].changes).toEqual([
      { field: 'service.categoryTeam', from: '水电维修：工程组', to: '水电维修：环境组' },
      { field: 'service.limitsNormal', from: '水电维修：1 / 8 / 12 h', to: '水电维修：1 / 12 / 12 h' },
    ]);
    // What is stored reads back as what was saved.
    expect(serviceSettingsFrom(made).categories).toEqual(stored);
    // Over a colleague's save: their teams and calendar stand, the categories are replaced whole, one more line.
    const over = plainAfter(r, 'settings', 'service', colleagues());
    expect(over).toMatchObject({ teams: colleagues().teams, calendar: colleagues().calendar, categories: stored, updatedBy: 'm1' });
    expect(historyOf(over).map((h) => h.by)).toEqual(['m2', 'm1']);
  });

  it('returns null when nothing changed (trimmed names and re-sorted dates are no change)', () => {
    const current = edited((s) => (s.calendar.holidays = ['2025-05-01', '2025-10-01']));
    const next = edited((s) => {
      s.teams[0].name = ' 工程组 ';
      s.calendar.holidays = ['2025-10-01', '2025-05-01', '2025-05-01'];
    });
    expect(saveServiceSettings(next, ctx, 'manager', current)).toEqual({ ok: true, value: null });
  });

  it('writes the calendar alone when only the calendar changed, so a colleague’s category edit stands', () => {
    const next = edited((s) => {
      s.calendar.start = '09:00';
      s.calendar.days = [1, 2, 3, 4, 5];
      s.calendar.holidays = ['2025-10-01', '2025-10-02'];
      s.calendar.workdays = ['2025-09-28'];
      s.calendar.urgentRoundTheClock = false;
    });
    const r = saveServiceSettings(next, ctx, 'manager');
    if (!r.ok || !r.value) throw new Error('expected a command');
    expect(Object.keys(plainAfter(r, 'settings', 'service')).sort()).toEqual(['calendar', 'history', 'updatedAt', 'updatedBy']);
    // A colleague's teams and categories stand; the calendar is this save's.
    const start = colleagues();
    const after = plainAfter(r, 'settings', 'service', start);
    expect(after).toMatchObject({ teams: start.teams, categories: start.categories, calendar: next.calendar, updatedAt: ctx.now });
    expect(historyOf(after).at(-1)?.changes).toEqual([
      { field: 'service.workHours', from: '08:30–17:30', to: '09:00–17:30' },
      { field: 'service.workDays', from: '一二三四五六', to: '一二三四五' },
      { field: 'service.holidays', from: '', to: '2025-10-01, 2025-10-02' },
      { field: 'service.workdays', from: '', to: '2025-09-28' },
      { field: 'service.urgentRoundTheClock', from: '是', to: '否' },
    ]);
  });

  it('logs a renamed team, an added team and an added category', () => {
    const next = edited((s) => {
      s.teams[0].name = '工程维修组';
      s.teams.push({ id: 'gardens', name: '园林组' });
      s.categories.push({ id: 'trees', name: '树木修剪', kinds: ['repair', 'suggestion'], teamId: 'gardens', normal: { respond: 2, finish: 40, reportBack: 40 }, urgent: { respond: 1, finish: 8, reportBack: 8 } });
    });
    const r = saveServiceSettings(next, ctx, 'manager');
    if (!r.ok || !r.value) throw new Error('expected a command');
    const after = plainAfter(r, 'settings', 'service');
    expect(serviceSettingsFrom(after).teams.map((tm) => tm.name)).toContain('园林组');
    expect(historyOf(after).at(-1)?.changes).toEqual([
      { field: 'service.team', from: '工程组', to: '工程维修组' },
      { field: 'service.team', from: '', to: '园林组' },
      { field: 'service.category', from: '', to: '树木修剪' },
      { field: 'service.categoryKinds', to: '树木修剪：报修、建议' },
      { field: 'service.categoryTeam', to: '树木修剪：园林组' },
      { field: 'service.limitsNormal', to: '树木修剪：2 / 40 / 40 h' },
      { field: 'service.limitsUrgent', to: '树木修剪：1 / 8 / 8 h' },
    ]);
  });
});

describe('cleanServiceSettings', () => {
  it('accepts the defaults, putting kinds in their usual order', () => {
    const r = cleanServiceSettings(defaultServiceSettings());
    expect(r.ok && r.value.categories.find((c) => c.id === 'service-attitude')!.kinds).toEqual(['complaint', 'suggestion', 'praise']);
    expect(r.ok && r.value.calendar).toEqual(defaultServiceSettings().calendar);
  });

  it('wants team names, unique', () => {
    const r = cleanServiceSettings(edited((s) => {
      s.teams[1].name = '  ';
      s.teams[2].name = '工程组';
    }));
    expect(codes(r)).toEqual(['settings.error.teamName', 'settings.error.teamDuplicate']);
    expect(fieldsOf(r)).toEqual(['teams.1.name', 'teams.2.name']);
  });

  it('wants every category named, with a kind and an existing team', () => {
    const r = cleanServiceSettings(edited((s) => {
      s.categories[0].name = '';
      s.categories[1].kinds = [];
      s.categories[2].teamId = 'gone';
      s.categories[3].name = '门窗五金';
      s.categories[4].kinds = ['repair', 'bogus' as never];
    }));
    expect(codes(r)).toEqual([
      'settings.error.categoryName',
      'settings.error.categoryKinds',
      'settings.error.categoryTeam',
      'settings.error.categoryDuplicate',
      'settings.error.categoryKinds',
    ]);
    expect(fieldsOf(r)).toEqual(['categories.0.name', 'categories.1.kinds', 'categories.2.teamId', 'categories.3.name', 'categories.4.kinds']);
  });

  it('wants time limits above 0 and at most 720 hours, finish not before respond', () => {
    const r = cleanServiceSettings(edited((s) => {
      s.categories[0].normal.respond = 0;
      s.categories[1].urgent.finish = 721;
      s.categories[2].normal.reportBack = Number.NaN;
      s.categories[3].urgent = { respond: 4, finish: 2, reportBack: 6 };
      s.categories[4].normal.finish = '8' as never;
    }));
    const range = 'settings.error.limitRange';
    expect(codes(r)).toEqual([range, range, range, 'settings.error.finishBeforeRespond', range]);
    expect(fieldsOf(r)).toEqual(['categories.0.normal.respond', 'categories.1.urgent.finish', 'categories.2.normal.reportBack', 'categories.3.urgent.finish', 'categories.4.normal.finish']);
    // 720 h and quarter hours are fine; finish may equal respond.
    const fine = cleanServiceSettings(edited((s) => (s.categories[0].normal = { respond: 0.25, finish: 0.25, reportBack: 720 })));
    expect(fine.ok).toBe(true);
  });

  it('wants working hours as HH:MM with start before end, and at least one working day', () => {
    expect(fieldsOf(cleanServiceSettings(edited((s) => (s.calendar.start = '8:30'))))).toEqual(['calendar.start']);
    expect(fieldsOf(cleanServiceSettings(edited((s) => (s.calendar.end = '24:00'))))).toEqual(['calendar.end']);
    expect(codes(cleanServiceSettings(edited((s) => Object.assign(s.calendar, { start: '17:30', end: '08:30' }))))).toEqual(['settings.error.startAfterEnd']);
    expect(codes(cleanServiceSettings(edited((s) => Object.assign(s.calendar, { start: '09:00', end: '09:00' }))))).toEqual(['settings.error.startAfterEnd']);
    expect(codes(cleanServiceSettings(edited((s) => (s.calendar.days = []))))).toEqual(['settings.error.noWorkingDays']);
    expect(codes(cleanServiceSettings(edited((s) => (s.calendar.days = [1, 7]))))).toEqual(['settings.error.noWorkingDays']);
  });

  it('wants holidays and make-up workdays as real YYYY-MM-DD dates, not both at once', () => {
    const r = cleanServiceSettings(edited((s) => {
      s.calendar.holidays = ['2025-10-01', '2025/10/02', '2025-02-30'];
      s.calendar.workdays = ['2025-10-01'];
    }));
    expect(r.ok ? [] : r.problems).toEqual([
      { code: 'settings.error.badDate', field: 'calendar.holidays', params: { date: '2025-02-30' } },
      { code: 'settings.error.badDate', field: 'calendar.holidays', params: { date: '2025/10/02' } },
      { code: 'settings.error.holidayAndWorkday', field: 'calendar.workdays', params: { date: '2025-10-01' } },
    ]);
  });

  it('sorts and de-duplicates dates, drops blank lines, sorts working days', () => {
    const r = cleanServiceSettings(edited((s) => {
      s.calendar.holidays = ['2025-10-02', '', ' 2025-10-01 ', '2025-10-02'];
      s.calendar.days = [6, 1, 3];
    }));
    expect(r.ok && r.value.calendar).toMatchObject({ holidays: ['2025-10-01', '2025-10-02'], days: [1, 3, 6] });
  });
});

describe('isDay (the one date rule)', () => {
  it('knows real dates', () => {
    expect(['2024-02-29', '2025-12-31'].map(isDay)).toEqual([true, true]);
    expect(['2025-02-29', '2025-13-01', '25-01-01', '2025-1-1', ''].map(isDay)).toEqual([false, false, false, false, false]);
  });
});

describe('describeChanges', () => {
  it('shows removed and added holidays, and a removed category', () => {
    const before = edited((s) => (s.calendar.holidays = ['2024-10-01', '2025-01-01']));
    const after = edited((s) => {
      s.calendar.holidays = ['2025-01-01', '2025-10-01'];
      s.categories = s.categories.filter((c) => c.id !== 'other');
    });
    expect(describeChanges(before, after)).toEqual([
      { field: 'service.category', from: '其他', to: '' },
      { field: 'service.holidays', from: '2024-10-01', to: '2025-10-01' },
    ]);
  });
});
