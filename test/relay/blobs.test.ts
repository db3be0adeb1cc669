import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { readdir, writeFile } from 'node:fs/promises';
import { checkBlobs, printReport } from '../../sync-server/storage-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { addDevice, revokeDevice } from '../helpers/device-api';
import { relayIn, removeDir, tempDir } from '../helpers/relay';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function relay(extra: Parameters<typeof relayIn>[1] = {}): Promise<{ relay: Relay; dataDir: string }> {
  const dataDir = await tempDir('linli-blobs-');
  cleanups.push(() => removeDir(dataDir));
  const r = await relayIn(dataDir, { backupDir: null, ...extra });
  cleanups.push(() => r.close());
  return { relay: r, dataDir };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A few bytes that start like a JPEG (the relay names the type from them on GET). */
const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(n - 4)]);

function put(r: Relay, office: string, token: string, name: string, body: Uint8Array, thumb = false) {
  return fetch(`${r.url}/api/offices/${office}/blob/${name}${thumb ? '?thumb=1' : ''}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' }, body: body as BodyInit });
}
const get = (r: Relay, office: string, token: string, name: string) => fetch(`${r.url}/api/offices/${office}/blob/${name}`, { headers: { authorization: `Bearer ${token}` } });

/** Every file under `dir` (relative paths). */
async function files(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await files(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

describe('relay blobs', () => {
  it('keeps a blob write-once under its SHA-256, serves it back, and says which it has', async () => {
    const { relay: r, dataDir } = await relay();
    const office = await r.offices.add('翠湖花园管理处');
    const photo = jpeg(50_000);
    const name = sha(photo);
    const first = await put(r, office.id, office.token, name, photo);
    expect(first.status).toBe(201);
    expect(await files(join(dataDir, 'blobs', office.id))).toEqual([`${name.slice(0, 2)}/${name}`]);
    // Again: nothing written twice.
    expect((await put(r, office.id, office.token, name, photo)).status).toBe(200);

    const back = await get(r, office.id, office.token, name);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await back.arrayBuffer()).equals(photo)).toBe(true);

    const other = sha(jpeg(100));
    const have = await fetch(`${r.url}/api/offices/${office.id}/blobs/have`, { method: 'POST', headers: { authorization: `Bearer ${office.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sha256: [name, other] }) });
    expect(await have.json()).toEqual({ have: [name] });
    expect((await get(r, office.id, office.token, other)).status).toBe(404);
  });

  it('refuses a wrong hash, an oversize original or thumbnail, a full quota — each with its status and message', async () => {
    const { relay: r, dataDir } = await relay({ blobLimits: { maxBytes: 100_000, thumbMaxBytes: 10_000, quotaBytes: 150_000 } });
    const office = await r.offices.add('翠湖花园管理处');

    const photo = jpeg(20_000);
    const wrong = await put(r, office.id, office.token, sha(jpeg(20_000)), photo);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'hash-mismatch', message: expect.stringContaining('hash') });

    const big = jpeg(100_001);
    const oversize = await put(r, office.id, office.token, sha(big), big);
    expect(oversize.status).toBe(413);
    expect(await oversize.json()).toMatchObject({ error: 'too-large', limit: 100_000 });

    // A thumbnail has its own, smaller bound; the same bytes as an original are fine.
    const bigThumb = jpeg(10_001);
    const thumb = await put(r, office.id, office.token, sha(bigThumb), bigThumb, true);
    expect(thumb.status).toBe(413);
    expect(await thumb.json()).toMatchObject({ error: 'too-large', limit: 10_000 });
    expect((await put(r, office.id, office.token, sha(bigThumb), bigThumb)).status).toBe(201);

    const a = jpeg(90_000);
    expect((await put(r, office.id, office.token, sha(a), a)).status).toBe(201);
    // 10,001 + 90,000 kept: another 90,000 would pass the office's 150,000.
    const b = jpeg(90_000);
    const full = await put(r, office.id, office.token, sha(b), b);
    expect(full.status).toBe(507);
    expect(await full.json()).toMatchObject({ error: 'quota-full', message: expect.stringContaining('full'), limit: 150_000 });
    // Nothing of the refused ones is on disk.
    expect((await files(join(dataDir, 'blobs', office.id))).filter((f) => !f.startsWith('.tmp')).sort()).toEqual([`${sha(a).slice(0, 2)}/${sha(a)}`, `${sha(bigThumb).slice(0, 2)}/${sha(bigThumb)}`].sort());
  });

  it("gives another office's token and a revoked device nothing", async () => {
    const { relay: r } = await relay();
    const mine = await r.offices.add('翠湖花园管理处');
    const theirs = await r.offices.add('碧水苑管理处');
    const photo = jpeg(5000);
    const name = sha(photo);
    expect((await put(r, mine.id, mine.token, name, photo)).status).toBe(201);

    // Another office's valid token: not a device of this office.
    const stranger = await get(r, mine.id, theirs.token, name);
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: 'unauthorized', message: 'not a device of this office' });
    const strangerPut = await put(r, mine.id, theirs.token, sha(jpeg(10)), jpeg(10));
    expect(strangerPut.status).toBe(401);
    // And its own office has no such blob (offices never share a folder).
    expect((await get(r, theirs.id, theirs.token, name)).status).toBe(404);

    const lost = await addDevice(r.url, mine.id, mine.token);
    expect((await get(r, mine.id, lost.token, name)).status).toBe(200);
    expect(await revokeDevice(r.url, mine.id, mine.token, lost.deviceCode)).toBe(200);
    const revoked = await get(r, mine.id, lost.token, name);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: 'revoked', message: 'this device was revoked' });
    const have = await fetch(`${r.url}/api/offices/${mine.id}/blobs/have`, { method: 'POST', headers: { authorization: `Bearer ${lost.token}` }, body: JSON.stringify({ sha256: [name] }) });
    expect(have.status).toBe(401);
  });

  it('an upload cut off half way leaves no file under its name and no temp file', async () => {
    const logged: string[] = [];
    const { relay: r, dataDir } = await relay({ log: (line) => logged.push(line) });
    const office = await r.offices.add('翠湖花园管理处');
    const photo = jpeg(2_000_000);
    const name = sha(photo);
    const url = new URL(`${r.url}/api/offices/${office.id}/blob/${name}`);
    await new Promise<void>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { authorization: `Bearer ${office.token}`, 'content-length': String(photo.length) } });
      req.on('error', () => resolve());
      req.write(photo.subarray(0, 1_000_000), () => {
        // Half the bytes are sent: the tablet drops off the Wi-Fi.
        req.destroy();
        resolve();
      });
    });
    // The relay notices the broken body (its log says so: awaited, not timed), and by then has removed its temp file.
    while (!logged.some((l) => l.includes('blob upload broke off'))) await new Promise((res) => setTimeout(res, 20));
    expect(await files(join(dataDir, 'blobs', office.id))).toEqual([]);
    expect((await get(r, office.id, office.token, name)).status).toBe(404);
    // The whole upload later goes through.
    expect((await put(r, office.id, office.token, name, photo)).status).toBe(201);
  });

  it('`check` finds a blob whose bytes no longer match its name', async () => {
    const { relay: r } = await relay();
    const office = await r.offices.add('翠湖花园管理处');
    const good = jpeg(3000);
    const bad = jpeg(3000);
    for (const p of [good, bad]) expect((await put(r, office.id, office.token, sha(p), p)).status).toBe(201);
    expect(await checkBlobs(r.blobs)).toEqual([{ office: office.id, count: 2, damaged: [] }]);
    // A disk fault flips the file's bytes.
    await writeFile(r.blobs.pathOf(office.id, sha(bad)), jpeg(3000));
    const found = await checkBlobs(r.blobs);
    expect(found).toEqual([{ office: office.id, count: 2, damaged: [sha(bad)] }]);
    const lines: string[] = [];
    printReport({ ok: false, rooms: [], backups: [], blobs: found }, (l) => lines.push(l));
    expect(lines.some((l) => l.includes('DAMAGED') && l.includes(sha(bad)))).toBe(true);
  });
});
