import type { Command } from '../domain/ops';
import { ok, type Result } from '../domain/result';
import type { Office } from './office-api';

/**
 * Runs the commands a domain function combined (`combine`: one per shard), one after the other,
 * stopping at the first refusal. Each is all-or-nothing on its own; across shards there is no
 * transaction, so the domain orders them with the record that others point to first.
 */
export async function runAll(office: Office, commands: readonly Command[]): Promise<Result<void>> {
  for (const command of commands) {
    const saved = await office.run(command);
    if (!saved.ok) return saved;
  }
  return ok(undefined);
}
