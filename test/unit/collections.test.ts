import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../src/domain/shards';
import { COLLECTIONS, collectionSpec } from '../../src/store/collections';
import { databaseSchema, DB_VERSION } from '../../src/store/db';
import { formatSnapshot, snapshotFile, snapshotOf, snapshotProblems } from '../helpers/schema-snapshots';
import { useScratch } from '../helpers/scratch';

/**
 * The registry's guard rails. A device rebuilds a collection's projection only when that
 * collection's `version` changes, and upgrades its IndexedDB only when DB_VERSION changes; a
 * forgotten bump would leave devices that synced first with stale rows or missing indexes,
 * silently. So this file records what each version produced, and fails when the output moved
 * under the same number: projection rows as digests here, the schema as readable files in
 * `schema/` (one per DB_VERSION, frozen once committed). (Both records are `Record<CollectionName, …>`: a new collection
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
  // Moves (issue 20)
  tenures: { customerId: 'c1', customerName: '欧阳娜娜', unitCode: '3-2-1101', role: 'tenant', from: '2026-01-01', to: '2026-11-30', leaseEnd: '2026-12-31', endReason: 'moveOut', moveOut: { keysReturned: 3, readings: { water: '12', electricity: '345', gas: '6' }, openRequests: ['BX-2611-A-001'] }, history: [] },
  handovers: { number: 'RH-2612-A-001', unitCode: '3-2-1101', customerId: 'c1', customerName: '欧阳娜娜', role: 'owner', day: '2026-12-01', documents: [{ name: '管理规约', signed: true }], keys: 4, readings: { water: '1', electricity: '2', gas: '' }, defects: [{ text: '墙面开裂', requestId: 'r1', requestNumber: 'BX-2612-A-001' }], createdAt: '2026-12-01T08:00:00.000Z', history: [] },
  renovations: { number: 'ZH-2612-A-001', unitCode: '3-2-1101', customerId: 'c1', customerName: '欧阳娜娜', contractor: '好家装饰', workers: 4, start: '2026-12-01', end: '2027-01-31', scope: '厨卫改造', deposit: 2000, inspectEvery: 7, status: 'approved', lastInspection: '2026-12-08', createdAt: '2026-11-28T08:00:00.000Z', history: [] },
  renovationChecks: { renovationId: 'rn1', renovationAt: '2026-11-28T08:00:00.000Z', day: '2026-12-08', findings: '未按时段施工', problem: true, requestId: 'r2', requestNumber: 'BX-2612-A-002', byName: '王丽', createdAt: '2026-12-08T08:00:00.000Z' },
  // Notices, incidents and lists of the people who live here (issue 20)
  residentLists: { name: '3栋独居老人', filter: { buildings: ['3'], needs: ['elderlyAlone'] }, history: [] },
  notices: {
    kind: 'water', title: '停水通知', body: '因管网检修……', audience: { scope: 'buildings', buildings: ['3'], uses: [], listId: '', listName: '' }, callNeeds: ['elderlyAlone'],
    from: '2026-12-07', to: '2026-12-08', createdAt: '2026-12-06T08:00:00.000Z', createdBy: 's1', createdByName: '王丽', history: [],
  },
  noticeTellings: { noticeId: 'n1', noticeCreatedAt: '2026-12-06T08:00:00.000Z', customerId: 'c1', customerName: '欧阳娜娜', unitCode: '3-2-1101', channel: 'phone', at: '2026-12-06T09:00:00.000Z', by: 's1', byName: '王丽' },
  incidents: {
    kind: 'power', title: '2栋停电', buildings: ['2'], startsAt: '2026-12-07T09:00', endsAt: '', script: '供电局抢修中', answerId: 'a1', answerVersion: 1, status: 'open',
    createdAt: '2026-12-07T01:00:00.000Z', createdBy: 's1', createdByName: '王丽', history: [],
  },
  incidentCalls: { incidentId: 'i1', incidentCreatedAt: '2026-12-07T01:00:00.000Z', customerId: 'c1', name: '欧阳娜娜', unitCode: '2-1-302', phone: '13812345678', at: '2026-12-07T01:10:00.000Z', by: 's1', byName: '王丽' },
  // Corrective and preventive actions and the monthly major-case review (issue 21)
  actions: {
    kind: 'corrective', sourceRef: 'requests/r1', sourceLabel: 'TS-2611-A-001', cause: '保洁排班漏项', action: '增加周末巡查', teamId: 't2', teamName: '环境组', ownerId: 's3', ownerName: '李强',
    due: '2026-11-20', doneAt: '2026-11-18T08:00:00.000Z', doneNote: '已排班', verdict: '', redoCount: 1, createdAt: '2026-11-10T08:00:00.000Z', createdByName: '王丽', history: [],
  },
  reviews: { month: '2026-11', heldOn: '2026-11-30', place: '会议室', hostName: '王丽', recorderName: '陈晨', summary: '加强巡查', 'att:s1': '王丽', 'att:s2': '', createdAt: '2026-11-30T08:00:00.000Z', history: [] },
};

/** What each collection's projection version produced from its sample (sha256, 12 hex). */
const PROJECTIONS: Record<CollectionName, { version: number; row: string }> = {
  settings: { version: 1, row: '2a0e4466f670' },
  staff: { version: 1, row: '4eea17d267a2' },
  customers: { version: 7, row: 'dba8e1c2cbd8' },
  units: { version: 2, row: '3fd761b46e08' },
  contacts: { version: 1, row: 'fa9879f9ea90' },
  requests: { version: 5, row: '6cffba2966e8' },
  followups: { version: 1, row: '939dc003c8b3' },
  templates: { version: 1, row: '28924899e147' },
  plans: { version: 2, row: '822a8ba94b3a' },
  answers: { version: 1, row: '24e604b21357' },
  tasks: { version: 2, row: '33ffcf916921' },
  taskResults: { version: 1, row: '36cb533ed2c6' },
  events: { version: 1, row: 'b7fa71eb38b6' },
  eventItems: { version: 1, row: 'e1cc8237ea54' },
  attendance: { version: 1, row: '12ab4e915133' },
  remarks: { version: 1, row: '27138cb33f95' },
  papers: { version: 3, row: '7e85d7011352' },
  // Surveys and the indicator dashboard
  surveys: { version: 1, row: 'ead7b8f4dc07' },
  responses: { version: 1, row: 'a6be5d3df322' },
  reports: { version: 1, row: 'f325072ccd8c' },
  // Moves (issue 20)
  tenures: { version: 1, row: '5106eeb24b94' },
  handovers: { version: 1, row: '74d134f46c69' },
  renovations: { version: 2, row: '11b9024de134' },
  renovationChecks: { version: 1, row: '1993880d6457' },
  // Notices, incidents and lists of the people who live here (issue 20)
  residentLists: { version: 1, row: '81fa4a192af7' },
  notices: { version: 1, row: '0aad9dd6b630' },
  noticeTellings: { version: 1, row: 'c1734e33a9b5' },
  incidents: { version: 1, row: '2103e3c48c67' },
  incidentCalls: { version: 1, row: '2a4b22a1eec7' },
  // Corrective and preventive actions and the monthly major-case review (issue 21)
  actions: { version: 1, row: '802492942739' },
  reviews: { version: 1, row: '5ffc33fe9104' },
};

