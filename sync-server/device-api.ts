import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { bearer, json, readJson, text } from './http';
import type { OfficeRegistry } from './offices';
import { newSecret, secretMatches } from './secrets';
import type { ManagerProofs } from './manager-proof';
import type * as Y from 'yjs';

export interface DeviceApiContext {
  offices: OfficeRegistry;
  /** Closes every open socket of a device (revocation). */
  cutOff(officeId: string, code: string): void;
  /** Checks a manager's PIN against the office document (manager-proof.ts). */
  proofs: ManagerProofs;
  /** Runs `read` on the office shard as the relay holds it (the open room's, or loaded from disk). */
  withOfficeDoc<T>(officeId: string, read: (doc: Y.Doc) => Promise<T>): Promise<T>;
  /** Hash of DATA_DIR/admin.key: lets `npm run relay -- invite` ask a running relay. */
  adminKeyHash: string;
  log(line: string): void;
}

const ROUTE = /^\/api\/offices\/([a-z0-9]+)\/(devices|invitations|devices\/migrate|devices\/self|devices\/([A-Z]{1,4})\/revoke)$/;

/**
 * The device API. Every call but joining (which spends an invitation) and migrating (which
 * spends the old office token once) is made with the caller's own device token. Minting an
 * invitation and revoking a device also need a manager at the tablet: the body carries the
 * manager's staff id and PIN, which the relay checks against the office document it holds
 * (manager-proof.ts). The office's last working device is never revoked.
 * Nothing here logs a token, a code or a PIN.
 */
export async function handleDeviceApi(req: IncomingMessage, res: ServerResponse, path: string, ctx: DeviceApiContext): Promise<boolean> {
  const { offices } = ctx;
  const reply = (status: number, body: unknown) => {
    json(res, status, body);
    return true;
  };
  const admin = path.match(/^\/api\/admin\/offices\/([a-z0-9]+)\/invitations$/);
  if (admin && req.method === 'POST') {
    if (!secretMatches(bearer(req), ctx.adminKeyHash)) return reply(401, { error: 'unauthorized' });
    if (!offices.has(admin[1])) return reply(404, { error: 'not-found' });
    const body = (await readJson(req, 4096)) ?? {};
    const made = await offices.invite(admin[1], { createdBy: text(body.createdBy) || 'relay', createdByDevice: '', deviceName: text(body.deviceName) });
    ctx.log(`invitation created: office ${admin[1]} from the command line`);
    return reply(201, made);
  }
  const m = path.match(ROUTE);
  if (!m) return false;
  const [, officeId, what, revokeCode] = m;

  if (what === 'devices' && req.method === 'POST') {
    // Joining: the invitation is the credential.
    const body = await readJson(req, 4096);
    const joined = await offices.join(officeId, text(body?.invite));
    if (!joined.ok) return reply(401, { error: `invitation-${joined.reason}` });
    ctx.log(`device joined: office ${officeId} device ${joined.device.deviceCode}`);
    return reply(201, joined.device);
  }

  if (what === 'devices/migrate' && req.method === 'POST') {
    const body = await readJson(req, 4096);
    const code = text(body?.deviceCode);
    const migrated = await offices.migrate(officeId, bearer(req), code);
    if (!migrated) return reply(401, { error: 'unauthorized' });
    ctx.log(`device migrated to its own token: office ${officeId} device ${code}`);
    return reply(200, { token: migrated.token, deviceCode: code });
  }

  const caller = offices.authenticate(officeId, bearer(req));
  if (!caller.ok) return reply(401, { error: caller.reason });
  offices.touch(caller.device);

  if (what === 'devices/self' && req.method === 'GET') return reply(200, { deviceCode: caller.device.code });
  if (what === 'devices' && req.method === 'GET') return reply(200, { devices: offices.listDevices(officeId), self: caller.device.code });
  if ((what === 'invitations' || revokeCode) && req.method === 'POST') {
    const body = (await readJson(req, 4096)) ?? {};
    const proof = await ctx.withOfficeDoc(officeId, (doc) => ctx.proofs.check(officeId, doc, body.staffId, body.pin));
    if (!proof.ok) {
      ctx.log(`device administration refused (${proof.reason}): office ${officeId} by device ${caller.device.code}`);
      return reply(proof.reason === 'pin-locked' ? 429 : 403, { error: proof.reason, until: proof.until, left: proof.left });
    }
    if (what === 'invitations') {
      // The history-like "who invited it" is the proven manager's name, not what the body claims.
      const made = await offices.invite(officeId, { createdBy: proof.name, createdByDevice: caller.device.code, deviceName: text(body.deviceName) });
      ctx.log(`invitation created: office ${officeId} by device ${caller.device.code}`);
      return reply(201, made);
    }
    const revoked = await offices.revoke(officeId, revokeCode);
    if (revoked === 'not-found') return reply(404, { error: 'not-found' });
    if (revoked === 'last-device') return reply(409, { error: 'last-device' });
    ctx.cutOff(officeId, revokeCode);
    ctx.log(`device revoked: office ${officeId} device ${revokeCode} by device ${caller.device.code}`);
    return reply(200, { revoked: revokeCode });
  }
  return reply(405, { error: 'method-not-allowed' });
}

/**
 * DATA_DIR/admin.key (mode 0600): whoever can read the relay's data may create invitations
 * through the running relay (`npm run relay -- invite`). Made on first start.
 */
export async function loadAdminKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'admin.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const key = newSecret();
    await writeFile(file, key, { mode: 0o600 });
    return key;
  }
}
