import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { readBackupFile } from '../../sync-server/backup';
import { closeEvent, until, whenSynced, yClient } from '../helpers/client';
import { relayIn, spawnRelay, waitExit, wsUrl } from '../helpers/relay';
import { relayCli, scratchPerTest } from '../helpers/relay-scratch';

const { cleanups, dir: scratch } = scratchPerTest('linli-storage-');
const cli = relayCli;

/** Fails with `what` instead of hanging the file when `p` never settles. */
function within<T>(p: Promise<T>, what: string, ms = 30_000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref())]);
}

/** Every path under `dir` with its permission bits. */
async function modes(dir: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const walk = async (path: string) => {
    const st = await lstat(path);
    out.push([path.slice(dir.length) || '/', (st.mode & 0o777).toString(8)]);
    if (st.isDirectory()) for (const n of await readdir(path)) await walk(join(path, n));
  };
  await walk(dir);
  return out;
}

/** Paths not 0700 (folders) or 0600 (files). */
async function loose(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const [p, m] of await modes(dir)) if (m !== ((await lstat(join(dir, p))).isDirectory() ? '700' : '600')) out.push(`${p} ${m}`);
  return out;
}

describe('a private DATA_DIR (issue 18, failure 4)', () => {
  it('after `npm start` on a fresh DATA_DIR every folder is 0700 and every file 0600, LevelDB, backups and tls included', async () => {
    const old = process.umask(0o022); // the usual umask of an admin's shell and of npm start
    cleanups.push(() => process.umask(old));
    const dir = join(await scratch(), 'data');
    const proc = await spawnRelay(dir);
    cleanups.push(async () => {
      proc.child.kill('SIGKILL');
      await waitExit(proc.child);
    });
    const made = await (await fetch(`${proc.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '翠湖花园' }) })).json();
    const c = yClient(proc.url.replace(/^http/, 'ws'), `${made.officeId}/directory`, made.token);
    await whenSynced(c.provider);
    for (let i = 0; i < 50; i++) c.doc.getMap('customers').set(`c${i}`, '110101199003071234');
    c.provider.destroy();
    proc.child.kill('SIGTERM');
    await waitExit(proc.child);
    const all = await modes(dir);
    for (const sub of ['/leveldb', '/backups', '/tls', '/offices.json', '/admin.key']) expect(all.map(([p]) => p)).toContain(sub);
    expect(all.some(([p]) => /\/leveldb\/\d+\.(ldb|log)$/.test(p))).toBe(true);
    expect(await loose(dir)).toEqual([]);
  });

  it('fixes on start what someone else made world-readable', async () => {
    const dir = await scratch();
    await chmod(dir, 0o755);
    await mkdir(join(dir, 'leveldb'), { mode: 0o755 });
    await writeFile(join(dir, 'offices.json'), '[]', { mode: 0o644 });
    await chmod(join(dir, 'offices.json'), 0o644);
    const relay = await relayIn(dir, { backupDir: null });
    // Closed before looking: LevelDB renames files while it opens.
    await relay.close();
    expect(await loose(dir)).toEqual([]);
    expect(((await lstat(dir)).mode & 0o777).toString(8)).toBe('700');
    expect(((await lstat(join(dir, 'offices.json'))).mode & 0o777).toString(8)).toBe('600');
  });
});

describe('a corrupt table file (issue 18, failure 5)', () => {
  it('is reported by /healthz and check, other offices are backed up, and the room is rebuilt from a backup plus the tablet', async () => {
    const dir = await scratch();
    const day = 86_400_000;
    let t = Date.now();
    const lines: string[] = [];
    const start = (port = 0) => relayIn(dir, { port, now: () => t, log: (l) => lines.push(l) });
    let relay: Relay = await start();
    const port = relay.port;
    const x = await relay.offices.add('翠湖花园');
    const y = await relay.offices.add('碧水苑');
    // Office X's tablet: holds the whole directory all along (it never loses anything).
    const tablet = yClient(wsUrl(relay), `${x.id}/directory`, x.token);
    cleanups.push(() => tablet.provider.destroy());
    const other = yClient(wsUrl(relay), `${y.id}/directory`, y.token);
    cleanups.push(() => other.provider.destroy());
    await Promise.all([whenSynced(tablet.provider), whenSynced(other.provider)]);
    const marker = `MARK${randomBytes(8).toString('hex')}`;
    const customers = tablet.doc.getMap('customers');
    for (let i = 0; i < 400; i++) customers.set(`c${i}`, (i === 200 ? marker : '') + randomBytes(100).toString('hex'));
    other.doc.getMap('customers').set('y1', '李娜');
    // What the relay holds, seen by a reader of each room.
    const xReader = yClient(wsUrl(relay), `${x.id}/directory`, x.token);
    const yReader = yClient(wsUrl(relay), `${y.id}/directory`, y.token);
    cleanups.push(() => xReader.provider.destroy(), () => yReader.provider.destroy());
    await until(() => xReader.doc.getMap('customers').size === 400 && yReader.doc.getMap('customers').has('y1'), [xReader.doc, yReader.doc]);
    await relay.backups!.run(true); // yesterday's good backup
    for (let i = 0; i < 20; i++) customers.set(`late${i}`, `备份之后${i}`);
    await until(() => xReader.doc.getMap('customers').size === 420, [xReader.doc]);
    xReader.provider.destroy();
    yReader.provider.destroy();
    other.provider.destroy();
    // All of it on the relay's disk, then in a table file (LevelDB writes one on open).
    await relay.close();
    tablet.provider.disconnect();
    await (await relayIn(dir, { backupDir: null })).close();

    // 64 damaged bytes in the table file that holds X's directory.
    const ldb = join(dir, 'leveldb');
    let damaged = '';
    for (const name of (await readdir(ldb)).filter((n) => n.endsWith('.ldb'))) {
      const bytes = await readFile(join(ldb, name));
      const at = bytes.indexOf(marker);
      if (at > 64) {
        bytes.fill(0xff, at - 64, at);
        await writeFile(join(ldb, name), bytes);
        damaged = name;
      }
    }
    expect(damaged).not.toBe('');

    t += day;
    relay = await start(port);
    cleanups.push(() => relay.close());
    tablet.provider.connect();
    expect(await within(closeEvent(tablet.provider), 'the damaged room to close the tablet')).toBe(1011);
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.status).toBe(503);
    const body = await health.json();
    expect(body).toMatchObject({ ok: false, unreadable: [{ office: x.id, shard: 'directory' }] });
    expect(Date.parse(body.unreadable[0].since)).toBe(t);
    const log = lines.join('\n');
    expect(log).toContain(`STORAGE DAMAGED: office ${x.id} shard directory`);
    expect(log).toContain('npm run relay -- repair');
    // Today's backup is written, with every other office; X's directory is named as left out.
    const today = (await relay.backups!.run(true))!;
    const file = await readBackupFile(today);
    expect(file.offices.find((o) => o.id === y.id)!.shards.directory).toBeTruthy();
    expect(file.offices.find((o) => o.id === x.id)!.shards.directory).toBeUndefined();
    expect(lines.join('\n')).toMatch(/backup written: .*left out, cannot be read: .*\/directory/);
    // Office Y works meanwhile.
    const y2 = yClient(wsUrl(relay), `${y.id}/directory`, y.token);
    cleanups.push(() => y2.provider.destroy());
    await whenSynced(y2.provider);
    expect(y2.doc.getMap('customers').get('y1')).toBe('李娜');
    y2.provider.destroy();

    // `check` through the running relay names the room; exit 1.
    const checked = await cli({ DATA_DIR: dir, PORT: String(port) }, 'check');
    expect(checked.code, checked.out).toBe(1);
    expect(checked.out).toContain(`DAMAGED  room ${x.id}/directory`);
    // Stop, repair (relay stopped), start: the tablet sends what the backup lacked.
    tablet.provider.disconnect();
    await relay.close();
    const repaired = await cli({ DATA_DIR: dir, PORT: String(port) }, 'repair');
    expect(repaired.code, repaired.out).toBe(0);
    expect(repaired.out).toContain(`${x.id}/directory: merged the backup`);
    relay = await start(port);
    cleanups.push(() => relay.close());
    tablet.provider.connect();
    await within(whenSynced(tablet.provider), `the tablet to sync with the repaired room:\n${repaired.out}`);
    const fresh = yClient(wsUrl(relay), `${x.id}/directory`, x.token);
    cleanups.push(() => fresh.provider.destroy());
    await until(() => fresh.doc.getMap('customers').size === 420, [fresh.doc], 20_000, 'the rebuilt room to hold everything');
    expect(fresh.doc.getMap('customers').toJSON()).toEqual(tablet.doc.getMap('customers').toJSON());
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    // And check is content: every room readable, the live state holds every backup.
    const again = await cli({ DATA_DIR: dir, PORT: String(port) }, 'check');
    expect(again.code, again.out).toBe(0);
  });
});
