import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeEvent, whenSynced, yClient } from '../helpers/client';
import { launchChromium } from '../helpers/browser';
import { relayIn, spawnRelay, waitExit, wsUrl } from '../helpers/relay';
import { relayCli, scratchPerTest } from '../helpers/relay-scratch';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const { cleanups, dir: scratch } = scratchPerTest('linli-guard-');
const cli = relayCli;

const tokenIn = (out: string) => {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Token of device A'));
  return at < 0 ? undefined : lines[at + 1].trim();
};

describe('add-office beside a running relay (issue 18, failure 7)', () => {
  it('goes through the running relay: its token works at once and survives the relay’s next save and a restart', async () => {
    const dir = await scratch();
    let proc = await spawnRelay(dir);
    cleanups.push(async () => {
      proc.child.kill('SIGTERM');
      await waitExit(proc.child);
    });
    const port = new URL(proc.url).port;
    const first = await fetch(`${proc.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '先建的' }) });
    expect(first.status).toBe(201);

    const { code, out } = await cli({ DATA_DIR: dir, PORT: port }, 'add-office', '翠湖花园管理处');
    expect(code, out).toBe(0);
    const id = out.match(/Office id:\s+(\w+)/)![1];
    const token = tokenIn(out)!;
    // The relay saves offices.json again (another office), then restarts: the office is still there.
    expect((await fetch(`${proc.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '后建的' }) })).status).toBe(201);
    const a = yClient(proc.url.replace(/^http/, 'ws'), `${id}/office`, token);
    cleanups.push(() => a.provider.destroy());
    await whenSynced(a.provider);
    proc.child.kill('SIGTERM');
    await waitExit(proc.child);
    proc = await spawnRelay(dir, Number(port));
    const b = yClient(proc.url.replace(/^http/, 'ws'), `${id}/office`, token);
    cleanups.push(() => b.provider.destroy());
    await whenSynced(b.provider);
  });

  it('refuses while a relay holds DATA_DIR but answers elsewhere, and writes nothing', async () => {
    const dir = await scratch();
    const proc = await spawnRelay(dir);
    cleanups.push(async () => {
      proc.child.kill('SIGTERM');
      await waitExit(proc.child);
    });
    const { code, out } = await cli({ DATA_DIR: dir, PORT: '1' }, 'add-office', '翠湖花园管理处');
    expect(code).toBe(1);
    expect(out).toContain('a relay is running on');
    expect(tokenIn(out)).toBeUndefined();
  });
});

