import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { customerFromRecord } from '../customers/customer';
import { applyToPlain, commandsOf, plainRows, type PlainRecords } from '../plain.fixture';
import { requestFromRecord } from '../requests/record';
import { categoriesFor, defaultServiceSettings } from '../requests/settings';
import { projectUnit } from '../units/unit';
import { recordHandover, handoverChecklistFrom, handoverFromRecord, saveHandoverChecklist, DEFAULT_HANDOVER_DOCUMENTS, DEFAULT_METERS, type HandoverInput } from './handover';
import {
  acceptRenovation, applyRenovation, decideRenovation, inspectionDue, linkRequestToRenovation, noteDepositRefund, recordInspection,
  renovationFromRecord, renovationsToday, submitRenovation, type RenovationInput,
} from './renovation';
import { changeOwner, endTenure, impliedTenure, leasesEnding, renewLease, startTenure, tenureFromRecord, unitTenures } from './tenure';

const ctx = (now = '2026-12-07T02:00:00.000Z'): CommandContext => ({ actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now });
const today = '2026-12-07';
const settings = defaultServiceSettings();
const repair = categoriesFor(settings, 'repair')[0].id;

function world(): PlainRecords {
  return new Map([
    ['customers/old', { name: '张伟', kind: 'owner', phones: ['13800000001'], unitCode: '3-2-1101', unitRelation: 'owner', unitFrom: '2015-05-01', history: [] }],
    ['customers/new', { name: '李娜', kind: 'owner', phones: ['13800000002'], unitCode: '', history: [] }],
    ['customers/ten', { name: '赵强', kind: 'tenant', phones: ['13800000003'], unitCode: '', history: [] }],
    ['units/u1', { code: '3-2-1101', area: 98, use: 'residential', status: 'owner' }],
  ]);
}
const customer = (w: PlainRecords, id: string) => customerFromRecord(id, w.get(`customers/${id}`)!);
const unit = (w: PlainRecords) => projectUnit('u1', w.get('units/u1')!);

describe('tenure: a relation ends with a date, never by deleting', () => {
  it('a change of owner ends the old relation and starts the new one, keeping the old owner with dates', () => {
    const w = world();
    const old = impliedTenure(customer(w, 'old'), '3-2-1101')!;
    const made = changeOwner('3-2-1101', [{ tenure: old, customer: customer(w, 'old') }], customer(w, 'new'), '2026-12-01', { today, current: [old] }, ctx());
    applyToPlain(w, made);
    const tenures = plainRows(w, 'tenures').map(([id, r]) => tenureFromRecord(id, r));
    const { current, former } = unitTenures(tenures, [customer(w, 'new')], '3-2-1101');
    expect(former.map((t) => [t.customerName, t.from, t.to, t.endReason])).toEqual([['张伟', '2015-05-01', '2026-12-01', 'ownerChange']]);
    expect(current.map((t) => [t.customerName, t.role, t.from])).toEqual([['李娜', 'owner', '2026-12-01']]);
    expect(customer(w, 'old').unitCode).toBe('');
    expect(customer(w, 'new').unitCode).toBe('3-2-1101');
    expect(customer(w, 'old').history.at(-1)?.action).toBe('moves.history.unlinked');
  });

  it('refuses with a reason: a second owner, a future day, an end before the start, no keys at move-out, ending twice', () => {
    const w = world();
    const old = impliedTenure(customer(w, 'old'), '3-2-1101')!;
    const facts = { today, current: [old] };
    const codes = (r: { ok: boolean; problems?: { code: string }[] }) => (r.ok ? [] : r.problems!.map((p) => p.code));
    expect(codes(startTenure(customer(w, 'new'), { unitCode: '3-2-1101', role: 'owner', from: '2026-12-01' }, facts, ctx()))).toContain('moves.error.hasOwner');
    expect(codes(startTenure(customer(w, 'ten'), { unitCode: '3-2-1101', role: 'tenant', from: '2026-12-09', leaseEnd: '2027-12-08' }, facts, ctx()))).toContain('moves.error.dayInFuture');
    expect(codes(startTenure(customer(w, 'ten'), { unitCode: '3-2-1101', role: 'tenant', from: '2026-12-01' }, facts, ctx()))).toContain('moves.error.leaseEndRequired');
    expect(codes(startTenure(customer(w, 'old'), { unitCode: '3-2-1101', role: 'resident', from: '2026-12-01' }, facts, ctx()))).toContain('moves.error.alreadyLinked');
    expect(codes(endTenure(old, customer(w, 'old'), { to: '2014-01-01', reason: 'ownerChange' }, today, ctx()))).toContain('moves.error.endBeforeStart');
    expect(codes(endTenure(old, customer(w, 'old'), { to: today, reason: 'moveOut' }, today, ctx()))).toContain('moves.error.keysRequired');
    expect(codes(changeOwner('3-2-1101', [], customer(w, 'new'), today, facts, ctx()))).toContain('moves.error.noOwner');
    const ended = { ...old, implied: false, to: '2026-12-01' };
    expect(codes(endTenure(ended, customer(w, 'old'), { to: today, reason: 'ownerChange' }, today, ctx()))).toContain('moves.error.alreadyEnded');
    expect(codes(renewLease(old, '2027-01-01', ctx()))).toContain('moves.error.notTenant');
  });

  it('a tenant moves out with the checklist; the lease end shows ahead of time and moves with a renewal', () => {
    const w = world();
    applyToPlain(w, startTenure(customer(w, 'ten'), { unitCode: '3-2-1101', role: 'tenant', from: '2026-01-01', leaseEnd: '2026-12-31' }, { today, current: [] }, ctx()));
    const [[id, rec]] = plainRows(w, 'tenures');
    const lease = tenureFromRecord(id, rec);
    expect(leasesEnding([{ ...lease, to: '' }], today).length).toBe(1);
    expect(leasesEnding([{ ...lease, to: '' }], '2026-11-01').length).toBe(0);
    applyToPlain(w, renewLease(lease, '2027-12-31', ctx()));
    expect(leasesEnding([tenureFromRecord(id, w.get(`tenures/${id}`)!)], today).length).toBe(0);
    applyToPlain(w, endTenure(tenureFromRecord(id, w.get(`tenures/${id}`)!), customer(w, 'ten'), { to: today, reason: 'moveOut', checklist: { keysReturned: 3, readings: { water: '12', electricity: '300', gas: '' }, openRequests: ['BX-2612-A-001'] } }, today, ctx()));
    const ended = tenureFromRecord(id, w.get(`tenures/${id}`)!);
    expect(ended).toMatchObject({ to: today, endReason: 'moveOut', moveOut: { keysReturned: 3, openRequests: ['BX-2612-A-001'] } });
    expect(customer(w, 'ten').unitCode).toBe('');
  });
});

