import { describe, expect, it } from 'vitest';
import { defaultServiceSettings } from '../requests/settings';
import { staffFigures, type FigureFollowUp, type FigureRequest, type StaffFiguresInput } from './figures';

// Office time UTC+8: "2026-11-03 09:00" as the stored instant.
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const req = (p: Partial<FigureRequest> & { id: string }): FigureRequest => ({
  kind: 'repair', teamId: 'engineering', assigneeId: '', ownerId: 'desk', createdAt: at('2026-11-05 09:00'), doneAt: '', firstDoneAt: '', dueFinish: '',
  reopenCount: 0, validity: '', concernedIds: [], praisedIds: [], ...p,
});
const done = (when: string, due: string) => ({ doneAt: at(when), firstDoneAt: at(when), dueFinish: at(due) });

// 刘工 (liu) and 赵师傅 (zhao) of 工程组, 李娜 (desk) at the front desk. Every figure below is counted by hand.
const requests: FigureRequest[] = [
  req({ id: 'r1', assigneeId: 'liu', ...done('2026-11-05 12:00', '2026-11-05 17:00') }),
  req({ id: 'r2', assigneeId: 'liu', ...done('2026-11-06 18:00', '2026-11-06 12:00'), reopenCount: 1 }),
  req({ id: 'r3', assigneeId: 'liu', ...done('2026-11-07 10:00', '2026-11-07 12:00') }),
  req({ id: 'r4', assigneeId: 'zhao', ...done('2026-11-08 10:00', '2026-11-08 12:00') }),
  // Completed in October: not this period's.
  req({ id: 'r5', assigneeId: 'liu', createdAt: at('2026-10-20 09:00'), ...done('2026-10-21 10:00', '2026-10-21 12:00') }),
  // Taken in November, not yet done: owned by the desk, handled by nobody yet.
  req({ id: 'r6', assigneeId: 'liu' }),
  req({ id: 'p1', kind: 'praise', teamId: 'admin', praisedIds: ['liu', 'zhao'] }),
  req({ id: 'p2', kind: 'praise', teamId: 'admin', praisedIds: ['liu'] }),
  req({ id: 'c1', kind: 'complaint', teamId: 'admin', validity: 'valid', concernedIds: ['liu'] }),
  req({ id: 'c2', kind: 'dispute', teamId: 'security', validity: 'valid', concernedIds: ['liu', 'zhao'] }),
  // Found not valid: counts against nobody (the projection keeps no staff for it).
  req({ id: 'c3', kind: 'complaint', teamId: 'admin', validity: 'invalid', concernedIds: [] }),
  req({ id: 'c4', kind: 'complaint', teamId: 'admin', ownerId: 'liu' }),
];
const followups: FigureFollowUp[] = [
  { id: 'f1', requestId: 'r1', satisfaction: 5, at: at('2026-11-06 10:00') },
  { id: 'f2', requestId: 'r2', satisfaction: 2, at: at('2026-11-07 10:00') },
  { id: 'f3', requestId: 'r4', satisfaction: 4, at: at('2026-11-09 10:00') },
  { id: 'f4', requestId: 'r5', satisfaction: 1, at: at('2026-10-22 10:00') },
];
const input: StaffFiguresInput = {
  requests, followups,
  staff: [{ id: 'liu', name: '刘工', role: 'team', teamId: 'engineering' }, { id: 'zhao', name: '赵师傅', role: 'team', teamId: 'engineering' }, { id: 'desk', name: '李娜', role: 'reception' }],
  teams: defaultServiceSettings().teams, from: '2026-11', to: '2026-11', utcOffset: 480,
};

describe('each person\'s figures', () => {
  it('are refused to anyone but a manager, and for a period that is not one', () => {
    for (const role of ['reception', 'team', '']) {
      const r = staffFigures(input, role);
      expect(r.ok ? null : r.problems[0].code, role).toBe('staffFigures.error.managerOnly');
    }
    const bad = staffFigures({ ...input, from: '2026-12', to: '2026-11' }, 'manager');
    expect(bad.ok ? null : bad.problems[0].code).toBe('staffFigures.error.period');
  });

  it('equal the hand counts for 刘工, 赵师傅 and the desk, with the records behind each', () => {
    const r = staffFigures(input, 'manager');
    if (!r.ok) throw new Error('refused');
    const of = (id: string) => r.value.people.find((p) => p.key === id)!.figures;
    const liu = of('liu');
    expect(liu.handled).toMatchObject({ n: 3, ids: ['r1', 'r2', 'r3'] });
    expect(liu.onTime).toMatchObject({ n: 3, hits: 2, hitIds: ['r1', 'r3'] });
    expect(liu.satisfaction).toMatchObject({ n: 2, hits: 1, ids: ['r1', 'r2'], hitIds: ['r1'] });
    expect(liu.rework).toMatchObject({ n: 3, hits: 1, hitIds: ['r2'] });
    expect(liu.praise).toMatchObject({ n: 2, ids: ['p1', 'p2'] });
    expect(liu.validComplaints).toMatchObject({ n: 2, ids: ['c1', 'c2'] });
    expect(liu.owned).toMatchObject({ n: 1, ids: ['c4'] });
    const zhao = of('zhao');
    expect([zhao.handled.n, zhao.onTime.hits, zhao.satisfaction.hits, zhao.satisfaction.n, zhao.rework.hits, zhao.praise.n, zhao.validComplaints.n]).toEqual([1, 1, 1, 1, 0, 1, 1]);
    expect(of('desk').owned.n).toBe(10);
    // The team: its requests, and praise/complaints naming any member — once each.
    const eng = r.value.teams.find((t) => t.key === 'engineering')!.figures;
    expect([eng.handled.n, eng.onTime.hits, eng.satisfaction.n, eng.satisfaction.hits, eng.rework.hits, eng.praise.n, eng.validComplaints.n]).toEqual([4, 3, 3, 2, 1, 2, 2]);
    expect(eng.praise.ids).toEqual(['p1', 'p2']);
  });

  it('a two-month period takes October in too', () => {
    const r = staffFigures({ ...input, from: '2026-10' }, 'manager');
    if (!r.ok) throw new Error('refused');
    const liu = r.value.people.find((p) => p.key === 'liu')!.figures;
    expect([liu.handled.n, liu.satisfaction.n, liu.satisfaction.hits]).toEqual([4, 3, 1]);
  });
});