/** Readable snapshots of each database version's schema (v8 is the first kept as text; 6 and 7 were digests). */
const SCHEMA_DIR = path.resolve('test/unit/schema');
const FIRST_SNAPSHOT = 8;

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

  it('a changed schema comes with a new database version, and a committed version never changes', () => {
    const file = snapshotFile(SCHEMA_DIR, DB_VERSION);
    if (process.env.LINLI_WRITE_SCHEMA && !fs.existsSync(file)) fs.writeFileSync(file, formatSnapshot(snapshotOf(DB_VERSION, databaseSchema())));
    expect(snapshotProblems(SCHEMA_DIR, FIRST_SNAPSHOT, DB_VERSION, databaseSchema())).toEqual([]);
  });
});

describe('schema snapshots (checked on a scratch repository)', () => {
  const scratch = useScratch('schema-');
  let repo = '';
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
  const v8 = { customers: 'id, name', meta: 'key' };

  function released(): string {
    repo = scratch();
    git('init', '-q');
    fs.writeFileSync(snapshotFile(repo, 8), formatSnapshot(snapshotOf(8, v8)));
    git('add', '.');
    git('commit', '-qm', 'v8');
    return repo;
  }

  it('reads as one table per line', () => {
    expect(formatSnapshot(snapshotOf(8, { meta: 'key', customers: 'id, name' }))).toBe('{\n  "version": 8,\n  "tables": {\n    "customers": "id, name",\n    "meta": "key"\n  }\n}\n');
  });

  it('passes a released version left alone, and a new version written beside it', () => {
    const dir = released();
    expect(snapshotProblems(dir, 8, 8, v8)).toEqual([]);
    const v9 = { ...v8, customers: 'id, name, *terms' };
    fs.writeFileSync(snapshotFile(dir, 9), formatSnapshot(snapshotOf(9, v9)));
    expect(snapshotProblems(dir, 8, 9, v9)).toEqual([]);
  });

  it('fails an index added under the same version, whether or not the snapshot was re-pinned, and a missing file', () => {
    const dir = released();
    const changed = { ...v8, customers: 'id, name, *terms' };
    expect(snapshotProblems(dir, 8, 8, changed)).toEqual([expect.stringMatching(/^v8\.json is not the schema of DB_VERSION 8/)]);
    // Re-pinned in the working tree…
    fs.writeFileSync(snapshotFile(dir, 8), formatSnapshot(snapshotOf(8, changed)));
    expect(snapshotProblems(dir, 8, 8, changed)).toEqual([expect.stringMatching(/^v8\.json differs from its committed text/)]);
    // …and committed: still refused, by its history.
    git('commit', '-qam', 're-pin v8');
    expect(snapshotProblems(dir, 8, 8, changed)).toEqual([expect.stringMatching(/^v8\.json was changed after it was committed \(\w+ re-pin v8\)/)]);
    expect(snapshotProblems(dir, 8, 9, changed)).toContainEqual(expect.stringMatching(/^v9\.json is missing/));
  });
});
