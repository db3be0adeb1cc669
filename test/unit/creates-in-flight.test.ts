import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/store/customers';
import { createUnit } from '../../src/store/units';
import { openDevice } from '../helpers/devices';

const unit = { code: '3-2-1101', area: '', use: 'residential', status: 'owner' } as const;

// A double tap starts two creates before the first is on disk: the duplicate checks must still hold.
describe.each(['store', 'worker'] as const)('two creates in flight (via %s)', (via) => {
  it('registers a unit code once', async () => {
    const { office } = openDevice({ via });
    const [a, b] = await Promise.all([createUnit(office, unit), createUnit(office, unit)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = !a.ok ? a : !b.ok ? b : null;
    expect(refused?.ok === false && refused.problems[0].code).toBe('unit.error.duplicate');
    expect(await office.readAll('directory', 'units')).toHaveLength(1);
  });

  it('registers an ID number once', async () => {
    const { office } = openDevice({ via });
    const person = { name: '李娜', phones: [], unitCode: '', idNumber: '11010519491231002X' };
    const results = await Promise.all([createCustomer(office, person), createCustomer(office, { ...person, name: '李小娜' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await office.readAll('directory', 'customers')).toHaveLength(1);
  });
});
