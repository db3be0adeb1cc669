import type { CustomerRow } from '../../domain/customers/customer';
import { canonicalUnitCode, entranceRoomQuery } from '../../domain/units/unit-code';
import { readTogether, type ReadonlyDB } from '../readonly-db';

const LIST_LIMIT = 200;
const SEARCH_LIMIT = 60;

/** The household: the head and everyone who names the same head (or names this customer). */
export async function householdOf(db: ReadonlyDB, customer: { id: string; householdOf: string }): Promise<CustomerRow[]> {
  const head = customer.householdOf || customer.id;
  const [headRow, members] = await Promise.all([db.customers.get(head), db.customers.where('householdOf').equals(head).toArray()]);
  return [...(headRow ? [headRow] : []), ...members].filter((c) => c.id !== customer.id);
}

/** Customers of a unit, for choosing a head of household. */
export function customersOfUnit(db: ReadonlyDB, unitCode: string): Promise<CustomerRow[]> {
  const code = canonicalUnitCode(unitCode);
  return code ? db.customers.where('unitCodes').equals(code).toArray() : Promise.resolve([]);
}

/**
 * One box for every way staff look a customer up: a name fragment, 4+ digits of a phone, or a
 * unit code in any written form. Reads only the projection, so it answers before any document
 * is loaded.
 */
export async function searchCustomers(db: ReadonlyDB, query: string): Promise<CustomerRow[]> {
  const q = query.trim().toLowerCase();
  if (!q) return db.customers.orderBy('updatedAt').reverse().limit(LIST_LIMIT).toArray();
  // Its reads in one transaction (a keystroke's search makes up to five).
  return readTogether(db, ['customers'], () => search(db, q));
}

async function search(db: ReadonlyDB, q: string): Promise<CustomerRow[]> {
  const unit = canonicalUnitCode(q);
  const needle = /^\d[\d\s-]*$/.test(q) && !unit?.includes('-') ? q.replace(/\D/g, '') : q;
  const byTerm = byTermPrefix(db, needle);
  const byUnit = unit ? db.customers.where('unitCodes').startsWith(unit).limit(SEARCH_LIMIT).toArray() : Promise.resolve([]);
  // A bare room number ("1101", "302"): the customers of every unit with that room.
  const room = /^\d{3,5}$/.test(q) ? `#${q}` : '';
  const byRoom = room ? db.customers.where('terms').equals(room).limit(SEARCH_LIMIT).toArray() : Promise.resolve([]);
  // An entrance and room ("2单元1101", "2-1101"): the customers of that room in every building.
  const entrance = entranceRoomQuery(q);
  const byEntrance = entrance ? db.customers.where('terms').equals(`#${entrance}`).limit(SEARCH_LIMIT).toArray() : Promise.resolve([]);
  const [units, rooms, entrances, terms] = await Promise.all([byUnit, byRoom, byEntrance, byTerm]);
  const seen = new Set<string>();
  const rows: CustomerRow[] = [];
  for (const row of [...units, ...rooms, ...entrances, ...terms]) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  // Exact name or unit first; then names that start with the query, whole pinyin or initials
  // matches (zw → 张伟), then everything else; by name within a rank.
  // A bare room's units come right after an exact unit match.
  const rank = (r: CustomerRow) =>
    r.name.toLowerCase() === q || r.unitCodes.includes(unit ?? '') ? 0 : (room && r.terms.includes(room)) || (entrance && r.terms.includes(`#${entrance}`)) ? 1 : r.name.toLowerCase().startsWith(q) ? 2 : r.terms.includes(needle) ? 3 : 4;
  const ranks = new Map(rows.map((r) => [r, rank(r)]));
  return rows.sort((a, b) => ranks.get(a)! - ranks.get(b)! || byName.compare(a.name, b.name));
}

/** `localeCompare(…, 'zh-CN')` with its collator made once, not looked up per comparison. */
const byName = new Intl.Collator('zh-CN');

/**
 * The first SEARCH_LIMIT different customers with a term starting with `needle`, in the index's
 * order — what `.distinct().limit()` on the multi-entry index gives, read faster: `distinct`
 * makes Dexie walk a cursor row by row (each row read whole, and one at a time), so the ids are
 * read first from the index in one request (a customer may have several matching terms: "8000"
 * and "80001234" of one phone), and only the rows shown are read, together.
 */
async function byTermPrefix(db: ReadonlyDB, needle: string): Promise<CustomerRow[]> {
  for (let take = SEARCH_LIMIT * 2; ; take *= 4) {
    const keys = await db.customers.where('terms').startsWith(needle).limit(take).primaryKeys();
    const ids = [...new Set(keys)].slice(0, SEARCH_LIMIT);
    if (ids.length === SEARCH_LIMIT || keys.length < take) return customersByIds(db, ids);
  }
}

export function countCustomers(db: ReadonlyDB): Promise<number> {
  return db.customers.count();
}


export function customerRow(db: ReadonlyDB, id: string): Promise<CustomerRow | undefined> {
  return db.customers.get(id);
}

/** These customers, in the order asked; ids not (yet) on this device are left out. */
export async function customersByIds(db: ReadonlyDB, ids: string[]): Promise<CustomerRow[]> {
  return (await db.customers.bulkGet(ids)).filter((r): r is CustomerRow => !!r);
}

/** Everyone registered at any of these units (a survey's households that did not answer). */
export function customersOfUnits(db: ReadonlyDB, unitCodes: string[]): Promise<CustomerRow[]> {
  return db.customers.where('unitCodes').anyOf(unitCodes).toArray();
}

/** The whole directory (the printed register sorts and groups it). */
export function allCustomers(db: ReadonlyDB): Promise<CustomerRow[]> {
  return db.customers.toArray();
}
