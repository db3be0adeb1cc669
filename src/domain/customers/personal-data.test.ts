import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { plainAfter, type Plain } from '../plain.fixture';
import { revealCustomerField } from './reveal';
import { recordFullExport } from '../import/export';
import { DEFAULT_PERSONAL_DATA, personalDataPolicyOf, setPersonalDataPolicy, type PersonalDataPolicy } from './personal-data';

const ctx: CommandContext = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-12-07T09:00:00.000Z' };
const policy = DEFAULT_PERSONAL_DATA;
/** A customer as the directory holds it: the reveal may only add to its history. */
const customer = (): Plain => ({ name: '张伟', phones: ['13800138000'], idNumber: '110101199003071234', history: [{ action: 'history.created', by: 's9' }] });
const historyOf = (r: Plain) => r.history as { action: string; by: string; changes?: unknown }[];

describe('personal data by role', () => {
  it('by default a manager reveals freely, reception only with a reason, team staff not at all', () => {
    const manager = plainAfter(revealCustomerField('c1', 'phones', ctx, { role: 'manager', policy }), 'customers', 'c1', customer());
    expect(historyOf(manager).at(-1)).toMatchObject({ action: 'history.phoneRevealed', by: 's1', at: ctx.now });
    expect(manager).toEqual({ ...customer(), history: [...historyOf(customer()), expect.anything()] });

    expect(revealCustomerField('c1', 'idNumber', ctx, { role: 'reception', policy })).toEqual({ ok: false, problems: [{ code: 'personal.error.reasonRequired', field: 'reason' }] });
    expect(revealCustomerField('c1', 'idNumber', ctx, { role: 'reception', policy, reason: '   ' }).ok).toBe(false);
    const reception = plainAfter(revealCustomerField('c1', 'idNumber', ctx, { role: 'reception', policy, reason: '回电告知维修进度' }), 'customers', 'c1', customer());
    expect(historyOf(reception).at(-1)).toMatchObject({ action: 'history.idRevealed', changes: [{ field: 'revealReason', to: '回电告知维修进度' }] });
    expect(reception).toEqual({ ...customer(), history: [...historyOf(customer()), expect.anything()] });

    expect(revealCustomerField('c1', 'phones', ctx, { role: 'team', policy, reason: '上门维修' })).toEqual({
      ok: false,
      problems: [{ code: 'personal.error.revealRefused', params: { role: 'role.team' } }],
    });
    // Nobody chosen on the tablet: refused as well.
    expect(revealCustomerField('c1', 'phones', ctx, { role: undefined, policy }).ok).toBe(false);
  });

  it('only roles the policy allows export full numbers; the history says who and how many', () => {
    // Written into the office's history, whether or not the office record existed yet.
    const manager = plainAfter(recordFullExport('customers', 120, ctx, { role: 'manager', policy }), 'settings', 'office');
    expect(historyOf(manager)).toEqual([expect.objectContaining({ action: 'history.exportedFull', by: 's1', changes: [{ field: 'customers', to: '120' }] })]);
    const office = { idleLockMinutes: 5, history: [{ action: 'history.updated', by: 'm1' }] };
    expect(plainAfter(recordFullExport('units', 3, ctx, { role: 'manager', policy }), 'settings', 'office', office)).toEqual({ ...office, history: [...office.history, expect.objectContaining({ action: 'history.exportedFull', changes: [{ field: 'units', to: '3' }] })] });
    expect(recordFullExport('customers', 120, ctx, { role: 'reception', policy })).toEqual({
      ok: false,
      problems: [{ code: 'personal.error.exportRefused', params: { role: 'role.reception' } }],
    });
    expect(recordFullExport('customers', 120, ctx, { role: 'team', policy }).ok).toBe(false);
  });

  it('follows the office settings, and a manager keeps both rights whatever is stored', () => {
    const stored = personalDataPolicyOf({ personalData: { reveal: { reception: 'yes', team: 'reason', manager: 'no' }, export: { reception: true, manager: false } } });
    expect(stored).toEqual({ reveal: { manager: 'yes', reception: 'yes', team: 'reason' }, export: { manager: true, reception: true, team: false } });
    expect(revealCustomerField('c1', 'phones', ctx, { role: 'reception', policy: stored }).ok).toBe(true);
    expect(recordFullExport('customers', 1, ctx, { role: 'reception', policy: stored }).ok).toBe(true);
    // Garbage falls back to the defaults, never to "allowed".
    expect(personalDataPolicyOf({ personalData: { reveal: { team: 'always' }, export: { team: 'yes' } } })).toEqual(DEFAULT_PERSONAL_DATA);
    expect(personalDataPolicyOf(undefined)).toEqual(DEFAULT_PERSONAL_DATA);
  });

  it('only a manager changes the policy; the history names each change', () => {
    const next: PersonalDataPolicy = { reveal: { ...policy.reveal, team: 'reason' }, export: { ...policy.export, reception: true } };
    expect(setPersonalDataPolicy(next, policy, ctx, { role: 'reception' })).toEqual({ ok: false, problems: [{ code: 'personal.error.managerOnly' }] });
    const office = plainAfter(setPersonalDataPolicy(next, policy, ctx, { role: 'manager' }), 'settings', 'office');
    expect(personalDataPolicyOf(office)).toEqual(next);
    expect(office).toMatchObject({ updatedAt: ctx.now, updatedBy: 's1' });
    expect(historyOf(office)).toEqual([
      expect.objectContaining({ action: 'history.personalDataChanged', by: 's1', changes: [{ field: 'personal.export.reception', from: 'false', to: 'true' }, { field: 'personal.reveal.team', from: 'no', to: 'reason' }] }),
    ]);
    expect(setPersonalDataPolicy(policy, policy, ctx, { role: 'manager' })).toEqual({ ok: true, value: null });
    const bad = { reveal: { ...policy.reveal, team: 'always' }, export: policy.export } as unknown as PersonalDataPolicy;
    expect(setPersonalDataPolicy(bad, policy, ctx, { role: 'manager' }).ok).toBe(false);
  });
});
