import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { plainAfter } from '../plain.fixture';
import type { Result } from '../result';
import { complaintState, decideSettlement, investigate, negotiate, proposeSettlement, signAgreement } from '../requests/complaint';
import { takeRequest } from '../requests/lifecycle';
import { requestFromRecord } from '../requests/record';
import { defaultServiceSettings } from '../requests/settings';
import { signatureOf } from './picture';
import { signRequestOnTablet } from './sign-request';
import { signaturePurposesFor } from './signed-what';

const at = (iso: string, staffId = 'rec1', name = '王丽'): CommandContext => ({ actor: { staffId, name, deviceCode: 'A' }, now: new Date(`${iso}+08:00`).toISOString() });
const target = { collection: 'requests' as const, id: 't1', shard: 'ledger-2026-12' as const };
const sig = { sha256: 'e'.repeat(64), mime: 'image/png', bytes: 6_000, width: 600, height: 200, thumb: 'e'.repeat(64), signer: '张伟', purpose: 'settlement' as const };
const refused = (r: Result<unknown>) => (r.ok ? [] : r.problems.map((p) => p.code));

/** A complaint brought to an approved settlement (上门致歉), through the domain's own steps. */
function approvedComplaint(): Record<string, unknown> {
  let rec = plainAfter(takeRequest({ kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'walkIn', description: '楼上装修噪音', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' }, 'TS-2612-A-001', defaultServiceSettings(), at('2026-12-07T09:00'), 't1'), 'requests', 't1');
  const step = (made: Result<unknown>) => (rec = plainAfter(made as never, 'requests', 't1', rec));
  const read = () => requestFromRecord('t1', rec);
  step(investigate(read(), { facts: '1102 室夜间施工', cause: '', responsibility: 'company', severity: 'general' }, at('2026-12-07T10:00')));
  step(proposeSettlement(read(), '周一上午上门致歉', ['apology'], at('2026-12-07T10:30'), 'p1'));
  step(decideSettlement(read(), 'p1', true, '同意', 'manager', at('2026-12-07T11:00', 'm1', '赵经理')));
  return rec;
}

describe('a complaint’s settlement signed on the tablet', () => {
  it('is the signed agreement: 协议签字 on that day and the signature with what was agreed, in one command', () => {
    let rec = approvedComplaint();
    const req = requestFromRecord('t1', rec);
    expect(signaturePurposesFor(req)).toEqual(['settlement']);
    const made = signRequestOnTablet(target, rec, req, sig, '2026-12-07', at('2026-12-07T14:00'));
    expect(made.ok && made.value.shard).toBe('ledger-2026-12');
    rec = plainAfter(made, 'requests', 't1', rec);
    const after = requestFromRecord('t1', rec);
    expect(complaintState(after.history)).toMatchObject({ stage: 'signed', agreementSignedOn: '2026-12-07' });
    expect(after.history.slice(-2).map((h) => [h.action, h.byName])).toEqual([['request.agreementSigned', '王丽'], ['signature.signed', '王丽']]);
    expect(after.history.at(-1)?.data).toMatchObject({ signer: '张伟', purpose: 'settlement', signedWhat: 'TS-2612-A-001 · 周一上午上门致歉' });
    expect(signatureOf(rec, 'settlement')).toMatchObject({ signer: '张伟', signedWhat: 'TS-2612-A-001 · 周一上午上门致歉', at: new Date('2026-12-07T14:00+08:00').toISOString() });
  });

  it('an agreement already signed on paper keeps its date; the tablet signature is added beside it', () => {
    let rec = approvedComplaint();
    rec = plainAfter(signAgreement(requestFromRecord('t1', rec), '2026-12-06', at('2026-12-07T12:00')), 'requests', 't1', rec);
    rec = plainAfter(signRequestOnTablet(target, rec, requestFromRecord('t1', rec), sig, '2026-12-07', at('2026-12-07T14:00')), 'requests', 't1', rec);
    const after = requestFromRecord('t1', rec);
    expect(complaintState(after.history).agreementSignedOn).toBe('2026-12-06');
    expect(after.history.filter((h) => h.action === 'request.agreementSigned')).toHaveLength(1);
    expect(signatureOf(rec, 'settlement')?.signer).toBe('张伟');
  });

  it('is refused before approval and after 客户要求修改 sent the settlement back', () => {
    const rec = approvedComplaint();
    const revised = plainAfter(negotiate(requestFromRecord('t1', rec), 'revise', '要求书面致歉', at('2026-12-07T12:00')), 'requests', 't1', rec);
    expect(signaturePurposesFor(requestFromRecord('t1', revised))).toEqual([]);
    expect(refused(signRequestOnTablet(target, revised, requestFromRecord('t1', revised), sig, '2026-12-07', at('2026-12-07T14:00')))).toEqual(['signature.error.notNow']);
    // A repair not yet done takes no 服务确认 either.
    expect(refused(signRequestOnTablet(target, rec, requestFromRecord('t1', rec), { ...sig, purpose: 'serviceConfirm' }, '2026-12-07', at('2026-12-07T14:00')))).toEqual(['signature.error.notNow']);
  });
});
