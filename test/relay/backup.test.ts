import 'fake-indexeddb/auto';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, readBackupFile } from '../../sync-server/backup';
import type { Relay } from '../../sync-server/relay';
import { createCustomer } from '../../src/store/customers';
import { tabletBackup } from '../../src/store/backup';
import { OfficeStore } from '../../src/store/office-store';
import { createUnit } from '../../src/store/units';
import { createStaff } from '../../src/domain/staff/staff';
import { until, whenSynced, yClient } from '../helpers/client';
import { addDevice, joinWith } from '../helpers/device-api';
import { wsUrl } from '../helpers/relay';
import { relayCliOk, scratchPerTest } from '../helpers/relay-scratch';

const { cleanups, dir: scratch, relay } = scratchPerTest('linli-backup-');
/** `npm run relay -- <args>` on `dataDir`; resolves with what it printed. */
const cli = (dataDir: string, ...args: string[]) => relayCliOk({ DATA_DIR: dataDir, PORT: '1' }, ...args);

function client(r: { url: string } | string, room: string, token: string, doc?: Y.Doc) {
  const c = yClient(typeof r === 'string' ? r : wsUrl(r), room, token, doc);
  cleanups.push(() => c.provider.destroy());
  return c;
}

const keys = (doc: Y.Doc, map = 'customers') => [...doc.getMap(map).keys()].sort();

