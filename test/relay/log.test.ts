/**
 * The relay process's log: one line per event with a time stamp, and no token in any line — not
 * the office token a client connects with, not one sent in a wrong place (an HTTP query).
 */
import { describe, expect, it } from 'vitest';
import { formatLogLine, redact } from '../../sync-server/log';
import { closeEvent, whenSynced, yClient } from '../helpers/client';
import { removeDir, spawnRelay, tempDir, waitExit } from '../helpers/relay';

describe('relay log', () => {
  it('redacts tokens and PINs, and keeps an event on one line', () => {
    expect(redact('GET /abc/office?token=s3cr3t&x=1')).toBe('GET /abc/office?token=…&x=1');
    expect(redact('authorization: Bearer abc.def')).toBe('authorization: Bearer …');
    expect(redact('{"pin":"1234","name":"王丽"}')).toBe('{"pin":"…","name":"王丽"}');
    expect(redact('token=abc pin: 9876')).toBe('token=… pin: …');
    expect(formatLogLine('office created: a (x\ny)', new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z office created: a (x ⏎ y)');
  });

  it('never prints a token while offices are created and clients connect', async () => {
    const dir = await tempDir('linli-log-');
    const proc = await spawnRelay(dir);
    try {
      const created = await fetch(`${proc.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '翠湖花园' }) }).then((r) => r.json());
      const token: string = created.token;
      expect(token.length).toBeGreaterThan(20);
      const ws = proc.url.replace('http', 'ws');
      const good = yClient(ws, `${created.officeId}/office`, token);
      await whenSynced(good.provider);
      good.doc.getMap('settings').set('name', '翠湖花园');
      const bad = yClient(ws, `${created.officeId}/office`, `${token}x`);
      expect(await closeEvent(bad.provider)).toBe(4401);
      bad.provider.destroy();
      await fetch(`${proc.url}/api/offices/${created.officeId}/devices`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      await fetch(`${proc.url}/nowhere.js?token=${token}`);
      good.provider.destroy();
      proc.child.kill('SIGTERM');
      await waitExit(proc.child);
      const out = proc.output();
      expect(out).toContain(`office created: ${created.officeId}`);
      expect(out).not.toContain(token);
      expect(out).not.toContain(token.slice(0, 12));
      // Events are time-stamped single lines.
      for (const line of out.split('\n').filter((l) => /office created|tls:/.test(l))) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \S/);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
      await removeDir(dir);
    }
  });
});