const handover = (over: Partial<HandoverInput> = {}): HandoverInput => ({
  unitCode: '3-2-1101', customerId: 'new', role: 'owner', day: today, leaseEnd: '',
  documents: [{ name: '管理规约', signed: true }, { name: '房屋质量保证书', signed: true }], keys: 4,
  readings: { water: '0012', electricity: '345.5', gas: '' }, defects: ['主卧墙面开裂'], ...over,
});

describe('move-in handover', () => {
  it('a defect becomes a warranty repair request; the new owner is linked from that day', () => {
    const w = world();
    w.delete('customers/old');
    const made = recordHandover(handover(), {
      today, current: [], customer: customer(w, 'new'), settings, repairCategory: repair, number: 'RH-2612-A-001', defectNumbers: ['BX-2612-A-007'], ids: { handover: 'h1', defects: ['r1'] },
    }, ctx());
    expect(commandsOf(made).map((c) => c.shard)).toEqual(['ledger-2026-12', 'directory']);
    applyToPlain(w, made);
    const req = requestFromRecord('r1', w.get('requests/r1')!);
    expect(req).toMatchObject({ kind: 'repair', warranty: true, number: 'BX-2612-A-007', unitCode: '3-2-1101', customerId: 'new', description: '主卧墙面开裂' });
    expect(handoverFromRecord('h1', w.get('handovers/h1')!)).toMatchObject({ keys: 4, readings: { water: '0012', electricity: '345.5' }, defects: [{ requestId: 'r1', requestNumber: 'BX-2612-A-007' }] });
    expect(customer(w, 'new')).toMatchObject({ unitCode: '3-2-1101', unitRelation: 'owner', unitFrom: today });
  });

  it('refuses unsigned documents, no keys, a bad reading, and a unit that already has an owner', () => {
    const w = world();
    const old = impliedTenure(customer(w, 'old'), '3-2-1101')!;
    const made = recordHandover(handover({ documents: [{ name: '管理规约', signed: false }], keys: 0, readings: { water: 'abc', electricity: '', gas: '' } }), {
      today, current: [old], customer: customer(w, 'new'), settings, repairCategory: repair, number: 'RH-1', defectNumbers: ['BX-1'], ids: { handover: 'h1', defects: ['r1'] },
    }, ctx());
    expect(made.ok ? [] : made.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['moves.error.documentsUnsigned', 'moves.error.keysRequired', 'moves.error.badReading', 'moves.error.readingRequired', 'moves.error.hasOwner']));
  });
});

