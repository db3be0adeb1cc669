/**
 * The 房屋和客户 plan: a roster with one row per unit and the person on it (the owner, a tenant,
 * a household member), as offices keep it in Excel or export it from their previous system.
 *
 * Each row creates or matches its unit (by code) and creates or matches its person (by phone, ID
 * number, or the same name on the same unit — household members often have no phone), linked to
 * the unit with their relation and dates. Members are put in the household of the unit's head:
 * the row that says 户主, else the unit's owner, else its tenant — in this file or already
 * registered. Rows are judged one by one, heads resolved when the file is done (a member may come
 * before the head). Everything accepted is one command, so a second import of the same file
 * matches every unit and person and adds nothing.
 */
import type { CommandContext } from '../actor';
import { cleanCustomerInput, createCustomer, type CustomerRow } from '../customers/customer';
import { householdFromRow, isBlankRow } from './cells';
import type { Mapping } from './columns';
import { collector, nameColumns } from './collect';
import type { ImportFacts, Planner, ReportRow } from './types';
import { softenOptional } from './soft';
import { maskIdNumber, maskPhone } from '../mask';
import type { Op } from '../ops';
import type { Problem } from '../result';
import { cleanUnitInput, createUnit } from '../units/unit';

/** Who leads a unit's household: an explicit 户主 over an owner over a tenant. */
const HEAD_RANK = { head: 3, owner: 2, tenant: 1 } as const;

const personKey = (name: string, unit: string) => `${name.trim()}|${unit}`;

