import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { revealCustomerField } from './reveal';
import { recordFullExport } from '../import/export';
import { DEFAULT_PERSONAL_DATA, personalDataPolicyOf, setPersonalDataPolicy, type PersonalDataPolicy } from './personal-data';

const ctx: CommandContext = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-12-07T09:00:00.000Z' };
const policy = DEFAULT_PERSONAL_DATA;

describe('personal data by role', () => {
  it('by default a manager reveals freely, reception only with a reason, team staff not at all', () => {
    const manager = revealCustomerField('c1', 'phones', ctx, { role: 'manager', policy });
    expect(manager.ok && manager.value.ops[0]).toMatchObject({ kind: 'log', collection: 'customers', id: 'c1', entry: { action: 'history.phoneRevealed', by: 's1' } });

    expect(revealCustomerField('c1', 'idNumber', ctx, { role: 'reception', policy })).toEqual({ ok: false, problems: [{ code: 'personal.error.reasonRequired', field: 'reason' }] });
    expect(revealCustomerField('c1', 'idNumber', ctx, { role: 'reception', policy, reason: '   ' }).ok).toBe(false);
    const reception = revealCustomerField('c1', 'idNumber', ctx, { role: 'reception', policy, reason: '回电告知维修进度' });
    expect(reception.ok && reception.value.ops[0]).toMatchObject({ entry: { action: 'history.idRevealed', changes: [{ field: 'revealReason', to: '回电告知维修进度' }] } });

    expect(revealCustomerField('c1', 'phones', ctx, { role: 'team', policy, reason: '上门维修' })).toEqual({
      ok: false,
      problems: [{ code: 'personal.error.revealRefused', params: { role: 'role.team' } }],
    });
    // Nobody chosen on the tablet: refused as well.
    expect(revealCustomerField('c1', 'phones', ctx, { role: undefined, policy }).ok).toBe(false);
  });

  it('only roles the policy allows export full numbers; the history says who and how many', () => {
    const manager = recordFullExport('customers', 120, ctx, { role: 'manager', policy });
    expect(manager.ok && manager.value.ops[1]).toMatchObject({ entry: { action: 'history.exportedFull', changes: [{ field: 'customers', to: '120' }] } });
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
    const made = setPersonalDataPolicy(next, policy, ctx, { role: 'manager' });
    expect(made.ok && made.value?.ops).toMatchObject([
      { kind: 'set', collection: 'settings', id: 'office', fields: { personalData: next } },
      { kind: 'log', entry: { action: 'history.personalDataChanged', changes: [{ field: 'personal.export.reception', from: 'false', to: 'true' }, { field: 'personal.reveal.team', from: 'no', to: 'reason' }] } },
    ]);
    expect(setPersonalDataPolicy(policy, policy, ctx, { role: 'manager' })).toEqual({ ok: true, value: null });
    const bad = { reveal: { ...policy.reveal, team: 'always' }, export: policy.export } as unknown as PersonalDataPolicy;
    expect(setPersonalDataPolicy(bad, policy, ctx, { role: 'manager' }).ok).toBe(false);
  });
});
