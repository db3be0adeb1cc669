import { describe, expect, it } from 'vitest';
import { ledgerShard } from '../../src/domain/shards';
import { officeDay } from '../../src/domain/requests/work-time';
import type { ShardName } from '../../src/domain/shards';
import { createStaff, type StaffRole } from '../../src/domain/staff/staff';
import { DEFAULT_LABELS } from '../../src/domain/surveys/survey';
import { createCustomer } from '../../src/store/customers';
import type { Office } from '../../src/store/office-api';
import { serviceSettings } from '../../src/store/queries/settings';
import { todayView } from '../../src/store/queries/today';
import { createSurvey, makeSurveyFollowUps, readSurvey, saveResponse } from '../../src/store/surveys';
import { finishTask } from '../../src/store/tasks';
import { createUnit } from '../../src/store/units';
import { compare, merge, openDevices } from '../helpers/devices';

/**
 * 未回复住户转为回访任务 on two tablets that are apart: both turn the same households into
 * follow-up tasks; once their documents meet there is one task per household, not two; a
 * household that answers by phone on one tablet drops off 今日 on both.
 */
const must = <T,>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

async function staff(office: Office, id: string, role: StaffRole) {
  must(await office.run(must(createStaff(id, role, office.context(), id, '', { creator: 'founder' })).command));
}

describe('survey follow-up tasks on two offline tablets', () => {
  it('make one task per household after the merge, and a later answer closes it on both', async () => {
    const [a, b] = openDevices(2);
    const now = new Date();
    const today = officeDay(now, (await serviceSettings(a.office.db)).calendar);
    // Responses live in January of the wave's year, the follow-up tasks in the month they are due.
    const ledgers = [...new Set([ledgerShard(`${today.slice(0, 4)}-01`), ledgerShard(today.slice(0, 7))])] as ShardName[];
    // The office before they go apart: a manager (A) and the front desk (B), four households, a survey.
    await staff(a.office, 's1', 'manager');
    await staff(a.office, 's2', 'reception');
    for (const code of ['1-1-101', '1-1-102', '2-1-101', '2-1-102']) must(await createUnit(a.office, { code, area: '90', use: 'residential', status: 'owner' }));
    must(await createCustomer(a.office, { name: '张伟', phones: [], unitCode: '1-1-102' }));
    must(await createCustomer(a.office, { name: '李娜', phones: [], unitCode: '2-1-101' }));
    const id = must(await createSurvey(a.office, {
      title: '年度满意度调查', intro: '', levels: 5, satisfiedFrom: 4, questions: [{ type: 'scale', text: '总体', options: [...DEFAULT_LABELS[5]] }],
      target: { kind: 'all' }, firstWave: { label: '第一轮', start: today },
    }));
    const survey = (await readSurvey(a.office, id))!;
    must(await saveResponse(a.office, survey, 1, '1-1-101', 'paper', { q1: 5 }));
    await merge([a, b], ['office', 'directory', ...ledgers]);

    // Apart, the manager and the front desk both press the button.
    expect(must(await makeSurveyFollowUps(a.office, survey, 1, now))).toBe(3);
    expect(must(await makeSurveyFollowUps(b.office, survey, 1, now))).toBe(3);
    // Pressing again makes nothing new.
    expect(must(await makeSurveyFollowUps(a.office, survey, 1, now))).toBe(0);

    await merge([a, b], ledgers);
    await compare([a, b], ledgers);
    for (const d of [a, b]) {
      expect(await d.office.db.tasks.count()).toBe(3);
      const view = await todayView(d.office.db, d.config.staffId!, now);
      expect(view.surveyTasks.map((t) => [t.unitCode, t.customerName])).toEqual([['1-1-102', '张伟'], ['2-1-101', '李娜'], ['2-1-102', '']]);
      expect(view.surveyNames[`${id}.1`]).toEqual({ survey: '年度满意度调查', wave: '第一轮' });
    }

    // B reaches 李娜 by phone and keys her answers; A skips the empty flat with a reason.
    must(await saveResponse(b.office, survey, 1, '2-1-101', 'phone', { q1: 3 }));
    const empty = (await todayView(a.office.db, 's1', now)).surveyTasks.find((t) => t.unitCode === '2-1-102')!;
    must(await finishTask(a.office, empty, 'skipped', '空置房，无人居住'));
    await merge([a, b], ledgers);
    for (const d of [a, b]) {
      expect((await todayView(d.office.db, d.config.staffId!, now)).surveyTasks.map((t) => t.unitCode)).toEqual(['1-1-102']);
      // Nothing was written into the tasks: the answer closes its task by existing.
      expect(await d.office.db.tasks.count()).toBe(3);
      expect(await d.office.db.taskResults.count()).toBe(1);
    }
    // Only the manager and the front desk make them.
    const [c] = openDevices(1);
    await staff(c.office, 's1', 'team');
    expect(await makeSurveyFollowUps(c.office, survey, 1, now)).toMatchObject({ ok: false, problems: [{ code: 'survey.error.followUpRole' }] });
  });
});
