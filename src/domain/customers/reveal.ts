import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { historyEntry } from '../history';

/** Showing a full phone number is recorded in the customer's history: who looked, and when. */
export function revealCustomerPhone(id: string, ctx: CommandContext): Command {
  return { shard: 'directory', ops: [{ kind: 'log', collection: 'customers', id, entry: historyEntry(ctx, 'history.phoneRevealed') }] };
}

/** Likewise for the ID number. */
export function revealCustomerIdNumber(id: string, ctx: CommandContext): Command {
  return { shard: 'directory', ops: [{ kind: 'log', collection: 'customers', id, entry: historyEntry(ctx, 'history.idRevealed') }] };
}
