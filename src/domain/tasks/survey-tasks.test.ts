import { describe, expect, it } from 'vitest';
import { plainAfter } from '../plain.fixture';
import { projectResponse, recordResponse } from '../surveys/response';
import { createSurvey, DEFAULT_LABELS, surveyFromRecord } from '../surveys/survey';
import { makeSurveyTasks, openSurveyTasks, responseOfTask, surveyFollowUpTasks, surveyOfTask, type SurveyHousehold } from './survey-tasks';
import { finishTask, projectTask } from './task';

const ctx = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T08:00:00.000Z' };
const ctxB = { actor: { staffId: 's2', name: '李娜', deviceCode: 'B' }, now: '2026-11-23T09:30:00.000Z' };

function survey() {
  const made = createSurvey({
    title: '年度满意度调查', intro: '', levels: 5, satisfiedFrom: 4, questions: [{ type: 'scale', text: '总体', options: DEFAULT_LABELS[5] }],
    target: { kind: 'all' }, firstWave: { label: '第一轮', start: '2026-11-01' },
  }, ctx, 'sv1');
  return surveyFromRecord('sv1', plainAfter(made, 'surveys', 'sv1'));
}

const households: SurveyHousehold[] = [
  { unitCode: '1-1-101', customerId: 'c1', name: '张伟', consent: true },
  { unitCode: '1-1-102', customerId: '', name: '', consent: true },
  { unitCode: '2-1-101', customerId: 'c3', name: '李娜', consent: true },
  { unitCode: '2-1-102', customerId: 'c4', name: '王强', consent: false },
];

function answer(unitCode: string) {
  const made = recordResponse(survey(), 1, unitCode, 'phone', { q1: 4 }, ctx, false);
  if (!made.ok) throw new Error('refused');
  return projectResponse(made.value.id, plainAfter(made, 'responses', made.value.id));
}

describe('survey follow-up tasks', () => {
  it('one per household that did not answer, in building and unit order, with ids that are a function of what they are', () => {
    const answered = [answer('2-1-101')];
    const a = surveyFollowUpTasks(survey(), 1, households, answered, new Set(), '2026-11-23');
    expect(a.map((t) => t.id)).toEqual(['survey:sv1.1:1-1-101:2026-11-23', 'survey:sv1.1:1-1-102:2026-11-23']);
    expect(a[0]).toMatchObject({ source: 'survey', ref: 'sv1.1', customerId: 'c1', customerName: '张伟', unitCode: '1-1-101', due: '2026-11-23' });
    // The same on another tablet, at another hour of the day: the same records, field for field.
    const b = surveyFollowUpTasks(survey(), 1, households, answered, new Set(), '2026-11-23');
    expect(b).toEqual(a);
    const sets = (r: ReturnType<typeof makeSurveyTasks>) => (r.ok ? r.value.flatMap((c) => c.ops.filter((o) => o.kind === 'set')) : []);
    expect(sets(makeSurveyTasks(a, 'manager', ctx))).toEqual(sets(makeSurveyTasks(b, 'reception', ctxB)));
    // Projected back, a survey task keeps its source; it points to its survey, wave and response.
    const row = projectTask(a[0].id, plainAfter(makeSurveyTasks(a, 'manager', ctx), 'tasks', a[0].id));
    expect(row).toEqual(a[0]);
    expect(surveyOfTask(row)).toEqual({ surveyId: 'sv1', wave: 1 });
    expect(responseOfTask(row)).toBe('sv1~1~1-1-101');
  });

  it('makes nothing for households already holding a follow-up of the wave, nor for an unknown wave; only the manager and the front desk make them', () => {
    expect(surveyFollowUpTasks(survey(), 1, households, [], new Set(['1-1-101', '1-1-102', '2-1-101']), '2026-11-24')).toEqual([]);
    expect(surveyFollowUpTasks(survey(), 2, households, [], new Set(), '2026-11-24')).toEqual([]);
    expect(makeSurveyTasks([], 'team', ctx)).toMatchObject({ ok: false, problems: [{ code: 'survey.error.followUpRole' }] });
  });

  it('a household answering later closes its task without an edit of the task; a skip still closes it; one per household across tablets', () => {
    const tasks = surveyFollowUpTasks(survey(), 1, households, [], new Set(), '2026-11-23');
    expect(openSurveyTasks(tasks, new Set(), new Set()).map((t) => t.unitCode)).toEqual(['1-1-101', '1-1-102', '2-1-101']);
    // 1-1-101 answers by phone: its response exists, its task is no longer open.
    const responded = new Set([answer('1-1-101').id]);
    expect(openSurveyTasks(tasks, new Set(), responded).map((t) => t.unitCode)).toEqual(['1-1-102', '2-1-101']);
    // 2-1-101 is skipped with a reason: the result is its own record, as for any task.
    const skip = finishTask(tasks[2], 'skipped', '住户长期不在', ctx);
    expect(skip.ok && skip.value.ops[0]).toMatchObject({ collection: 'taskResults', id: tasks[2].id });
    expect(openSurveyTasks(tasks, new Set([tasks[2].id]), responded).map((t) => t.unitCode)).toEqual(['1-1-102']);
    // A second tablet pressed the button offline the next day: the household still shows once,
    // the earlier task, and a result on either closes both.
    const later = surveyFollowUpTasks(survey(), 1, households, [], new Set(), '2026-11-24');
    const both = [...later, ...tasks];
    expect(openSurveyTasks(both, new Set(), new Set()).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
    expect(openSurveyTasks(both, new Set([later[1].id]), new Set()).map((t) => t.unitCode)).toEqual(['1-1-101', '2-1-101']);
  });
});