describe('the office’s handover checklist', () => {
  it('every document of the office’s list must be signed, its meters read as it says; the handover keeps the meters it read', () => {
    const w = world();
    w.delete('customers/old');
    const checklist = { documents: ['管理规约', '装修管理协议'], meters: { water: 'off', electricity: 'required', gas: 'required' } as const };
    const facts = { today, current: [], customer: customer(w, 'new'), settings, repairCategory: repair, number: 'RH-2612-A-002', defectNumbers: [], ids: { handover: 'h2', defects: [] }, checklist };
    // The form sent only one of the office's documents and no gas reading.
    const refused = recordHandover(handover({ documents: [{ name: '管理规约', signed: true }], defects: [], readings: { water: '', electricity: '9', gas: '' } }), facts, ctx());
    expect(refused.ok ? [] : refused.problems.map((p) => [p.code, p.params?.documents ?? p.field])).toEqual([['moves.error.readingRequired', 'gas'], ['moves.error.documentsUnsigned', '装修管理协议']]);
    const made = recordHandover(handover({
      documents: [{ name: '管理规约', signed: true }, { name: '装修管理协议', signed: true }], defects: [], readings: { water: '123', electricity: '9', gas: '4' },
    }), facts, ctx());
    applyToPlain(w, made);
    // Water is not read by this office: not kept even when typed.
    expect(handoverFromRecord('h2', w.get('handovers/h2')!)).toMatchObject({ meters: ['electricity', 'gas'], readings: { water: '', electricity: '9', gas: '4' } });
  });

  it('reads the stored checklist, the defaults where nothing is set', () => {
    expect(handoverChecklistFrom(undefined)).toEqual({ documents: DEFAULT_HANDOVER_DOCUMENTS, meters: DEFAULT_METERS });
    expect(handoverChecklistFrom({ documents: ['管理规约'], meters: { gas: 'off', water: 'bogus' } })).toEqual({ documents: ['管理规约'], meters: { water: 'required', electricity: 'required', gas: 'off' } });
    const saved = saveHandoverChecklist({ documents: [' 管理规约 ', '', '管理规约', '车位协议'], meters: { water: 'optional', electricity: 'required', gas: 'off' } }, 'manager', ctx());
    expect(saved.ok && saved.value.ops[0]).toMatchObject({ fields: { documents: ['管理规约', '车位协议'], meters: { water: 'optional', electricity: 'required', gas: 'off' } } });
  });
});

const reno = (over: Partial<RenovationInput> = {}): RenovationInput => ({
  unitCode: '3-2-1101', customerId: 'old', contractor: '好家装饰', contractorPhone: '13900000000', workers: 4, start: '2026-12-01', end: '2026-12-09', scope: '厨卫改造', deposit: 2000, inspectEvery: 7, ...over,
});