export function householdPlanner(headers: string[], mapping: Mapping, facts: ImportFacts, ctx: CommandContext): Planner {
  const out = collector('household', mapping);
  const registered = facts.knownUnits ?? new Set<string>();
  const header = (column: number) => headers[column] || String(column + 1);
  const byPhone = new Map<string, CustomerRow>();
  const byId = new Map<string, CustomerRow>();
  const byNameUnit = new Map<string, CustomerRow>();
  const heads = new Map<string, { id: string; rank: number }>();
  const offerHead = (unit: string, id: string, rank: number) => {
    const was = heads.get(unit);
    if (!was || was.rank < rank) heads.set(unit, { id, rank });
  };
  for (const c of facts.existing) {
    for (const p of c.phones) byPhone.set(p, c);
    if (c.idNumber) byId.set(c.idNumber, c);
    for (const u of c.unitCodes) byNameUnit.set(personKey(c.name, u), c);
    if (c.unitCode && !c.householdOf && (c.kind === 'owner' || c.kind === 'tenant')) offerHead(c.unitCode, c.id, HEAD_RANK[c.kind]);
  }
  // What this file has accepted so far, with row numbers, for repeats within the file.
  const unitRow = new Map<string, number>();
  const phoneRow = new Map<string, number>();
  const idRow = new Map<string, number>();
  const personRow = new Map<string, number>();
  const members: { id: string; unit: string; fields: Record<string, unknown>; relation: string }[] = [];

  const refuse = (n: number, label: string, problems: Problem[]) => out.push({ n, status: 'error', label, problems, warnings: [] });

  return {
    add(row) {
      if (out.problems.length || isBlankRow(row, mapping)) return null;
      const converted = householdFromRow(row, mapping, header);
      const { unit, person, householdRelation } = converted.input;
      const unitClean = cleanUnitInput(unit);
      const code = unitClean.ok ? unitClean.value.code : unit.code.trim();
      const label = [code, person?.name.trim()].filter(Boolean).join(' ');
      const problems = [...converted.problems];
      if (row.unlinked) problems.push({ code: 'import.error.unlinked', params: { key: row.unlinked } });
      else if (!unit.code.trim()) problems.push({ code: 'import.error.unitRequired', field: 'unitCode' });
      else if (!unitClean.ok) problems.push(...unitClean.problems);
      const soft = person ? softenOptional(person, converted.warnings, (input) => cleanCustomerInput(input, null)) : null;
      if (soft && !soft.cleaned.ok) problems.push(...soft.cleaned.problems);
      const warnings = [...(soft?.warnings ?? converted.warnings)];
      if (facts.refuseBadOptional) problems.push(...warnings);
      if (problems.length || !unitClean.ok) return refuse(row.n, label, nameColumns(problems, mapping, headers));

      const ops: Op[] = [];
      const notes: Problem[] = [];
      if (registered.has(code) || unitRow.has(code)) notes.push({ code: 'import.existingUnit', params: { unit: code } });
      else {
        const made = createUnit(unit, ctx, registered);
        if (!made.ok) return refuse(row.n, label, made.problems);
        ops.push(...made.value.command.ops);
      }
      if (soft?.cleaned.ok) {
        const input = soft.cleaned.value;
        const key = personKey(input.name, code);
        const rank = householdRelation === 'head' ? HEAD_RANK.head : input.kind === 'owner' ? HEAD_RANK.owner : input.kind === 'tenant' ? HEAD_RANK.tenant : 0;
        // Already registered: matched, not created again; the report says with whom.
        const phone = input.phones.find((p) => byPhone.has(p));
        const holder = (phone && byPhone.get(phone)) || (input.idNumber && byId.get(input.idNumber)) || byNameUnit.get(key);
        if (holder) {
          if (rank && holder.unitCodes.includes(code)) offerHead(code, holder.id, rank);
          // Registered on another unit: the import does not move them; staff should know.
          if (!holder.unitCodes.includes(code)) warnings.push({ code: 'import.warn.personElsewhere', params: { name: holder.name, unit: holder.unitCode || '—', here: code } });
          if (phone) notes.push({ code: 'import.existingPhone', params: { phone: maskPhone(phone), name: holder.name, unit: holder.unitCode || '—' } });
          else if (input.idNumber && byId.get(input.idNumber)) notes.push({ code: 'import.existingId', params: { id: maskIdNumber(input.idNumber), name: holder.name, unit: holder.unitCode || '—' } });
          else notes.push({ code: 'import.existingPerson', params: { name: holder.name, unit: code } });
        } else {
          const samePhone = input.phones.find((p) => phoneRow.has(p));
          if (samePhone) return refuse(row.n, label, [{ code: 'import.error.samePhoneAs', field: 'phones', params: { phone: maskPhone(samePhone), row: phoneRow.get(samePhone)! } }]);
          if (input.idNumber && idRow.has(input.idNumber)) return refuse(row.n, label, [{ code: 'import.error.sameIdAs', field: 'idNumber', params: { id: maskIdNumber(input.idNumber), row: idRow.get(input.idNumber)! } }]);
          if (personRow.has(key)) return refuse(row.n, label, [{ code: 'import.error.samePersonAs', field: 'name', params: { name: input.name, unit: code, row: personRow.get(key)! } }]);
          const made = createCustomer(input, converted.notes, ctx, { existing: [], knownUnits: null });
          if (!made.ok) return refuse(row.n, label, nameColumns(made.problems, mapping, headers));
          const create = made.value.command.ops[0] as Extract<Op, { kind: 'create' }>;
          ops.push(...made.value.command.ops);
          for (const p of input.phones) phoneRow.set(p, row.n);
          if (input.idNumber) idRow.set(input.idNumber, row.n);
          personRow.set(key, row.n);
          if (rank) offerHead(code, made.value.id, rank);
          else members.push({ id: made.value.id, unit: code, fields: create.fields, relation: householdRelation ?? 'other' });
        }
      }
      unitRow.set(code, unitRow.get(code) ?? row.n);
      const report: ReportRow = ops.length
        ? { n: row.n, status: 'new', label, problems: [], warnings }
        : { n: row.n, status: 'existing', label, problems: notes.slice(-1), warnings: warnings.filter((w) => w.code === 'import.warn.personElsewhere') };
      return out.push(report, ops);
    },
    finish() {
      // Heads are known only once every row is read: a member may stand above the 户主.
      for (const m of members) {
        const head = heads.get(m.unit);
        if (!head || head.id === m.id) continue;
        m.fields.householdOf = head.id;
        m.fields.householdRelation = m.relation;
      }
      return out.finish();
    },
  };
}
