import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../src/domain/shards';
import { COLLECTIONS, collectionSpec, projectionSchema } from '../../src/store/collections';
import { DB_VERSION } from '../../src/store/db';

/**
 * The registry's guard rails. A device rebuilds a collection's projection only when that
 * collection's `version` changes, and upgrades its IndexedDB only when DB_VERSION changes; a
 * forgotten bump would leave devices that synced first with stale rows or missing indexes,
 * silently. So this file records what each version produced, and fails when the output moved
 * under the same number. (Both records are `Record<CollectionName, …>`: a new collection
 * without its sample and fingerprint does not compile.)
 */

/** One representative stored record per collection (the plain JSON of its Y.Map). */
const SAMPLES: Record<CollectionName, Record<string, unknown>> = {
  settings: { name: '服务设置', teams: [{ id: 't1', name: '维修班' }], history: [{ at: '2026-11-01T08:00:00.000Z', by: 's1', action: 'x' }] },
  staff: { name: '王丽', role: 'manager', teamId: 't1', createdAt: '2026-11-01T08:00:00.000Z' },
  customers: {
    name: '欧阳娜娜', kind: 'owner', phones: ['13812345678'], unitCode: '3-2-1101', units: [{ code: '5-1-302', relation: 'tenant' }],
    idNumber: '110101199003074514', tags: ['独居老人'], grade: 'A', householdOf: '', updatedAt: '2026-11-02T08:00:00.000Z',
    dates: [{ kind: 'birthday', calendar: 'lunar', month: 8, day: 15, leap: false }], notes: '喜欢早上来电', history: [],
  },
  units: { code: '3-2-1101', area: 98.5, use: 'residential', status: 'owner' },
  contacts: { customerId: 'c1', unitCode: '3-2-1101', channel: 'phone', at: '2026-11-03T08:00:00.000Z', by: 's1', byName: '王丽', summary: '生日问候', requestId: '' },
  requests: {
    number: 'BX-2611-A-001', kind: 'repair', category: 'water', urgency: 'urgent', channel: 'phone', customerId: 'c1', customerName: '欧阳娜娜',
    unitCode: '3-2-1101', phone: '13812345678', description: '厨房漏水', status: 'dispatched', teamId: 't1', assigneeId: 's2', ownerId: 's1',
    createdAt: '2026-11-03T08:00:00.000Z', due: { respond: '2026-11-03T08:30:00.000Z', finish: '2026-11-03T12:00:00.000Z', reportBack: '' },
    reopenCount: 1, history: [{ at: '2026-11-03T08:00:00.000Z', by: 's1', byName: '王丽', action: 'request.taken' }],
  },
  templates: { kind: 'letter', name: '生日贺信', body: '尊敬的{{称呼}}：祝您生日快乐！{{管理处}}', version: 2, history: [] },
  plans: { name: '独居老人月度电话', group: { kinds: [], buildings: [], tags: ['独居老人'], grades: [], complaintSince: '' }, recurrence: { every: 'month', day: 1 }, start: '2026-11-01', ownerId: 's1', teamId: '', templateId: '', active: true, history: [] },
  answers: { category: '维修', title: '漏水报修', wording: '请拨打前台电话', version: 1, effective: '2026-01-01', review: '2027-01-01', keeperId: 's1', keeperName: '王丽', synonyms: ['渗水'], history: [{ at: '2026-11-03T08:00:00.000Z', by: 's1', byName: '王丽', action: 'answer.used' }] },
  tasks: { source: 'plan', ref: 'p1', customerId: 'c1', customerName: '欧阳娜娜', unitCode: '3-2-1101', due: '2026-12-01', occursOn: '2026-12-01', dateKind: '', templateId: '', ownerId: 's1', teamId: '', basis: '', resets: 0, history: [] },
  taskResults: { outcome: 'skipped', reason: '住院', at: '2026-12-01T08:00:00.000Z', by: 's1', byName: '王丽', history: [] },
  events: {
    kind: 'seminar', status: 'held', title: '第四季度客户座谈会', purpose: '听取意见', scope: 'topic', topic: '停车', startsAt: '2026-12-12T09:30', place: '会所',
    groups: { buildings: ['3'], kinds: [], tags: [] }, createdAt: '2026-12-01T08:00:00.000Z', notes: '开场', history: [],
  },
  eventItems: { eventId: 'e1', kind: 'agenda', order: 1, title: '物业费通报', ownerId: '', done: false, minutes: '通报收支', history: [] },
  attendance: { eventId: 'e1', customerId: 'c1', name: '欧阳娜娜', unitCode: '3-2-1101', invite: 'confirmed', presence: 'proxy', walkIn: 0, proxyName: '女儿' },
  remarks: { eventId: 'e1', customerId: 'c1', customerName: '欧阳娜娜', unitCode: '3-2-1101', topic: '停车', kind: 'complaint', text: '车位被占', status: 'open', reason: '', requestId: 'r1', requestNumber: 'TS-2612-A-001', createdAt: '2026-12-12T02:00:00.000Z' },
  papers: { form: 'sign-in', ref: 'events/e1', title: '签到表', year: 2026, printedAt: '2026-12-11T08:00:00.000Z', receivedAt: '2026-12-12T08:00:00.000Z', box: '' },
  followups: { requestId: 'r1', requestNumber: 'BX-2611-A-001', kind: 'repair', customerId: 'c1', customerName: '欧阳娜娜', unitCode: '3-2-1101', method: 'phone', satisfaction: 5, comment: '很好', at: '2026-11-04T08:00:00.000Z', by: 's1' },
  // Surveys and the indicator dashboard
  surveys: {
    title: '2026年第四季度满意度调查', intro: '', levels: 7, satisfiedFrom: 5, target: { kind: 'building', buildings: ['3'] },
    questions: [{ id: 'q1', type: 'scale', text: '总体满意度', options: ['1', '2', '3', '4', '5', '6', '7'] }, { id: 'q2', type: 'text', text: '意见', options: [] }],
    waves: [{ n: 1, label: '第一轮', start: '2026-11-01' }], createdAt: '2026-11-01T08:00:00.000Z', createdBy: 's1', history: [],
  },
  responses: { surveyId: 'sv1', wave: 1, unitCode: '3-2-1101', channel: 'paper', at: '2026-11-05T08:00:00.000Z', by: 's1', 'a.q1': 3, 't.q1': 'scale', 'a.q2': '电梯太慢', 't.q2': 'text', history: [] },
  reports: { period: '2026-11', label: 'MR-2611-A-1', printedAt: '2026-12-01T08:00:00.000Z', printedByName: '王丽', figures: [], history: [] },
};