describe('relay backups', () => {
  it('backup → wipe the relay → restore → every tablet syncs with nothing lost', async () => {
    const dataDir = await scratch();
    const first = await relay(dataDir);
    const office = await first.offices.add('翠湖花园管理处');
    const b = await addDevice(first.url, office.id, office.token);
    const ws = wsUrl(first);
    const a1 = client(ws, `${office.id}/directory`, office.token);
    const b1 = client(ws, `${office.id}/directory`, b.token);
    const a2 = client(ws, `${office.id}/ledger-2026`, office.token);
    await Promise.all([a1, b1, a2].map((c) => whenSynced(c.provider)));
    a1.doc.getMap('customers').set('c1', '张伟');
    b1.doc.getMap('customers').set('c2', '李娜');
    a2.doc.getMap('requests').set('r1', '漏水');
    await until(() => keys(a1.doc).length === 2 && keys(b1.doc).length === 2, [a1.doc, b1.doc]);

    // Written while the relay serves; the file is gzip'd JSON with a format version.
    const path = (await first.backups!.run(true))!;
    expect(path).toMatch(/linli-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    const json = JSON.parse(gunzipSync(await import('node:fs/promises').then((f) => f.readFile(path))).toString('utf8'));
    expect(json).toMatchObject({ format: 'linli-backup', version: 1, source: 'relay' });
    expect(JSON.stringify(json)).not.toContain(office.token);
    expect(JSON.stringify(json)).not.toContain(b.token);

    // An edit after the backup lives only on the relay's lost disk and on tablet A.
    a1.doc.getMap('customers').set('c3', '王芳');
    await until(() => keys(b1.doc).length === 3, [b1.doc]);
    const saved = join(await scratch(), 'backup.json.gz');
    await copyFile(path, saved);
    const port = first.port;
    await first.close();
    await rm(dataDir, { recursive: true, force: true });

    const out = await cli(dataDir, 'restore', saved);
    expect(out).toContain(office.id);
    const second = await relay(dataDir, { port });
    // The same tablets reconnect by themselves with their own tokens (the registry came back).
    await Promise.all([a1, b1, a2].map((c) => whenSynced(c.provider)));
    const fresh = client(second, `${office.id}/directory`, b.token);
    await until(() => keys(fresh.doc).length === 3, [fresh.doc], 15_000, 'every customer on the restored relay');
    expect(keys(fresh.doc)).toEqual(['c1', 'c2', 'c3']);
    const ledger = client(second, `${office.id}/ledger-2026`, b.token);
    await until(() => ledger.doc.getMap('requests').has('r1'), [ledger.doc]);
    // Restoring the same file again doubles nothing (Yjs updates merge).
    expect(fresh.doc.getMap('customers').get('c1')).toBe('张伟');
  });

  it('keeps the last 14 daily and 12 monthly files', async () => {
    const names: string[] = [];
    for (let d = Date.parse('2025-01-01'); d <= Date.parse('2026-12-01'); d += 86_400_000) names.push(`linli-backup-${new Date(d).toISOString().slice(0, 10)}.json.gz`);
    const keep = [...backupsToKeep([...names, 'notes.txt'])].sort();
    const daily = names.slice(-14);
    expect(keep).toEqual(expect.arrayContaining(daily));
    // Months: the newest file of each of the last 12 months (those of Dec and Nov 2026 are daily ones).
    const monthly = keep.filter((n) => !daily.includes(n));
    expect(monthly).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'].map((d) => `linli-backup-${d}.json.gz`));
    expect(keep).toHaveLength(14 + 10);

    // The relay prunes its directory after writing today's file.
    const dataDir = await scratch();
    const dir = join(dataDir, 'backups');
    await mkdir(dir, { recursive: true });
    for (const n of names.slice(0, 40)) await writeFile(join(dir, n), 'old');
    const r = await relay(dataDir, { now: () => Date.parse('2026-12-01T03:00:00Z') });
    await r.backups!.run(true);
    const left = await readdir(dir);
    expect(left).toContain('linli-backup-2026-12-01.json.gz');
    expect(left.length).toBeLessThan(40);
    expect(left).toContain('linli-backup-2025-02-09.json.gz'); // newest of Feb 2025 written there
    expect(left).not.toContain('linli-backup-2025-01-01.json.gz');
  });
});

describe('a relay with an empty disk re-seeded from one tablet', () => {
  it('ends with every record; the tablet rejoins and keeps its pending edits', async () => {
    const lostDir = await scratch();
    const first = await relay(lostDir);
    const office = await first.offices.add('翠湖花园管理处');
    const config = { officeId: office.id, officeName: office.name, relayUrl: wsUrl(first), token: office.token, deviceCode: 'A', staffId: 'm1', staffName: '王经理' };
    const open = (c: typeof config) => {
      const store = new OfficeStore(c, { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
      cleanups.push(() => store.close());
      return store;
    };
    let tablet = open(config);
    const staff = createStaff('王经理', 'manager', { now: new Date().toISOString() }, 'm1', '', { creator: 'founder' });
    if (!staff.ok) throw new Error('staff');
    await tablet.run(staff.value.command);
    expect((await createUnit(tablet, { code: '3-2-1101', area: '89', use: 'residential', status: 'owner' })).ok).toBe(true);
    const ids: string[] = [];
    for (const [name, phone] of [['张伟', '13812345678'], ['李娜', '13911112222'], ['王芳', '13700001111']]) {
      const made = await createCustomer(tablet, { name, phones: [phone], unitCode: '3-2-1101' });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      ids.push(made.value);
    }
    const synced = () => new Promise<void>((resolve) => {
      const tick = () => (tablet.sync.status().state === 'synced' && tablet.sync.status().pending === 0 ? resolve() : setTimeout(tick, 20));
      tick();
    });
    await tablet.shard('directory');
    await synced();

    // The relay machine's disk is lost.
    const port = first.port;
    await first.close();
    await rm(lostDir, { recursive: true, force: true });

    // The tablet keeps working; one customer is made while no relay exists.
    const offline = await createCustomer(tablet, { name: '赵敏', phones: ['13600002222'], unitCode: '' });
    if (!offline.ok) throw new Error('offline customer');
    ids.push(offline.value);

    // 设置 → 下载备份 on the tablet: the same function the button calls.
    const { bytes, fileName } = await tabletBackup(tablet);
    expect(fileName).toMatch(/\.json\.gz$/);
    const file = join(await scratch(), fileName);
    await writeFile(file, bytes);
    expect(gunzipSync(bytes).toString('utf8')).not.toContain(office.token);
    expect((await readBackupFile(file)).source).toBe('tablet');

    // One more edit after the file was made: only this tablet has it, pending.
    const later = await createCustomer(tablet, { name: '孙丽', phones: ['13500003333'], unitCode: '' });
    if (!later.ok) throw new Error('later customer');
    expect(tablet.sync.status().pending).toBeGreaterThan(0);

    const newDir = await scratch();
    const out = await cli(newDir, 'restore', file);
    const link = out.match(/https?:\/\/\S+\/join#\S+/)?.[0];
    expect(link, out).toBeTruthy();
    const invite = new URLSearchParams(link!.split('#')[1]);
    expect(invite.get('office')).toBe(office.id); // the office keeps its id
    const second = await relay(newDir, { port });

    // A new device joins with the printed invitation and finds every record.
    const joined = await joinWith(second.url, office.id, invite.get('invite')!);
    expect(joined.status).toBe(201);
    const other = (await joined.json()) as { token: string; deviceCode: string };
    expect(other.deviceCode).not.toBe('A'); // codes printed on paper are never handed out again
    const dir = client(second, `${office.id}/directory`, other.token);
    await until(() => ids.every((id) => dir.doc.getMap('customers').has(id)), [dir.doc], 15_000, 'every customer of the backup');
    expect(dir.doc.getMap('units').size).toBe(1);
    const officeShard = client(second, `${office.id}/office`, other.token);
    await until(() => officeShard.doc.getMap('staff').has('m1'), [officeShard.doc]);

    // The tablet rejoins the same office with an invitation: same IndexedDB, its pending edit arrives.
    const again = await addDevice(second.url, office.id, other.token);
    await tablet.close();
    tablet = open({ ...config, relayUrl: wsUrl(second), token: again.token, deviceCode: again.deviceCode });
    await tablet.shard('directory');
    await until(() => dir.doc.getMap('customers').has(later.value), [dir.doc], 15_000, 'the edit made after the backup');
    expect(await tablet.db.customers.count()).toBe(5);
  });
});
