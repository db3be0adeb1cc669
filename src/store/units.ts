import { createUnit as createCommand, updateUnit as updateCommand, type UnitInput } from '../domain/units/unit';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { oneAtATime } from './one-at-a-time';
import { knownUnitCodes } from './queries/units';

/** Registers a unit whose code is new in the office — also when two creates are in flight at once (see one-at-a-time.ts). */
export function createUnit(office: Office, input: UnitInput): Promise<Result<string>> {
  return oneAtATime(office, 'directory', async () => {
    await office.load('directory');
    const made = createCommand(input, office.context(), (await knownUnitCodes(office.db)) ?? new Set<string>());
    if (!made.ok) return made;
    const saved = await office.run(made.value.command);
    return saved.ok ? ok(made.value.id) : saved;
  });
}

export async function updateUnit(office: Office, id: string, input: Omit<UnitInput, 'code'>): Promise<Result<void>> {
  await office.load('directory');
  const current = await office.db.units.get(id);
  if (!current) return fail({ code: 'error.notFound' });
  const command = updateCommand(current, input, office.context());
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}
