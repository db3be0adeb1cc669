import { createUnit as createCommand, updateUnit as updateCommand, type UnitInput } from '../domain/units/unit';
import { fail, ok, type Result } from '../domain/result';
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