describe('office creation over HTTP (issue 18, failure 8)', () => {
  it('refuses a proxied non-loopback client when the proxy is trusted, and any proxied request when it is not', async () => {
    const dir = await scratch();
    const relay = await relayIn(dir, { backupDir: null, trustProxy: 'loopback' });
    cleanups.push(() => relay.close());
    const post = (headers: Record<string, string>) => fetch(`${relay.url}/api/offices`, { method: 'POST', headers, body: JSON.stringify({ name: 'x' }) });
    // A proxy on 127.0.0.1 forwards a client from the internet.
    expect((await post({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
    // A browser on the relay machine through the same proxy.
    expect((await post({ 'x-forwarded-for': '127.0.0.1' })).status).toBe(201);
    // A client that lies in its own X-Forwarded-For: the proxy appends the real address.
    expect((await post({ 'x-forwarded-for': '127.0.0.1, 203.0.113.9' })).status).toBe(403);
    // The trusted proxy names nobody: not this machine.
    expect((await post({ 'x-forwarded-for': '' })).status).toBe(403);

    // No RELAY_TRUST_PROXY (the README's hosted setup before this change): forwarding headers mean a proxy we know nothing about.
    const plain = await relayIn(await scratch(), { backupDir: null });
    cleanups.push(() => plain.close());
    const res = await fetch(`${plain.url}/api/offices`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' }, body: JSON.stringify({ name: 'x' }) });
    expect(res.status).toBe(403);
    expect((await fetch(`${plain.url}/api/offices`, { method: 'POST', headers: { 'x-real-ip': '203.0.113.9' }, body: '{"name":"x"}' })).status).toBe(403);
  });

  it('refuses a no-cors POST from a page of another origin in a real browser; the relay’s own page may create', async () => {
    const dir = await scratch();
    const lines: string[] = [];
    const relay = await relayIn(dir, { backupDir: null, log: (l) => lines.push(l) });
    cleanups.push(() => relay.close());
    // "Another site": a page on 127.0.0.2 that posts to the relay on 127.0.0.1, as in the issue.
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>x</title>');
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.2', () => r()));
    cleanups.push(() => new Promise((r) => evil.close(r)));
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.2:${(evil.address() as AddressInfo).port}/`);
    await page.evaluate(async (url) => {
      await fetch(`${url}/api/offices`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ name: '别人的网页建的' }) });
    }, relay.url);
    expect(relay.offices.entries().map((o) => o.name)).not.toContain('别人的网页建的');
    expect(lines.join('\n')).toContain('another origin');
    // The relay's own origin (the 新建管理处 page) still creates.
    await page.goto(`${relay.url}/healthz`);
    const status = await page.evaluate(async (url) => (await fetch(`${url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: '本机建的' }) })).status, relay.url);
    expect(status).toBe(201);
  });

  it('limits creations per address', async () => {
    const relay = await relayIn(await scratch(), { backupDir: null, createLimit: 2 });
    cleanups.push(() => relay.close());
    const post = () => fetch(`${relay.url}/api/offices`, { method: 'POST', body: JSON.stringify({ name: 'x' }) });
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([201, 201, 429]);
  });
});

describe('failed tokens and invitations (issue 18, build point 6)', () => {
  it('are logged without the secret and refused per address after the limit, good tokens included, until the window ends', async () => {
    let t = Date.parse('2026-12-07T08:00:00Z');
    const lines: string[] = [];
    const relay = await relayIn(await scratch(), { backupDir: null, failLimit: 3, now: () => t, log: (l) => lines.push(l) });
    cleanups.push(() => relay.close());
    const office = await relay.offices.add('A');
    const guess = 'guessed-token-0123456789abcdefghijklmnopqrstuv';
    const wrong = yClient(wsUrl(relay), `${office.id}/office`, guess);
    cleanups.push(() => wrong.provider.destroy());
    expect(await closeEvent(wrong.provider)).toBe(4401);
    const join = (invite: string) => fetch(`${relay.url}/api/offices/${office.id}/devices`, { method: 'POST', body: JSON.stringify({ invite }) });
    expect((await join('guessed-invite-code-0123456789')).status).toBe(401);
    expect((await fetch(`${relay.url}/api/offices/${office.id}/devices`, { headers: { authorization: `Bearer ${guess}` } })).status).toBe(401);
    // Blocked now: even the right token gets 429 / 4429 (a guesser must not learn a hit).
    expect((await fetch(`${relay.url}/api/offices/${office.id}/devices`, { headers: { authorization: `Bearer ${office.token}` } })).status).toBe(429);
    const right = yClient(wsUrl(relay), `${office.id}/office`, office.token);
    cleanups.push(() => right.provider.destroy());
    expect(await closeEvent(right.provider)).toBe(4429);
    right.provider.disconnect();
    const log = lines.join('\n');
    expect(log).toMatch(/refused websocket .*unauthorized.* from 127\.0\.0\.1/);
    expect(log).toContain(`refused POST /api/offices/${office.id}/devices from 127.0.0.1`);
    expect(log).toContain('too many failed attempts');
    expect(log).not.toContain(guess);
    expect(log).not.toContain('guessed-invite-code');
    // The window ends: the right token works again.
    t += 11 * 60 * 1000;
    expect((await fetch(`${relay.url}/api/offices/${office.id}/devices`, { headers: { authorization: `Bearer ${office.token}` } })).status).toBe(200);
  });
});
