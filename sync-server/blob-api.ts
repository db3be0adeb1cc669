import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, json, readJson } from './http';
import type { OfficeRegistry } from './offices';
import { SHA256, sniffMime, type BlobStore, type PutRefusal } from './blob-store';

export interface BlobApiContext {
  offices: OfficeRegistry;
  blobs: BlobStore;
  log(line: string): void;
}

/**
 * The refusals a tablet can meet, each with its status and a message in English for logs and
 * scripts (the tablet shows its own words for `error`, `blobs.error.<error>` in i18n).
 */
export const REFUSALS: Record<PutRefusal, { status: number; message: (limit?: number) => string }> = {
  'too-large': { status: 413, message: (limit) => `blob larger than this relay accepts (${limit} bytes)` },
  'quota-full': { status: 507, message: (limit) => `the office's storage on the relay is full (${limit} bytes)` },
  'hash-mismatch': { status: 400, message: () => 'the bytes do not hash to the name they were sent under' },
  incomplete: { status: 400, message: () => 'the upload ended before all its bytes arrived' },
};

const ROUTE = /^\/api\/offices\/([a-z0-9]+)\/(blob\/([^/]+)|blobs\/have)$/;

/**
 * `PUT  /api/offices/<office>/blob/<sha256>[?thumb=1]` body = the bytes (content-type: its mime);
 * `GET  /api/offices/<office>/blob/<sha256>` the bytes;
 * `POST /api/offices/<office>/blobs/have` {sha256: [...]} → {have: [...]}.
 * Every call needs one of this office's device tokens (`authorization: Bearer …`), exactly as the
 * device API: a revoked device or another office's token gets 401 and nothing else.
 */
export async function handleBlobApi(req: IncomingMessage, res: ServerResponse, path: string, ctx: BlobApiContext): Promise<boolean> {
  const m = path.match(ROUTE);
  if (!m) return false;
  const [, officeId, , sha256] = m;
  const caller = ctx.offices.authenticate(officeId, bearer(req));
  if (!caller.ok) {
    json(res, 401, { error: caller.reason, message: caller.reason === 'revoked' ? 'this device was revoked' : 'not a device of this office' });
    req.resume();
    return true;
  }
  ctx.offices.touch(caller.device);

  if (sha256 === undefined) {
    if (req.method !== 'POST') return refuse(req, res, 405, 'method-not-allowed', 'POST only');
    const body = await readJson(req, 64 * 1024 * 8);
    const asked = Array.isArray(body?.sha256) ? body.sha256.filter((s): s is string => typeof s === 'string' && SHA256.test(s)) : null;
    if (!asked) return refuse(req, res, 400, 'bad-request', 'expected {"sha256": [ … ]}');
    const have: string[] = [];
    for (const s of asked.slice(0, 5000)) if (await ctx.blobs.has(officeId, s)) have.push(s);
    json(res, 200, { have });
    return true;
  }
  if (!SHA256.test(sha256)) return refuse(req, res, 400, 'bad-name', 'a blob is named by its SHA-256 in lowercase hex');

  if (req.method === 'GET') {
    const bytes = await ctx.blobs.size(officeId, sha256);
    if (bytes === null) return refuse(req, res, 404, 'not-found', 'the relay does not have this blob');
    const stream = ctx.blobs.read(officeId, sha256);
    let head: Buffer | null = null;
    for await (const chunk of stream) {
      if (!head) {
        head = chunk as Buffer;
        res.writeHead(200, { 'content-type': sniffMime(head), 'content-length': String(bytes), 'cache-control': 'private, max-age=31536000, immutable' });
      }
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    if (!head) res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '0' });
    res.end();
    return true;
  }

  if (req.method === 'PUT') {
    const url = new URL(req.url ?? '/', 'http://relay');
    const thumb = url.searchParams.get('thumb') === '1';
    const length = req.headers['content-length'];
    const declared = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
    let put;
    try {
      // Not destroyed when a refusal stops reading: the rest is drained so the answer arrives.
      put = await ctx.blobs.put(officeId, sha256, req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>, { thumb, declared });
    } catch (err) {
      // The socket went away mid-body: nothing of it is kept (BlobStore.put removed its temp file).
      ctx.log(`blob upload broke off: office ${officeId} device ${caller.device.code} (${(err as Error).message})`);
      if (!res.headersSent && !res.destroyed) json(res, 400, { error: 'incomplete', message: REFUSALS.incomplete.message() });
      return true;
    }
    if (!put.ok) {
      const refusal = REFUSALS[put.reason];
      ctx.log(`blob refused (${put.reason}): office ${officeId} device ${caller.device.code}`);
      return refuse(req, res, refusal.status, put.reason, refusal.message(put.limit), put.limit);
    }
    json(res, put.existed ? 200 : 201, { sha256, bytes: put.bytes });
    return true;
  }
  return refuse(req, res, 405, 'method-not-allowed', 'GET or PUT');
}

/** Answers, then reads and drops the rest of the body, so the client gets the answer rather than a reset. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string, message: string, limit?: number): true {
  json(res, status, { error, message, ...(limit !== undefined ? { limit } : {}) });
  req.resume();
  return true;
}
