import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { picturesOf } from '../attachments/picture';
import { customerFromRecord } from '../customers/customer';
import { applyToPlain, commandsOf, type PlainRecords } from '../plain.fixture';
import type { Result } from '../result';
import { categoriesFor, defaultServiceSettings } from '../requests/settings';
import { attachDefectPicture, handoverFromRecord, recordHandover, type HandoverInput } from './handover';
import { applyRenovation, attachFindingPicture, checkFromRecord, decideRenovation, recordInspection, renovationFromRecord, submitRenovation } from './renovation';

/**
 * Pictures where moves need them (issue 20's last paragraph, with issue 19's attachments): a
 * defect's photos on the handover AND on the warranty request made from it, an inspection's
 * photos on the inspection AND on its rectification request — the same references (same hash),
 * never a copy of the bytes.
 */
const ctx = (now = '2026-12-07T02:00:00.000Z'): CommandContext => ({ actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now });
const today = '2026-12-07';
const settings = defaultServiceSettings();
const repair = categoriesFor(settings, 'repair')[0].id;
const sha = (c: string) => c.repeat(64);
const photo = (c: string, t: string) => ({ sha256: sha(c), mime: 'image/webp', bytes: 120_000, width: 1600, height: 1200, thumb: sha(t) });
const codes = (r: Result<unknown>) => (r.ok ? [] : r.problems.map((p) => p.code));

function world(): PlainRecords {
  return new Map([
    ['customers/new', { name: '李娜', kind: 'owner', phones: ['13800000002'], unitCode: '', history: [] }],
    ['units/u1', { code: '5-1-302', area: 98, use: 'residential', status: 'vacant' }],
  ]);
}
const input = (over: Partial<HandoverInput> = {}): HandoverInput => ({
  unitCode: '5-1-302', customerId: 'new', role: 'owner', day: today, leaseEnd: '',
  documents: [{ name: '管理规约', signed: true }], keys: 3, readings: { water: '12', electricity: '345', gas: '' },
  defects: ['卫生间地漏反味', '', '主卧墙面开裂'], ...over,
});
const facts = (w: PlainRecords) => ({
  today, current: [], customer: customerFromRecord('new', w.get('customers/new')!), settings, repairCategory: repair,
  number: 'RH-2612-A-001', defectNumbers: ['BX-2612-A-007', 'BX-2612-A-008'], ids: { handover: 'h1', defects: ['r1', 'r2'] },
});

describe('photos of a handover’s defects', () => {
  it('go on the handover (marked with their defect) and on each defect’s warranty request, same hash, in the same command', () => {
    const w = world();
    // Positions follow the form's rows: the empty row in the middle is skipped with its (no) photos.
    const made = recordHandover(input({ defectPictures: [[photo('a', 'b'), photo('c', 'd')], [], [photo('e', 'f')]] }), facts(w), ctx());
    expect(commandsOf(made).map((c) => c.shard)).toEqual(['ledger-2026-12', 'directory']);
    applyToPlain(w, made);
    const h = w.get('handovers/h1')!;
    expect(handoverFromRecord('h1', h).defects.map((d) => d.requestId)).toEqual(['r1', 'r2']);
    expect(picturesOf(h).map((p) => [p.sha256[0], p.item])).toEqual([['a', 'r1'], ['c', 'r1'], ['e', 'r2']]);
    const r1 = picturesOf(w.get('requests/r1'));
    expect(r1.map((p) => [p.sha256, p.thumb, p.stage, p.kind, p.byName])).toEqual([[sha('a'), sha('b'), 'intake', 'photo', '王丽'], [sha('c'), sha('d'), 'intake', 'photo', '王丽']]);
    expect(picturesOf(w.get('requests/r2')).map((p) => p.sha256)).toEqual([sha('e')]);
    // The request's timeline says a photo was added; nothing but references is in the records.
    expect((w.get('requests/r1')!.history as { action: string }[]).map((x) => x.action)).toContain('picture.added');
    expect(JSON.stringify([...w.values()]).length).toBeLessThan(12_000);
  });

  it('a photo with no defect written is refused, as is a picture that is not stored', () => {
    const w = world();
    expect(codes(recordHandover(input({ defects: ['', '墙面开裂'], defectPictures: [[photo('a', 'b')]] }), facts(w), ctx()))).toEqual(['moves.error.defectPhotoWithoutText']);
    expect(codes(recordHandover(input({ defectPictures: [[{ ...photo('a', 'b'), sha256: 'x' }]] }), facts(w), ctx()))).toEqual(['picture.error.notStored']);
  });

  it('a photo added on the handover’s page afterwards goes on the handover and on the defect’s request', () => {
    const w = world();
    applyToPlain(w, recordHandover(input(), facts(w), ctx()));
    const h = handoverFromRecord('h1', w.get('handovers/h1')!);
    const later = ctx('2026-12-07T03:00:00.000Z');
    expect(codes(attachDefectPicture(h, w.get('handovers/h1')!, 'elsewhere', w.get('requests/r1')!, 'ledger-2026-12', photo('a', 'b'), later))).toEqual(['moves.error.notADefect']);
    applyToPlain(w, attachDefectPicture(h, w.get('handovers/h1')!, 'r2', w.get('requests/r2')!, 'ledger-2026-12', photo('a', 'b'), later));
    expect(picturesOf(w.get('handovers/h1')).map((p) => [p.sha256[0], p.item])).toEqual([['a', 'r2']]);
    expect(picturesOf(w.get('requests/r2')).map((p) => [p.sha256[0], p.stage, p.at])).toEqual([['a', 'intake', later.now]]);
    expect(picturesOf(w.get('requests/r1'))).toEqual([]);
  });
});

