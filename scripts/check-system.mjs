#!/usr/bin/env node
// `npm test` runs this first: the system programs the tests need, and the one command that
// installs whatever is missing (Debian / Ubuntu). Exit 1 if anything is missing.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (cmd) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const hasCjkFont = () => {
  if (!onPath('fc-list')) return false;
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
};

const checks = [
  { what: 'Chromium (browser tests)', pkg: 'chromium', ok: () => (process.env.CHROMIUM_PATH ? executable(process.env.CHROMIUM_PATH) : onPath('chromium')) },
  { what: 'Noto Sans CJK fonts (screens and PDFs with Chinese)', pkg: 'fonts-noto-cjk', ok: hasCjkFont },
  { what: 'pdftotext (printed forms)', pkg: 'poppler-utils', ok: () => onPath('pdftotext') },
  { what: 'certutil (HTTPS trust test)', pkg: 'libnss3-tools', ok: () => onPath('certutil') },
];

const [major, minor] = process.versions.node.split('.').map(Number);
const oldNode = major < 20 || (major === 20 && minor < 19);
const missing = checks.filter((c) => !c.ok());
if (oldNode) console.error(`Node ${process.versions.node} is too old: Linli needs Node 20.19 or newer.`);
if (missing.length) {
  console.error('npm test needs system packages that are missing / 缺少测试所需的系统软件:');
  for (const c of missing) console.error(`  - ${c.what}: ${c.pkg}`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.error(`Install them with / 安装命令:\n  ${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${missing.map((c) => c.pkg).join(' ')}`);
}
if (missing.length || oldNode) process.exit(1);
