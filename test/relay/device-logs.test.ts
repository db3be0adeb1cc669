import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeEvent, whenSynced, yClient } from '../helpers/client';
import { addDevice, createInvitation, joinWith, revokeDevice } from '../helpers/device-api';
import { removeDir, spawnRelay, tempDir, waitExit, type RelayProcess } from '../helpers/relay';

let proc: RelayProcess | null = null;
let dir = '';
afterEach(async () => {
  proc?.child.kill('SIGKILL');
  if (proc) await waitExit(proc.child);
  proc = null;
  await removeDir(dir);
});

describe("the relay's log, with devices and invitations", () => {
  it('never carries a token or an invitation code', async () => {
    dir = await tempDir('linli-logs-');
    proc = await spawnRelay(dir);
    const ws = proc.url.replace(/^http/, 'ws');
    const secrets: string[] = [];
    const made = (await (await fetch(`${proc.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '翠湖花园管理处' }) })).json()) as { officeId: string; token: string };
    secrets.push(made.token);
    const code = await createInvitation(proc.url, made.officeId, made.token, { createdBy: '王经理' });
    secrets.push(code);
    const joined = (await (await joinWith(proc.url, made.officeId, code)).json()) as { token: string; deviceCode: string };
    secrets.push(joined.token);
    await joinWith(proc.url, made.officeId, code); // a spent code, refused
    const other = await addDevice(proc.url, made.officeId, made.token);
    secrets.push(other.token);

    const a = yClient(ws, `${made.officeId}/directory`, joined.token);
    await whenSynced(a.provider);
    a.doc.getMap('customers').set('c1', '张伟');
    const wrong = yClient(ws, `${made.officeId}/directory`, 'wrong-token-that-must-not-be-logged');
    secrets.push('wrong-token-that-must-not-be-logged');
    expect(await closeEvent(wrong.provider)).toBe(4401);
    expect(await revokeDevice(proc.url, made.officeId, made.token, joined.deviceCode)).toBe(200);
    expect(await closeEvent(a.provider)).toBe(4401);
    await fetch(`${proc.url}/api/offices/${made.officeId}/devices/migrate`, { method: 'POST', headers: { authorization: `Bearer ${made.token}` }, body: '{"deviceCode":"Z"}' });
    const admin = (await readFile(join(dir, 'admin.key'), 'utf8')).trim();
    secrets.push(admin);
    a.provider.destroy();
    wrong.provider.destroy();

    proc.child.kill('SIGTERM');
    await waitExit(proc.child);
    const log = proc.output();
    // The events were logged, one line each…
    expect(log).toMatch(/office created/);
    expect(log).toMatch(/device joined: office \w+ device B/);
    expect(log).toMatch(/device revoked: office \w+ device B/);
    // …and no secret is in any line.
    for (const line of log.split('\n')) for (const s of secrets) expect(line).not.toContain(s);
  });
});
