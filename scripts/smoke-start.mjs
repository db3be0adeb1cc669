#!/usr/bin/env node
// CI: the README's `npm start`, as written: waits until the relay is up, asks the app on
// http://localhost:8787 and /healthz on https://localhost:8443 trusting only the CA it made in
// ./data/tls, then stops it with SIGTERM (it flushes) and exits 0 only if all of that held.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';

const child = spawn('npm', ['start'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (out += d));
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
};
const fail = (why) => {
  console.error(`npm start smoke test failed: ${why}\n--- output ---\n${out}`);
  stop();
  process.exit(1);
};
setTimeout(() => fail('timed out'), 240_000).unref();
child.on('exit', (code) => fail(`npm start exited early (${code})`));

await new Promise((resolve) => {
  const timer = setInterval(() => {
    if (/HTTPS on https:\/\//.test(out)) {
      clearInterval(timer);
      resolve();
    }
  }, 200);
});
const page = await fetch('http://localhost:8787/').then((r) => r.text(), (e) => fail(`http://localhost:8787: ${e.message}`));
if (!page.includes('<div id="root"') && !page.includes('<html')) fail('http://localhost:8787/ did not serve the app');
const ca = readFileSync('data/tls/ca.crt', 'utf8');
const health = await new Promise((resolve) => {
  get({ host: 'localhost', port: 8443, path: '/healthz', ca }, (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => resolve(body));
  }).on('error', (e) => fail(`https://localhost:8443 with the relay's CA: ${e.message}`));
});
if (!String(health).includes('"ok":true')) fail(`unexpected /healthz: ${health}`);
child.removeAllListeners('exit');
stop();
await new Promise((resolve) => child.on('exit', resolve));
console.log('npm start: app on http://localhost:8787 and https://localhost:8443 (trusted through the CA it made): ok');
