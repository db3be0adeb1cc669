import { editRequestDescription as editCommand } from '../domain/requests/lifecycle';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { readRequest } from './requests';

/** The description is collaborative text, like a customer's notes. */
export async function editRequestDescription(office: Office, id: string, value: string, base?: string): Promise<Result<void>> {
  const req = await readRequest(office, id);
  if (!req) return fail({ code: 'error.notFound' });
  const command = editCommand(req, value, office.context(), base);
  if (!command.ok) return command;
  return command.value ? office.run(command.value) : ok(undefined);
}