/** What each collection's projection version produced from its sample (sha256, 12 hex). */
const PROJECTIONS: Record<CollectionName, { version: number; row: string }> = {
  settings: { version: 1, row: '2a0e4466f670' },
  staff: { version: 1, row: '4eea17d267a2' },
  customers: { version: 5, row: '1e6b5b68c604' },
  units: { version: 2, row: '3fd761b46e08' },
  contacts: { version: 1, row: 'fa9879f9ea90' },
  requests: { version: 4, row: 'b994f1b3c185' },
  followups: { version: 1, row: '939dc003c8b3' },
  templates: { version: 1, row: '28924899e147' },
  plans: { version: 1, row: '4bece45f6fd5' },
  answers: { version: 1, row: '24e604b21357' },
  tasks: { version: 2, row: '33ffcf916921' },
  taskResults: { version: 1, row: '36cb533ed2c6' },
  events: { version: 1, row: 'b7fa71eb38b6' },
  eventItems: { version: 1, row: 'e1cc8237ea54' },
  attendance: { version: 1, row: '12ab4e915133' },
  remarks: { version: 1, row: '27138cb33f95' },
  papers: { version: 1, row: '3f3dc9d1a93d' },
  // Surveys and the indicator dashboard
  surveys: { version: 1, row: 'ead7b8f4dc07' },
  responses: { version: 1, row: 'a6be5d3df322' },
  reports: { version: 1, row: 'f325072ccd8c' },
};

/** The schema each database version was built with (sha256 of the index specs, 12 hex). */
const SCHEMAS: Record<number, string> = {
  6: '15cb82ca62ed',
  7: '21e391314de2',
  8: 'c7b0c63a0c97',
  // 9: the same projection tables, plus `figurePacks` (not a collection: 统计's rows by month).
  9: 'c7b0c63a0c97',
};

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

describe('collection registry', () => {
  it('declares every collection of the domain', () => {
    expect(Object.keys(COLLECTIONS).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it.each(COLLECTION_NAMES)('%s: a changed projection comes with a new version', async (name) => {
    const spec = collectionSpec(name);
    await spec.prepare?.();
    const row = digest(spec.row('id-1', SAMPLES[name]));
    const recorded = PROJECTIONS[name];
    const hint = `projection of "${name}" is version ${spec.version} and produces ${row}; if you changed what it produces, bump its version in src/store/collections.ts, then record { version: ${spec.version}, row: '${row}' } here`;
    expect({ version: spec.version, row }, hint).toEqual(recorded);
  });

  it('a changed schema comes with a new database version', () => {
    const schema = digest(projectionSchema());
    expect(SCHEMAS[DB_VERSION], `the schema of DB_VERSION ${DB_VERSION} is ${schema}; if you changed indexes, bump DB_VERSION in src/store/db.ts and record ${DB_VERSION + 1}: '${schema}' here`).toBe(schema);
  });
});
