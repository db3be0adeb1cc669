/**
 * Attachments in backups (issue 19): the relay's daily backup copies each blob once beside its
 * files and names referenced blobs it lacks; backup → wipe → restore brings every blob back;
 * a tablet's backup file carries its blobs and re-seeds a relay with them; a blob no record
 * refers to is removed only after the grace period.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepBlob } from '../../src/store/blobs/local';
import { tabletBackup } from '../../src/store/backup';
import { deviceTables } from '../../src/store/device-tables';
import { LOCAL_ORIGIN } from '../../src/store/shard-doc';
import type { Relay } from '../../sync-server/relay';
import { whenSynced, yClient } from '../helpers/client';
import { openDevice } from '../helpers/devices';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function scratch(): Promise<string> {
  const dir = await tempDir('linli-blob-backup-');
  cleanups.push(() => removeDir(dir));
  return dir;
}
async function relay(dataDir: string, extra: Parameters<typeof relayIn>[1] = {}): Promise<Relay> {
  const r = await relayIn(dataDir, extra);
  cleanups.push(() => r.close());
  return r;
}
function cli(dataDir: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sync-server/main.ts'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: '1', HOST: '127.0.0.1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`relay ${args[0]} exited ${code}:\n${out}`))));
  });
}

const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(n - 4)]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const put = (r: Relay, office: string, token: string, body: Buffer) =>
  fetch(`${r.url}/api/offices/${office}/blob/${sha(body)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: body as BodyInit });
const get = async (r: Relay, office: string, token: string, name: string) => {
  const res = await fetch(`${r.url}/api/offices/${office}/blob/${name}`, { headers: { authorization: `Bearer ${token}` } });
  return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : res.status;
};

/** A request in the office's ledger whose attachments refer to these originals (thumb: the next name). */
async function referTo(r: Relay, office: string, token: string, pictures: [string, string][], at = new Date().toISOString()): Promise<void> {
  const c = yClient(wsUrl(r), `${office}/ledger-2026-12`, token);
  await whenSynced(c.provider);
  c.doc.transact(() => {
    const record = new Y.Map<unknown>();
    const attachments = new Y.Map<unknown>();
    for (const [original, thumb] of pictures) attachments.set(original, { sha256: original, mime: 'image/jpeg', bytes: 1, width: 1, height: 1, kind: 'photo', by: 's1', at, thumb });
    record.set('description', '漏水');
    record.set('attachments', attachments);
    c.doc.getMap('requests').set(`r-${pictures[0][0].slice(0, 6)}`, record);
  });
  // Round trip: a second client sees it, so the relay has stored it.
  const check = yClient(wsUrl(r), `${office}/ledger-2026-12`, token);
  await whenSynced(check.provider);
  while (!check.doc.getMap('requests').has(`r-${pictures[0][0].slice(0, 6)}`)) await new Promise((res) => setTimeout(res, 20));
  c.provider.destroy();
  check.provider.destroy();
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(e.name);
  return out.sort();
}

