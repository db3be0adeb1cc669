import { describe, expect, it } from 'vitest';
import { createCustomer, customerFromRecord, customerTerms, editCustomerNotes, projectCustomer, updateCustomer, type Customer } from './customer';
import type { CommandContext } from '../actor';

const ctx = (now = '2026-11-23T09:00:00.000Z', staffId = 's1'): CommandContext => ({ actor: { staffId, name: '王丽', deviceCode: 'A' }, now });

import type { CustomerRow } from './customer';

const existing: CustomerRow = {
  id: 'c0', kind: 'owner', name: '李娜', phones: ['13900001111'], idNumber: '110101199003071234', unitCode: '1-1-101', unitCodes: ['1-1-101'],
  householdOf: '', tags: [], grade: 'normal', updatedAt: '', terms: [], dates: [], dateKeys: [], gender: '', consent: true, birthYear: 0, unitFrom: '', unitTo: '',
};

function customer(overrides: Partial<Customer> = {}): Customer {
  return { ...customerFromRecord('c1', { name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101', notes: '' }), ...overrides };
}

describe('createCustomer', () => {
  it('makes one create op and a history entry saying who and when', () => {
    const r = createCustomer({ name: ' 张伟 ', phones: ['+86 138 1234 5678'], unitCode: '3栋2单元1101' }, '', ctx(), []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [create, log] = r.value.command.ops;
    expect(create).toMatchObject({ kind: 'create', fields: { name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101', createdBy: 's1' } });
    expect(log).toMatchObject({ kind: 'log', entry: { by: 's1', byName: '王丽', device: 'A', at: '2026-11-23T09:00:00.000Z', action: 'history.created' } });
  });

  it('refuses a missing name, a bad phone and an unreadable unit, each with its field', () => {
    const r = createCustomer({ name: '', phones: ['12345'], unitCode: '东边那栋' }, '', ctx(), []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['customer.error.nameRequired', 'customer.error.badPhone', 'customer.error.badUnit']);
  });

  it('refuses a phone already registered, naming the holder with the number masked', () => {
    const r = createCustomer({ name: '张伟', phones: ['13900001111'], unitCode: '' }, '', ctx(), [existing]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'customer.error.duplicatePhone', params: { name: '李娜', unit: '1-1-101', phone: '139****1111' } });
  });

  it('refuses a huge paste into the notes', () => {
    const r = createCustomer({ name: '张伟', phones: [], unitCode: '' }, 'x'.repeat(20_001), ctx(), []);
    expect(r.ok).toBe(false);
  });
});

describe('updateCustomer', () => {
  it('writes only the changed fields, so a colleague’s edit of another field stands', () => {
    const r = updateCustomer(customer(), { name: '张伟', phones: ['13812345679'], unitCode: '3-2-1101' }, ctx(), []);
    expect(r.ok && r.value).toBeTruthy();
    if (!r.ok || !r.value) return;
    const set = r.value.ops[0];
    expect(set.kind === 'set' && Object.keys(set.fields).sort()).toEqual(['phones', 'updatedAt', 'updatedBy']);
    const log = r.value.ops[1];
    expect(log.kind === 'log' && log.entry.changes).toEqual([{ field: 'phones', from: '138****5678', to: '138****5679' }]);
  });

  it('does nothing when nothing changed', () => {
    const r = updateCustomer(customer(), { name: '张伟', phones: ['13812345678'], unitCode: '3栋2单元1101' }, ctx(), []);
    expect(r).toEqual({ ok: true, value: null });
  });
});

describe('editCustomerNotes', () => {
  it('logs one history line per person per ten minutes, not one per keystroke', () => {
    const first = editCustomerNotes(customer(), 'a', ctx('2026-11-23T09:00:00.000Z'));
    expect(first.ok && first.value?.ops.some((o) => o.kind === 'log')).toBe(true);
    const logged = customer({ notes: 'a', history: [{ at: '2026-11-23T09:00:00.000Z', by: 's1', byName: '王丽', device: 'A', action: 'history.notesEdited' }] });
    const soon = editCustomerNotes(logged, 'ab', ctx('2026-11-23T09:05:00.000Z'));
    expect(soon.ok && soon.value?.ops.some((o) => o.kind === 'log')).toBe(false);
    const other = editCustomerNotes(logged, 'ab', ctx('2026-11-23T09:05:00.000Z', 's2'));
    expect(other.ok && other.value?.ops.some((o) => o.kind === 'log')).toBe(true);
    const later = editCustomerNotes(logged, 'ab', ctx('2026-11-23T09:20:00.000Z'));
    expect(later.ok && later.value?.ops.some((o) => o.kind === 'log')).toBe(true);
  });
});

describe('search terms', () => {
  it('hold every name fragment start, phone runs of 4+ digits and the unit', () => {
    const terms = customerTerms({ name: '欧阳娜娜', phones: ['13812345678'], unitCode: '3-2-1101' });
    expect(terms).toEqual(expect.arrayContaining(['欧阳娜娜', '阳娜娜', '娜娜', '5678', '3-2-1101']));
    // Terms are suffixes and search is by prefix: any 4+ digit run of the phone is found.
    for (const run of ['1381', '1234', '2345678', '5678']) expect(terms.some((t) => t.startsWith(run))).toBe(true);
    expect(terms).not.toContain('678');
    expect(projectCustomer(customer()).terms).toContain('张伟');
  });
});