describe('renovation', () => {
  it('applied, approved (unit 装修中), inspected with a finding (rectification request), accepted (unit back), deposit refund noted', () => {
    const w = world();
    const read = () => renovationFromRecord('rn', w.get('renovations/rn')!);
    applyToPlain(w, applyRenovation(reno(), customer(w, 'old'), [], 'ZH-2612-A-001', ctx('2026-11-28T02:00:00.000Z'), 'rn'));
    expect(submitRenovation(read(), ctx()).ok).toBe(true);
    applyToPlain(w, submitRenovation(read(), ctx()));
    const refused = decideRenovation(read(), { approve: true, comment: '' }, 'reception', unit(w), ctx());
    expect(refused.ok ? '' : refused.problems[0].code).toBe('approval.error.managerOnly');
    applyToPlain(w, decideRenovation(read(), { approve: true, comment: '' }, 'manager', unit(w), ctx()));
    expect(unit(w).status).toBe('renovating');
    expect(renovationsToday([{ ...read(), inspectionDue: inspectionDue(read()) }], today).inspections.length).toBe(1);
    const inspected = recordInspection(read(), { day: today, findings: '承重墙开槽', problem: true, rectify: true }, today, ctx(), { settings, category: repair, number: 'BX-2612-A-009', requestId: 'r9' }, 'k1');
    applyToPlain(w, inspected);
    expect(requestFromRecord('r9', w.get('requests/r9')!)).toMatchObject({ renovationId: 'rn', description: '承重墙开槽' });
    expect(read().lastInspection).toBe(today);
    expect(renovationsToday([{ ...read(), inspectionDue: inspectionDue(read()) }], today)).toMatchObject({ inspections: [], ending: [{ id: 'rn' }] });
    const refund = noteDepositRefund(read(), today, '', today, ctx());
    expect(refund.ok ? '' : refund.problems[0].code).toBe('reno.error.refundBeforeAcceptance');
    applyToPlain(w, acceptRenovation(read(), today, '合格', today, unit(w), [{ problem: true, requestNumber: 'BX-2612-A-009' }], ctx()));
    expect(read().status).toBe('accepted');
    expect(unit(w).status).toBe('owner');
    applyToPlain(w, noteDepositRefund(read(), today, '现金退还', today, ctx()));
    expect(read().refundedOn).toBe(today);
  });

  it('refuses: no contractor, end before start, a second open renovation, inspecting before approval, accepting uninspected works', () => {
    const w = world();
    const bad = applyRenovation(reno({ contractor: '', end: '2026-11-01' }), customer(w, 'old'), [{ unitCode: '3-2-1101', status: 'approved', number: 'ZH-1' }], 'ZH-2', ctx());
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['reno.error.contractorRequired', 'reno.error.endBeforeStart', 'reno.error.alreadyOpen']));
    applyToPlain(w, applyRenovation(reno(), customer(w, 'old'), [], 'ZH-3', ctx(), 'rn'));
    const r = renovationFromRecord('rn', w.get('renovations/rn')!);
    const early = recordInspection(r, { day: today, findings: 'x', problem: false, rectify: false }, today, ctx(), null);
    expect(early.ok ? '' : early.problems[0].code).toBe('reno.error.notRunning');
    const accept = acceptRenovation({ ...r, status: 'approved' }, today, '', today, unit(w), [], ctx());
    expect(accept.ok ? '' : accept.problems[0].code).toBe('reno.error.neverInspected');
  });

  it('a neighbour’s noise complaint is linked to the running renovation', () => {
    const w = world();
    applyToPlain(w, applyRenovation(reno(), customer(w, 'old'), [], 'ZH-4', ctx(), 'rn'));
    const r = { ...renovationFromRecord('rn', w.get('renovations/rn')!), status: 'approved' as const };
    w.set('requests/q1', { number: 'TS-2612-A-001', kind: 'complaint', unitCode: '3-2-1001', createdAt: '2026-12-07T01:00:00.000Z', history: [] });
    const q = requestFromRecord('q1', w.get('requests/q1')!);
    applyToPlain(w, linkRequestToRenovation(q, r, ctx()));
    expect(requestFromRecord('q1', w.get('requests/q1')!).renovationId).toBe('rn');
    expect(renovationFromRecord('rn', w.get('renovations/rn')!).history.at(-1)).toMatchObject({ action: 'reno.history.complaintLinked', data: { number: 'TS-2612-A-001' } });
    const again = linkRequestToRenovation(requestFromRecord('q1', w.get('requests/q1')!), r, ctx());
    expect(again.ok ? '' : again.problems[0].code).toBe('reno.error.alreadyLinked');
  });
});

describe('every refusal of moves has its words', () => {
  it('each problem code and history line of src/domain/moves is in zh-CN, zh-TW and en', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { zhCN } = await import('../../i18n/zh-CN');
    const { zhTW } = await import('../../i18n/zh-TW');
    const { en } = await import('../../i18n/en');
    const dir = new URL('.', import.meta.url);
    const keys = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/'((?:moves|reno)\.(?:error|history)\.[A-Za-z]+)'/g)) keys.add(m[1]);
    }
    expect(keys.size).toBeGreaterThan(40);
    for (const dict of [zhCN, zhTW, en] as Record<string, string>[]) expect([...keys].filter((k) => !dict[k])).toEqual([]);
  });

  it('renewal, refund and the checklist refuse with a reason', () => {
    const w = world();
    const codes = (r: { ok: boolean; problems?: { code: string }[] }) => (r.ok ? [] : r.problems!.map((p) => p.code));
    applyToPlain(w, startTenure(customer(w, 'ten'), { unitCode: '3-2-1101', role: 'tenant', from: '2026-01-01', leaseEnd: '2026-12-31' }, { today, current: [] }, ctx()));
    const [[id, rec]] = plainRows(w, 'tenures');
    expect(codes(renewLease(tenureFromRecord(id, rec), '2026-06-01', ctx()))).toEqual(['moves.error.renewLater']);
    applyToPlain(w, applyRenovation(reno(), customer(w, 'old'), [], 'ZH-5', ctx(), 'rn'));
    const accepted = { ...renovationFromRecord('rn', w.get('renovations/rn')!), status: 'accepted' as const, refundedOn: '2026-12-01' };
    expect(codes(noteDepositRefund(accepted, today, '', today, ctx()))).toEqual(['reno.error.alreadyRefunded']);
    expect(codes(saveHandoverChecklist({ documents: ['管理规约'], meters: DEFAULT_METERS }, 'reception', ctx()))).toEqual(['moves.error.managerOnly']);
    expect(codes(saveHandoverChecklist({ documents: [' '], meters: DEFAULT_METERS }, 'manager', ctx()))).toEqual(['moves.error.documentsRequired']);
    expect(codes(saveHandoverChecklist({ documents: ['管理规约'], meters: { water: 'off', electricity: 'off', gas: 'off' } }, 'manager', ctx()))).toEqual(['moves.error.metersRequired']);
  });
});
