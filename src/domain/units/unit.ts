import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { historyEntry, type FieldChange } from '../history';
import { newId } from '../ids';
import { fail, ok, type Problem, type Result } from '../result';
import { canonicalUnitCode } from './unit-code';
import type { UnitInput, UnitRow, UnitStatus, UnitUse } from './types';
import { UNIT_STATUSES, UNIT_USES } from './types';

export * from './types';

/** Splits a canonical code into building / entrance / room, and the floor from the room number. */
export function unitParts(code: string): Pick<UnitRow, 'building' | 'entrance' | 'floor' | 'room'> {
  const parts = code.split('-');
  const room = parts[parts.length - 1] ?? '';
  const building = parts.length > 1 ? parts[0] : '';
  const entrance = parts.length > 2 ? parts[1] : '';
  const floor = room.length > 2 ? Number(room.slice(0, room.length - 2)) : 0;
  return { building, entrance, floor: Number.isFinite(floor) ? floor : 0, room };
}

export function cleanUnitInput(input: UnitInput): Result<{ code: string; area: number | null; use: UnitUse; status: UnitStatus }> {
  const problems: Problem[] = [];
  const code = canonicalUnitCode(input.code);
  if (!code) problems.push({ code: 'unit.error.badCode', field: 'code', params: { unit: input.code.trim() || '—' } });
  let area: number | null = null;
  if (String(input.area ?? '').trim()) {
    area = Number(String(input.area).trim());
    if (!Number.isFinite(area) || area <= 0 || area > 100_000) problems.push({ code: 'unit.error.badArea', field: 'area', params: { area: String(input.area) } });
  }
  const use = UNIT_USES.includes(input.use) ? input.use : 'residential';
  const status = UNIT_STATUSES.includes(input.status) ? input.status : 'owner';
  if (problems.length) return fail(...problems);
  return ok({ code: code!, area, use, status });
}

export function createUnit(input: UnitInput, ctx: CommandContext, existingCodes: Set<string>, id = newId()): Result<{ id: string; command: Command }> {
  const cleaned = cleanUnitInput(input);
  if (!cleaned.ok) return cleaned;
  if (existingCodes.has(cleaned.value.code)) return fail({ code: 'unit.error.duplicate', field: 'code', params: { unit: cleaned.value.code } });
  return ok({
    id,
    command: {
      shard: 'directory',
      ops: [
        { kind: 'create', collection: 'units', id, fields: { ...cleaned.value, createdAt: ctx.now, createdBy: ctx.actor.staffId, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
        { kind: 'log', collection: 'units', id, entry: historyEntry(ctx, 'history.created') },
      ],
    },
  });
}

export function updateUnit(current: UnitRow, input: Omit<UnitInput, 'code'>, ctx: CommandContext): Result<Command | null> {
  const cleaned = cleanUnitInput({ ...input, code: current.code });
  if (!cleaned.ok) return cleaned;
  const fields: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  for (const key of ['area', 'use', 'status'] as const) {
    if (cleaned.value[key] !== current[key]) {
      fields[key] = cleaned.value[key];
      changes.push({ field: `unit.${key}`, from: String(current[key] ?? ''), to: String(cleaned.value[key] ?? '') });
    }
  }
  if (!changes.length) return ok(null);
  return ok({
    shard: 'directory',
    ops: [
      { kind: 'set', collection: 'units', id: current.id, fields: { ...fields, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'units', id: current.id, entry: historyEntry(ctx, 'history.updated', changes) },
    ],
  });
}

export function projectUnit(id: string, r: Record<string, unknown>): UnitRow {
  const code = String(r.code ?? '');
  return {
    id,
    code,
    ...unitParts(code),
    area: typeof r.area === 'number' ? r.area : null,
    use: UNIT_USES.includes(r.use as UnitUse) ? (r.use as UnitUse) : 'residential',
    status: UNIT_STATUSES.includes(r.status as UnitStatus) ? (r.status as UnitStatus) : 'owner',
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : '',
  };
}

/** Sort key that orders 3-2-901 before 3-2-1101 and building 10 after building 9. */
export function unitSortKey(code: string): string {
  return code.split('-').map((p) => p.padStart(6, '0')).join('-');
}
