import type { CommandContext } from '../domain/actor';
import type { Command } from '../domain/ops';
import { fail, ok, type Result } from '../domain/result';
import { highestInSeries, formatNumber, numberSeries } from '../domain/requests/numbering';
import { requestFromRecord } from '../domain/requests/record';
import type { ServiceSettings } from '../domain/requests/settings';
import { shardOf } from '../domain/requests/shard';
import { takeRequest as takeCommand, type IntakeInput } from '../domain/requests/lifecycle';
import { officeDay } from '../domain/requests/work-time';
import type { RequestKind, ServiceRequest } from '../domain/requests/types';
import type { Office } from './office-api';
import { deviceTables } from './device-tables';
import { serviceSettings } from './queries/settings';

/**
 * The next human number of this device. The sequence lives in this device's IndexedDB and is
 * read and bumped in ONE read-write transaction, so two tabs of one tablet never hand out the
 * same number; it never goes below what the ledger already holds for this device (e.g. after
 * the projection was rebuilt). Other devices have other codes, so they cannot collide.
 */
export async function nextNumber(office: Office, kind: RequestKind, now: Date, settings: ServiceSettings): Promise<string> {
  const series = numberSeries(kind, officeDay(now, settings.calendar), office.config.deviceCode);
  const key = `seq:${series}`;
  const db = deviceTables(office);
  return db.transaction('rw', db.meta, db.requests, async () => {
    const stored = Number((await db.meta.get(key))?.value ?? 0);
    const seen = highestInSeries(series, (await db.requests.where('number').startsWith(`${series}-`).keys()) as string[]);
    const seq = Math.max(stored, seen) + 1;
    await db.meta.put({ key, value: seq });
    return formatNumber(series, seq);
  });
}

export async function takeRequest(office: Office, input: IntakeInput): Promise<Result<{ id: string; number: string }>> {
  const settings = await serviceSettings(office.db);
  const ctx = office.context();
  const number = await nextNumber(office, input.kind, new Date(ctx.now), settings);
  const made = takeCommand(input, number, settings, ctx);
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok({ id: made.value.id, number }) : saved;
}

/** A request's live snapshot from its year's ledger. */
export async function readRequest(office: Office, id: string): Promise<ServiceRequest | null> {
  const row = await office.db.requests.get(id);
  if (!row) return null;
  const record = await office.read(shardOf(row), 'requests', id);
  return record ? requestFromRecord(id, record) : null;
}

/** Runs one workflow step on the request as it is now (on this device). */
export async function runStep(
  office: Office,
  id: string,
  build: (req: ServiceRequest, ctx: CommandContext, settings: ServiceSettings) => Result<Command>,
): Promise<Result<void>> {
  const req = await readRequest(office, id);
  if (!req) return fail({ code: 'error.notFound' });
  const command = build(req, office.context(), await serviceSettings(office.db));
  if (!command.ok) return command;
  return office.run(command.value);
}

export { myRole } from './my-role';
