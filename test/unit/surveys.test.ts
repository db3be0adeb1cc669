import { describe, expect, it } from 'vitest';
import { dashboardModel } from '../../src/domain/indicators/dashboard';
import { ledgerShardAt } from '../../src/domain/shards';
import { DEFAULT_LABELS, type SurveyInput } from '../../src/domain/surveys/survey';
import { merge, openDevice, type Device } from '../helpers/devices';
import { indicatorInput } from '../../src/store/queries/indicators';
import { responsesOf } from '../../src/store/queries/surveys';
import { freezeReport, readReport } from '../../src/store/reports';
import { createSurvey, readSurvey, requestFromResponse, saveResponse } from '../../src/store/surveys';

/** A tablet of the office (its own IndexedDB), staff `s-<code>`: the shared device harness. */
function device(deviceCode: string, officeId?: string): Device {
  return openDevice({ officeId, deviceCode, staffId: `s-${deviceCode}`, staffName: `员工${deviceCode}` });
}

const year = new Date().getUTCFullYear();
const month = new Date().toISOString().slice(0, 7);
const input: SurveyInput = {
  title: '满意度调查', intro: '', levels: 5, satisfiedFrom: 4,
  questions: [{ type: 'scale', text: '总体', options: DEFAULT_LABELS[5] }, { type: 'text', text: '意见', options: [] }],
  target: { kind: 'all' }, firstWave: { label: '第一轮', start: `${year}-01-01` },
};

describe('survey answers keyed in on two tablets offline', () => {
  it('keep every household of both, and feed the survey satisfaction figure', async () => {
    const da = device('A');
    const db = device('B', da.config.officeId);
    const [a, b] = [da.store, db.store];
    const made = await createSurvey(a, input);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    await merge([da, db], ['office']);
    const survey = (await readSurvey(b, made.value))!;
    // A keys in building 1, B building 2, at the same time, neither online.
    for (let i = 0; i < 5; i++) {
      expect((await saveResponse(a, survey, 1, `1-1-10${i}`, 'paper', { q1: i < 4 ? 5 : 2 })).ok).toBe(true);
      expect((await saveResponse(b, survey, 1, `2-1-10${i}`, 'phone', { q1: 3, q2: i === 0 ? '楼道灯坏了' : '' })).ok).toBe(true);
    }
    await merge([da, db], [`ledger-${year}-01`]);
    for (const d of [a, b]) expect((await responsesOf(d.db, survey.id, 1)).map((r) => r.unitCode).sort()).toHaveLength(10);
    const model = dashboardModel(await indicatorInput(a.db, month), month);
    // 4 of 10 answers at 4 or 5.
    expect(model.indicators.find((i) => i.id === 'satisfactionSurveys')).toMatchObject({ numerator: 4, denominator: 10, value: 40, status: 'red' });

    // The unsatisfied answer with a comment became a service request on B as it was saved: a
    // complaint about the stairwell light, linked both ways; asking again makes no second one.
    const row = (await a.db.responses.get(`${survey.id}~1~2-1-100`))!;
    expect(row.requestId).not.toBe('');
    const made2 = await b.db.requests.get(row.requestId);
    expect(made2).toMatchObject({ kind: 'complaint', category: 'other', unitCode: '2-1-100' });
    expect(await b.read(ledgerShardAt(new Date().toISOString()), 'requests', row.requestId)).toMatchObject({ channel: 'survey', sourceSurveyId: survey.id, sourceResponseId: row.id });
    const again = await requestFromResponse(a, survey, row);
    expect(again).toMatchObject({ ok: false, problems: [{ code: 'survey.error.alreadyRequest' }] });
    // A correction of one household keeps the one record, with a history line per entry.
    await saveResponse(a, survey, 1, '1-1-104', 'door', { q1: 4 });
    const rec = await a.read(`ledger-${year}-01`, 'responses', `${survey.id}~1~1-1-104`);
    expect(rec).toMatchObject({ 'a.q1': 4, channel: 'door' });
    expect((rec!.history as { action: string }[]).map((h) => h.action)).toEqual(['history.created', 'history.updated']);
  });
});

describe('monthly report snapshots', () => {
  it('keep the figures as printed, labelled per device, readable after the records change', async () => {
    const a = device('A').store;
    const content = {
      period: month, filters: {}, trend: [], times: [], worst: [], surveys: [],
      figures: [{ id: 'rework' as const, numerator: 1, denominator: 50, value: 2, target: 2, status: 'green' as const }],
    };
    const first = await freezeReport(a, content);
    const second = await freezeReport(a, { ...content, figures: [{ ...content.figures[0], numerator: 2, value: 4, status: 'red' }] });
    if (!first.ok || !second.ok) throw new Error('refused');
    const yymm = month.slice(2, 4) + month.slice(5, 7);
    expect([first.value.label, second.value.label]).toEqual([`MR-${yymm}-A-1`, `MR-${yymm}-A-2`]);
    const snap = await readReport(a, first.value.id);
    expect(snap).toMatchObject({ label: `MR-${yymm}-A-1`, period: month, printedByName: '员工A', figures: [{ id: 'rework', value: 2 }] });
  });
});
