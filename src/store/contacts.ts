import { logContact as logCommand, type ContactInput } from '../domain/customers/contact';
import { ok, type Result } from '../domain/result';
import type { Office } from './office-api';

export async function logContact(office: Office, input: ContactInput): Promise<Result<string>> {
  const made = logCommand(input, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}
