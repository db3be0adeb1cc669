import { describe, expect, it } from 'vitest';
import { officeDay } from '../../src/domain/requests/work-time';
import { EMPTY_FILTER } from '../../src/domain/residents/filter';
import { DEFAULT_LABELS, type SurveyInput } from '../../src/domain/surveys/survey';
import { createCustomer } from '../../src/store/customers';
import type { Office } from '../../src/store/office-api';
import { savePlan } from '../../src/store/plans';
import { createNotice } from '../../src/store/notices';
import { noticeAudience, noticeRow } from '../../src/store/queries/notices';
import { serviceSettings } from '../../src/store/queries/settings';
import { surveyHouseholds } from '../../src/store/queries/surveys';
import { dueTasks } from '../../src/store/queries/tasks';
import { saveResidentList } from '../../src/store/residents';
import { createSurvey, readSurvey } from '../../src/store/surveys';
import { createUnit } from '../../src/store/units';
import { openDevices } from '../helpers/devices';

/**
 * A saved list (住户名单) chosen as the recipients of a plan and of a survey (issue 20, point 6):
 * the plan's tasks go to the list's customers only, the survey to their households only — the
 * same people a notice to that list reaches, and the list follows the directory (a newcomer who
 * fits is on it the next time).
 */
const must = <T,>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

async function estate(office: Office) {
  for (const code of ['2-1-101', '2-1-102', '3-1-101', '3-1-102', '3-1-201', '3-1-202'])
    must(await createUnit(office, { code, area: '90', use: 'residential', status: 'owner' }));
  const add = (name: string, unitCode: string, tags: string[] = []) => createCustomer(office, { name, phones: [], unitCode, tags, kind: 'owner' }).then(must);
  await add('王秀英', '3-1-101', ['独居老人']);
  await add('李桂兰', '3-1-102', ['独居', '老人']);
  await add('赵建国', '3-1-201', ['行动不便']);
  await add('孙强', '3-1-202');
  await add('钱芳', '2-1-101', ['独居老人']);
  await add('吴磊', '2-1-102');
}

const survey = (target: SurveyInput['target'], start: string): SurveyInput => ({
  title: '独居老人关怀回访', intro: '', levels: 5, satisfiedFrom: 4, questions: [{ type: 'scale', text: '总体', options: [...DEFAULT_LABELS[5]] }], target, firstWave: { label: '第一轮', start },
});

describe('a saved list as the recipients of plans and surveys', () => {
  it('a plan aimed at 3栋独居老人 makes tasks for its two customers only; a survey to it targets their two households only; both follow the directory', async () => {
    const [a] = openDevices(1);
    await estate(a.office);
    const cal = (await serviceSettings(a.office.db)).calendar;
    const today = officeDay(new Date(), cal);
    const listId = must(await saveResidentList(a.office, null, '3栋独居老人', { ...EMPTY_FILTER, buildings: ['3'], needs: ['elderlyAlone'] }));

    const planId = must(await savePlan(a.office, null, {
      name: '独居老人月度电话', group: { kinds: [], buildings: [], tags: [], grades: [], complaintSince: '', listId }, recurrence: { every: 'month', day: 1 },
      start: today, ownerId: '', teamId: '', templateId: '', active: true,
    }));
    const plan = await a.office.db.plans.get(planId);
    expect(plan?.group).toMatchObject({ listId, listName: '3栋独居老人' });
    const planNames = async () => [...new Set((await dueTasks(a.office.db, today, cal, 62)).filter((t) => t.ref === planId).map((t) => t.customerName))].sort();
    expect(await planNames()).toEqual(['李桂兰', '王秀英'].sort());

    const surveyId = must(await createSurvey(a.office, survey({ kind: 'list', listId, listName: '' }, today)));
    const s = (await readSurvey(a.office, surveyId))!;
    expect(s.target).toEqual({ kind: 'list', listId, listName: '3栋独居老人' });
    expect(await surveyHouseholds(a.office.db, s)).toEqual(['3-1-101', '3-1-102']);

    // The same people a notice to the list reaches: one resolver.
    const noticeId = must(await createNotice(a.office, {
      kind: 'water', title: '3栋停水', body: '停水', audience: { scope: 'list', buildings: [], uses: [], listId, listName: '' }, callNeeds: [], from: today, to: today,
    }));
    const told = await noticeAudience(a.office.db, (await noticeRow(a.office.db, noticeId))!, Number(today.slice(0, 4)));
    expect(told.audience.map((c) => c.name).sort()).toEqual(await planNames());

    // A newcomer of building 3 tagged 独居老人 is on the list the next time; nobody else joins.
    must(await createUnit(a.office, { code: '3-1-301', area: '90', use: 'residential', status: 'owner' }));
    must(await createCustomer(a.office, { name: '刘淑珍', phones: [], unitCode: '3-1-301', tags: ['独居老人'], kind: 'owner' }));
    expect(await planNames()).toEqual(['刘淑珍', '李桂兰', '王秀英'].sort());
    expect(await surveyHouseholds(a.office.db, s)).toEqual(['3-1-101', '3-1-102', '3-1-301']);
  });

  it('a plan or a survey naming a list this tablet does not hold is refused with a reason', async () => {
    const [a] = openDevices(1);
    const today = officeDay(new Date(), (await serviceSettings(a.office.db)).calendar);
    const plan = await savePlan(a.office, null, {
      name: '名单计划', group: { kinds: [], buildings: [], tags: [], grades: [], complaintSince: '', listId: 'nope' }, recurrence: { every: 'month', day: 1 },
      start: today, ownerId: '', teamId: '', templateId: '', active: true,
    });
    expect(plan.ok ? [] : plan.problems.map((p) => p.code)).toEqual(['plan.error.noList']);
    const s = await createSurvey(a.office, survey({ kind: 'list', listId: 'nope', listName: '' }, today));
    expect(s.ok ? [] : s.problems.map((p) => p.code)).toEqual(['survey.error.noList']);
  });
});
