import type { CommandContext } from '../actor';
import { historyEntry, type FieldChange } from '../history';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import { INDICATOR_IDS, UNIT, type Targets } from './targets';

/** A manager changes the office's targets; one history line names each change. */
export function setTargets(current: Targets, next: Targets, ctx: CommandContext, role: string): Result<Command | null> {
  if (role !== 'manager') return fail({ code: 'settings.error.managerOnly' });
  const problems: Problem[] = [];
  const changes: FieldChange[] = [];
  for (const id of INDICATOR_IDS) {
    const { target, amber } = next[id];
    const max = UNIT[id] === 'percent' ? 100 : 10_000;
    if (!Number.isFinite(target) || target < 0 || target > max) problems.push({ code: 'indicator.error.target', field: id, params: { max } });
    if (!Number.isFinite(amber) || amber < 0 || amber > max) problems.push({ code: 'indicator.error.amber', field: id, params: { max } });
    if (target !== current[id].target) changes.push({ field: `indicator.${id}`, from: String(current[id].target), to: String(target) });
    if (amber !== current[id].amber) changes.push({ field: `indicator.amberOf.${id}`, from: String(current[id].amber), to: String(amber) });
  }
  if (problems.length) return fail(...problems);
  if (!changes.length) return ok(null);
  return ok({
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'indicators', upsert: true, fields: { targets: next } },
      { kind: 'log', collection: 'settings', id: 'indicators', entry: historyEntry(ctx, 'indicator.targetsChanged', changes) },
    ],
  });
}
