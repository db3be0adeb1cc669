import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardModel } from '../../src/domain/indicators/dashboard';
import { newId } from '../../src/domain/ids';
import { ledgerShardAt } from '../../src/domain/shards';
import { DEFAULT_LABELS, type SurveyInput } from '../../src/domain/surveys/survey';
import { OfficeStore } from '../../src/store/office-store';
import { indicatorInput } from '../../src/store/queries/indicators';
import { responsesOf } from '../../src/store/queries/surveys';
import { freezeReport, readReport } from '../../src/store/reports';
import { createSurvey, readSurvey, requestFromResponse, saveResponse } from '../../src/store/surveys';

const opened: OfficeStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

function device(officeId: string, deviceCode: string): OfficeStore {
  const store = new OfficeStore({ officeId, officeName: '', relayUrl: 'ws://unused', token: 't', deviceCode, staffId: `s-${deviceCode}`, staffName: `员工${deviceCode}` }, { offline: true });
  opened.push(store);
  return store;
}

const year = new Date().getUTCFullYear();
const month = new Date().toISOString().slice(0, 7);
const input: SurveyInput = {
  title: '满意度调查', intro: '', levels: 5, satisfiedFrom: 4,
  questions: [{ type: 'scale', text: '总体', options: DEFAULT_LABELS[5] }, { type: 'text', text: '意见', options: [] }],
  target: { kind: 'all' }, firstWave: { label: '第一轮', start: `${year}-01-01` },
};

async function merge(a: OfficeStore, b: OfficeStore, shard: string) {
  const [da, db] = [(await a.shard(shard as never)).doc, (await b.shard(shard as never)).doc];
  Y.applyUpdate(db, Y.encodeStateAsUpdate(da));
  Y.applyUpdate(da, Y.encodeStateAsUpdate(db));
  await (await a.shard(shard as never)).flushed();
  await (await b.shard(shard as never)).flushed();
}

describe('survey answers keyed in on two tablets offline', () => {
  it('keep every household of both, and feed the survey satisfaction figure', async () => {
    const office = newId();
    const a = device(office, 'A');
    const b = device(office, 'B');
    const made = await createSurvey(a, input);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    await merge(a, b, 'office');
    const survey = (await readSurvey(b, made.value))!;
    // A keys in building 1, B building 2, at the same time, neither online.
    for (let i = 0; i < 5; i++) {
      expect((await saveResponse(a, survey, 1, `1-1-10${i}`, 'paper', { q1: i < 4 ? 5 : 2 })).ok).toBe(true);
      expect((await saveResponse(b, survey, 1, `2-1-10${i}`, 'phone', { q1: 3, q2: i === 0 ? '楼道灯坏了' : '' })).ok).toBe(true);
    }
    await merge(a, b, `ledger-${year}-01`);
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
    const a = device(newId(), 'A');
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
