import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, json, readJson, text } from './http';
import type { OfficeRegistry } from './offices';
import { secretMatches } from './secrets';

export interface AdminApiContext {
  offices: OfficeRegistry;
  /** Hash of DATA_DIR/admin.key: whoever can read the relay's data may use these routes. */
  adminKeyHash: string;
  log(line: string): void;
  /** `npm run relay -- check` against the running relay (LevelDB has one writer). */
  check(): Promise<unknown>;
}

/**
 * The command line's way into a running relay, so that what it does is never written beside
 * the relay's own copy of offices.json (and lost on the relay's next save):
 * `POST /api/admin/offices` {name} (add-office) and `POST /api/admin/check`.
 * (`POST /api/admin/offices/<id>/invitations` lives with the device API.)
 */
export async function handleAdminApi(req: IncomingMessage, res: ServerResponse, path: string, ctx: AdminApiContext): Promise<boolean> {
  if (path !== '/api/admin/offices' && path !== '/api/admin/check') return false;
  if (req.method !== 'POST') {
    json(res, 405, { error: 'method-not-allowed' });
    return true;
  }
  if (!secretMatches(bearer(req), ctx.adminKeyHash)) {
    json(res, 401, { error: 'unauthorized' });
    return true;
  }
  if (path === '/api/admin/check') {
    json(res, 200, await ctx.check());
    return true;
  }
  const body = await readJson(req, 4096);
  const name = text(body?.name);
  if (!name.trim()) {
    json(res, 400, { error: 'name-required' });
    return true;
  }
  const office = await ctx.offices.add(name);
  ctx.log(`office created: ${office.id} (${office.name}) from the command line`);
  json(res, 201, { officeId: office.id, name: office.name, token: office.token, deviceCode: office.deviceCode });
  return true;
}