describe('photos of an inspection’s findings', () => {
  function running(w: PlainRecords) {
    w.set('customers/old', { name: '张伟', kind: 'owner', phones: ['13800000001'], unitCode: '5-1-302', history: [] });
    const read = () => renovationFromRecord('rn', w.get('renovations/rn')!);
    applyToPlain(w, applyRenovation({ unitCode: '5-1-302', customerId: 'old', contractor: '好家装饰', contractorPhone: '', workers: 4, start: '2026-12-01', end: '2026-12-20', scope: '厨卫', deposit: 2000, inspectEvery: 7 },
      customerFromRecord('old', w.get('customers/old')!), [], 'ZH-2611-A-001', ctx('2026-11-28T02:00:00.000Z'), 'rn'));
    applyToPlain(w, submitRenovation(read(), ctx()));
    applyToPlain(w, decideRenovation(read(), { approve: true, comment: '' }, 'manager', null, ctx()));
    return read();
  }

  it('go on the inspection and on the rectification request made from it (which lives in another month)', () => {
    const w = world();
    const r = running(w);
    const made = recordInspection(r, { day: today, findings: '承重墙开槽', problem: true, rectify: true, pictures: [photo('a', 'b')] }, today, ctx(), { settings, category: repair, number: 'BX-2612-A-009', requestId: 'r9' }, 'k1');
    // The inspection lives in its renovation's month (November), the request in this month.
    expect(commandsOf(made).map((c) => c.shard)).toEqual(['ledger-2026-11', 'ledger-2026-12']);
    applyToPlain(w, made);
    expect(picturesOf(w.get('renovationChecks/k1')).map((p) => p.sha256)).toEqual([sha('a')]);
    expect(picturesOf(w.get('requests/r9')).map((p) => [p.sha256, p.thumb, p.stage])).toEqual([[sha('a'), sha('b'), 'intake']]);
  });

  it('without a rectification request they stay on the inspection; one added later follows to the request if there is one', () => {
    const w = world();
    const r = running(w);
    applyToPlain(w, recordInspection(r, { day: today, findings: '垃圾未清', problem: false, rectify: false, pictures: [photo('a', 'b')] }, today, ctx(), null, 'k2'));
    expect(picturesOf(w.get('renovationChecks/k2')).map((p) => p.sha256)).toEqual([sha('a')]);
    expect([...w.keys()].filter((k) => k.startsWith('requests/'))).toEqual([]);
    applyToPlain(w, recordInspection(r, { day: today, findings: '开槽', problem: true, rectify: true }, today, ctx(), { settings, category: repair, number: 'BX-2612-A-010', requestId: 'r10' }, 'k3'));
    const k3 = checkFromRecord('k3', w.get('renovationChecks/k3')!);
    applyToPlain(w, attachFindingPicture(k3, w.get('renovationChecks/k3')!, w.get('requests/r10')!, 'ledger-2026-12', photo('c', 'd'), ctx('2026-12-07T05:00:00.000Z')));
    expect(picturesOf(w.get('renovationChecks/k3')).map((p) => p.sha256)).toEqual([sha('c')]);
    expect(picturesOf(w.get('requests/r10')).map((p) => [p.sha256, p.stage])).toEqual([[sha('c'), 'intake']]);
  });
});
