import { createUnit as createCommand, unitSortKey, updateUnit as updateCommand, type UnitInput, type UnitRow } from '../domain/unit';
import { fail, ok, type Result } from '../domain/result';
import type { CustomerRow } from '../domain/customer';
import type { LinliDB } from './db';
import type { Office } from './office-api';

export async function createUnit(office: Office, input: UnitInput): Promise<Result<string>> {
  await office.load('directory');
  const codes = new Set((await office.db.units.toArray()).map((u) => u.code));
  const made = createCommand(input, office.context(), codes);
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function updateUnit(office: Office, id: string, input: Omit<UnitInput, 'code'>): Promise<Result<void>> {
  await office.load('directory');
  const current = await office.db.units.get(id);
  if (!current) return fail({ code: 'error.notFound' });
  const command = updateCommand(current, input, office.context());
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}

/** The office's unit register as a set of codes, or null when it keeps none (then units are not checked). */
export async function knownUnitCodes(db: LinliDB): Promise<Set<string> | null> {
  if ((await db.units.count()) === 0) return null;
  return new Set(await db.units.orderBy('code').keys() as string[]);
}

export interface BuildingGroup {
  building: string;
  units: UnitRow[];
  counts: Record<UnitRow['status'], number>;
}

/** Units by building, buildings and rooms in natural order, with occupancy counts. */
export async function unitsByBuilding(db: LinliDB, filter: string): Promise<BuildingGroup[]> {
  const all = await db.units.toArray();
  const q = filter.trim();
  const rows = q ? all.filter((u) => u.code.startsWith(q) || u.code.includes(q)) : all;
  const groups = new Map<string, BuildingGroup>();
  for (const unit of rows) {
    let g = groups.get(unit.building);
    if (!g) groups.set(unit.building, (g = { building: unit.building, units: [], counts: { owner: 0, rented: 0, vacant: 0, renovating: 0 } }));
    g.units.push(unit);
    g.counts[unit.status]++;
  }
  const list = [...groups.values()];
  for (const g of list) g.units.sort((a, b) => unitSortKey(a.code).localeCompare(unitSortKey(b.code)));
  return list.sort((a, b) => unitSortKey(a.building).localeCompare(unitSortKey(b.building)));
}

export function occupantsOf(db: LinliDB, code: string): Promise<CustomerRow[]> {
  return db.customers.where('unitCodes').equals(code).toArray();
}