describe('blobs in backups', () => {
  it('backup → wipe the relay → restore: every blob is back; each blob is copied once; referenced blobs the relay lacks are named', async () => {
    const dataDir = await scratch();
    const backupDir = await scratch();
    const logged: string[] = [];
    const first = await relay(dataDir, { backupDir, log: (l) => logged.push(l) });
    const office = await first.offices.add('翠湖花园管理处');
    const photos = [jpeg(40_000), jpeg(5_000), jpeg(30_000), jpeg(4_000)];
    for (const p of photos) expect((await put(first, office.id, office.token, p)).status).toBe(201);
    const lost = sha(jpeg(1000));
    await referTo(first, office.id, office.token, [[sha(photos[0]), sha(photos[1])], [sha(photos[2]), sha(photos[3])], [lost, '']]);

    const path = (await first.backups!.run(true))!;
    expect(await files(join(backupDir, 'blobs', office.id))).toEqual(photos.map(sha).sort());
    const json = JSON.parse(gunzipSync(await readFile(path)).toString('utf8'));
    expect(json.offices[0].missingBlobs).toEqual([lost]);
    expect(logged.some((l) => l.includes('BLOBS MISSING') && l.includes(lost))).toBe(true);
    // Again the same day: nothing is copied twice.
    const copiedLines = () => logged.filter((l) => l.startsWith('blobs backed up')).length;
    expect(copiedLines()).toBe(1);
    await first.backups!.run(true);
    expect(copiedLines()).toBe(1);
    const later = jpeg(6000);
    expect((await put(first, office.id, office.token, later)).status).toBe(201);
    await first.backups!.run(true);
    expect(logged.filter((l) => l.startsWith('blobs backed up')).at(-1)).toContain('1 new of 5');

    const port = first.port;
    await first.close();
    await rm(dataDir, { recursive: true, force: true });
    const out = await cli(dataDir, 'restore', path);
    expect(out).toContain('5 pictures');
    const second = await relay(dataDir, { port, backupDir: null });
    for (const p of [...photos, later]) expect(await get(second, office.id, office.token, sha(p))).toEqual(p);
  }, 60_000);

  it("re-seeding a relay from a tablet's backup file brings the tablet's blobs; the file names those it lacks", async () => {
    const dataDir = await scratch();
    const first = await relay(dataDir, { backupDir: null });
    const office = await first.offices.add('翠湖花园管理处');
    const a = openDevice({ officeId: office.id, deviceCode: office.deviceCode, relay: { url: wsUrl(first), token: office.token } });
    const original = jpeg(80_000);
    const thumb = jpeg(6_000);
    const kept = await keepBlob(deviceTables(a.office), new Blob([original]), 'image/jpeg', false);
    const keptThumb = await keepBlob(deviceTables(a.office), new Blob([thumb]), 'image/jpeg', true);
    const theirs = sha(jpeg(100)); // a colleague's picture this tablet never fetched
    const { doc } = await a.store.shard('ledger-2026-12');
    doc.transact(() => {
      const record = new Y.Map<unknown>();
      const attachments = new Y.Map<unknown>();
      attachments.set(kept.sha256, { sha256: kept.sha256, mime: 'image/jpeg', bytes: kept.bytes, width: 1, height: 1, kind: 'scan', by: 's1', at: new Date().toISOString(), thumb: keptThumb.sha256 });
      attachments.set(theirs, { sha256: theirs, mime: 'image/jpeg', bytes: 100, width: 1, height: 1, kind: 'photo', by: 's2', at: '2026-01-01T00:00:00.000Z', thumb: '' });
      record.set('attachments', attachments);
      doc.getMap('papers').set('p1', record);
    }, LOCAL_ORIGIN);
    await (await a.store.shard('ledger-2026-12')).flushed();

    const made = await tabletBackup(a.office);
    expect(made.missingBlobs).toEqual([theirs]);
    const file = join(await scratch(), made.fileName);
    await writeFile(file, made.bytes);
    await a.close();
    await first.close();

    // The relay's disk is lost; the office comes back from the tablet's file.
    const fresh = await scratch();
    const out = await cli(fresh, 'restore', file);
    expect(out).toContain('2 pictures');
    const second = await relay(fresh, { backupDir: null });
    expect(await second.blobs.has(office.id, kept.sha256)).toBe(true);
    expect(await second.blobs.has(office.id, keptThumb.sha256)).toBe(true);
    expect(await second.blobs.has(office.id, theirs)).toBe(false);
  }, 60_000);

  it('a blob no record refers to is removed only after the grace period; referenced blobs stay', async () => {
    const dataDir = await scratch();
    let clock = Date.parse('2026-12-01T03:00:00.000Z');
    const r = await relay(dataDir, { backupDir: join(dataDir, 'backups'), now: () => clock, blobGraceDays: 30 });
    const office = await r.offices.add('翠湖花园管理处');
    const kept = jpeg(3000);
    const orphan = jpeg(3000);
    for (const p of [kept, orphan]) expect((await put(r, office.id, office.token, p)).status).toBe(201);
    await referTo(r, office.id, office.token, [[sha(kept), '']]);
    await r.backups!.run(true);
    expect(await r.blobs.has(office.id, sha(orphan))).toBe(true);
    clock += 29 * 86_400_000;
    await r.backups!.run(true);
    expect(await r.blobs.has(office.id, sha(orphan))).toBe(true);
    clock += 2 * 86_400_000;
    await r.backups!.run(true);
    expect(await r.blobs.has(office.id, sha(orphan))).toBe(false);
    expect(await r.blobs.has(office.id, sha(kept))).toBe(true);
    // The backup folder keeps it: an older backup file that referred to it can still be restored whole.
    expect(await files(join(dataDir, 'backups', 'blobs', office.id))).toContain(sha(orphan));
  }, 60_000);
});
