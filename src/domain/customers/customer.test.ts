import { describe, expect, it } from 'vitest';
import { createCustomer, customerFromRecord, customerTerms, editCustomerNotes, projectCustomer, updateCustomer, type Customer } from './customer';
import type { CommandContext } from '../actor';
import { plainAfter, type Plain } from '../plain.fixture';

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
  it('makes the customer, cleaned, with a history entry saying who and when', () => {
    const made = plainAfter(createCustomer({ name: ' 张伟 ', phones: ['+86 138 1234 5678'], unitCode: '3栋2单元1101' }, '', ctx(), [], 'c9'), 'customers', 'c9');
    expect(customerFromRecord('c9', made)).toMatchObject({ name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101' });
    expect(made.createdBy).toBe('s1');
    expect(made.history).toEqual([{ by: 's1', byName: '王丽', device: 'A', at: '2026-11-23T09:00:00.000Z', action: 'history.created' }]);
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
    // This tablet read 张伟; meanwhile a colleague renamed the customer and wrote an e-mail address.
    const stored = { name: '张伟强', email: 'zw@example.com', phones: ['13812345678'], unitCode: '3-2-1101', notes: '', history: [] };
    const after = plainAfter(updateCustomer(customer(), { name: '张伟', phones: ['13812345679'], unitCode: '3-2-1101' }, ctx(), []), 'customers', 'c1', stored);
    expect(customerFromRecord('c1', after)).toMatchObject({ name: '张伟强', email: 'zw@example.com', phones: ['13812345679'] });
    expect(after).toMatchObject({ updatedBy: 's1', updatedAt: '2026-11-23T09:00:00.000Z' });
    expect(after.history).toEqual([expect.objectContaining({ by: 's1', changes: [{ field: 'phones', from: '138****5678', to: '138****5679' }] })]);
  });

  it('does nothing when nothing changed', () => {
    const r = updateCustomer(customer(), { name: '张伟', phones: ['13812345678'], unitCode: '3栋2单元1101' }, ctx(), []);
    expect(r).toEqual({ ok: true, value: null });
  });
});

describe('editCustomerNotes', () => {
  it('logs one history line per person per ten minutes, not one per keystroke', () => {
    // Each edit applied to the record as stored; the notes are written every time, a history line only now and then.
    const edit = (record: Plain, value: string, c: CommandContext) => plainAfter(editCustomerNotes(customerFromRecord('c1', record), value, c), 'customers', 'c1', record);
    const lines = (record: Plain) => (record.history as { by: string; at: string }[]).map((h) => `${h.by} ${h.at.slice(11, 16)}`);
    const start: Plain = { name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101', notes: '', history: [] };
    const first = edit(start, 'a', ctx('2026-11-23T09:00:00.000Z'));
    expect(first.notes).toBe('a');
    expect(lines(first)).toEqual(['s1 09:00']);
    const soon = edit(first, 'ab', ctx('2026-11-23T09:05:00.000Z'));
    expect(soon.notes).toBe('ab');
    expect(lines(soon)).toEqual(['s1 09:00']);
    expect(lines(edit(first, 'ab', ctx('2026-11-23T09:05:00.000Z', 's2')))).toEqual(['s1 09:00', 's2 09:05']);
    expect(lines(edit(soon, 'abc', ctx('2026-11-23T09:20:00.000Z')))).toEqual(['s1 09:00', 's1 09:20']);
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
