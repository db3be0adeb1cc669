import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/store/customers';
import { searchCustomers } from '../../src/store/queries/customers';
import type { CustomerRow } from '../../src/domain/customers/customer';
import type { OfficeStore } from '../../src/store/office-store';
import { openDevice } from '../helpers/devices';

/**
 * What the search box finds when more customers match than it shows (60), written out in plain
 * code as the index defines it — so a faster way of reading the index (customers.ts reads the
 * matching keys first) cannot change which customers are found or in what order:
 * the first 60 different customers in the `terms` index's order (term, then id) among those
 * with a term starting with the query, then ranked (exact name, name starting with the query,
 * a whole term equal to the query, the rest; by name within a rank).
 */
let store: OfficeStore;
let rows: CustomerRow[] = [];
const SHOWN = 60;

beforeAll(async () => {
  store = openDevice({ forFile: true }).store;
  // 150 张/章 names whose initials are all zw…, and phones sharing their digits, so that one
  // customer has several terms starting with the same query ("8000", "80001234", …).
  const given = ['伟', '薇', '威', '巍', '维', '文', '武', '旺', '炜', '蔚'];
  for (let i = 0; i < 150; i++) {
    const surname = i % 3 === 0 ? '章' : '张';
    const name = `${surname}${given[i % given.length]}${i >= 10 ? given[Math.floor(i / 10) % given.length] : ''}`;
    const phone = `138${String(i).padStart(4, '0')}8000`;
    const r = await createCustomer(store, { name, phones: [phone, `0755-8000${String(i).padStart(4, '0')}`], unitCode: '' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
  rows = await store.db.customers.toArray();
}, 60_000);
afterAll(() => store.close());

/** The same answer, from every row's terms, without IndexedDB. */
function expected(query: string): string[] {
  const q = query.trim().toLowerCase();
  const needle = /^\d[\d\s-]*$/.test(q) ? q.replace(/\D/g, '') : q;
  const hits: [string, string][] = [];
  for (const r of rows) for (const term of r.terms) if (term.startsWith(needle)) hits.push([term, r.id]);
  hits.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const ids: string[] = [];
  for (const [, id] of hits) if (!ids.includes(id) && ids.length < SHOWN) ids.push(id);
  const found = ids.map((id) => rows.find((r) => r.id === id)!);
  const rank = (r: CustomerRow) => (r.name.toLowerCase() === q ? 0 : r.name.toLowerCase().startsWith(q) ? 2 : r.terms.includes(needle) ? 3 : 4);
  return found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN')).map((r) => r.id);
}

describe('a search that matches more customers than the list shows', () => {
  it.each(['zw', 'zhang', '张', '章', 'w', '伟', '8000', '80001', '1380', 'zhangwei'])('%s: the same customers in the same order as the index defines', async (q) => {
    const want = expected(q);
    expect(want.length, 'the case covers a query with matches').toBeGreaterThan(0);
    expect((await searchCustomers(store.db, q)).map((r) => r.id)).toEqual(want);
  });

  it('shows 60 of the 150 whose initials are zw, each once, though each has several matching terms', async () => {
    const found = await searchCustomers(store.db, 'zw');
    expect(found).toHaveLength(SHOWN);
    expect(new Set(found.map((r) => r.id)).size).toBe(SHOWN);
    const many = await searchCustomers(store.db, '8000');
    expect(new Set(many.map((r) => r.id)).size).toBe(many.length);
    expect(many).toHaveLength(SHOWN);
  });
});
