import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * `npm run relay -- install-service`: the relay as a systemd service on the office's Linux PC,
 * running as an unprivileged system user with its data in /var/lib/linli, restarted on failure.
 */
export interface UnitOptions {
  /** The checkout (WorkingDirectory: dist/ and node_modules/ are found from it). */
  appDir: string;
  dataDir: string;
  user: string;
  nodePath: string;
  /** Extra Environment= lines (PORT, HTTPS_PORT, …), from the installer's own environment. */
  env?: Record<string, string>;
}

export const UNIT_NAME = 'linli-relay.service';

/** systemd quotes: a value with spaces or quotes goes in double quotes, \ and " escaped. */
const quote = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);

export function systemdUnit(o: UnitOptions): string {
  for (const [what, value] of [['user', o.user], ['data dir', o.dataDir], ['app dir', o.appDir], ['node', o.nodePath]]) {
    if (/[\n\r]/.test(value)) throw new Error(`${what} must be one line`);
  }
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(o.user) || o.user === 'root') throw new Error('the service user must be an ordinary user name, not root');
  const env = { DATA_DIR: o.dataDir, NODE_ENV: 'production', ...o.env };
  return `[Unit]
Description=Linli relay (邻里 sync server and app)
Documentation=file://${o.appDir}/README.md
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=${o.user}
Group=${o.user}
WorkingDirectory=${o.appDir}
${Object.entries(env)
  .map(([k, v]) => `Environment=${quote(`${k}=${v}`)}`)
  .join('\n')}
ExecStart=${o.nodePath} --import tsx ${o.appDir}/sync-server/main.ts serve
Restart=on-failure
RestartSec=5
# SIGTERM: the relay flushes every update to disk before it exits.
KillSignal=SIGTERM
TimeoutStopSec=30
NoNewPrivileges=true
PrivateTmp=true
ProtectSystem=strict
ProtectHome=read-only
ReadWritePaths=${o.dataDir}

[Install]
WantedBy=multi-user.target
`;
}

export interface InstallArgs {
  dataDir: string;
  user: string;
  unitDir: string;
  dryRun: boolean;
}

export function parseInstallArgs(args: string[]): InstallArgs {
  const out: InstallArgs = { dataDir: '/var/lib/linli', user: 'linli', unitDir: '/etc/systemd/system', dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--data-dir') out.dataDir = resolve(value());
    else if (a === '--user') out.user = value();
    else if (a === '--unit-dir') out.unitDir = resolve(value());
    else if (a === '--dry-run') out.dryRun = true;
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}

/** True when systemd runs this machine (PID 1); containers often have something else. */
export function systemdIsRunning(): boolean {
  try {
    return readFileSync('/proc/1/comm', 'utf8').trim() === 'systemd';
  } catch {
    return false;
  }
}

/** Folders on the way to the app that the service user could not enter (e.g. /root). */
function unreadableFolders(appDir: string): string[] {
  const blocked: string[] = [];
  for (let dir = appDir; dir !== dirname(dir); dir = dirname(dir)) {
    if (!(statSync(dir).mode & 0o001)) blocked.push(dir);
  }
  return blocked;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'inherit' });
const passEnv = ['PORT', 'HOST', 'HTTPS_PORT', 'HTTPS_HOST', 'TLS', 'TLS_CERT', 'TLS_KEY', 'TLS_EXTRA_NAMES', 'TLS_CA_NAME', 'RELAY_ALLOW_CREATE', 'RELAY_MAX_MESSAGE_MB', 'RELAY_TRUST_PROXY', 'RELAY_CREATE_LIMIT', 'RELAY_FAIL_LIMIT', 'BACKUP_DIR', 'PUBLIC_URL'];

export async function installService(args: string[], appDir: string): Promise<void> {
  const o = parseInstallArgs(args);
  const env = Object.fromEntries(passEnv.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  const unit = systemdUnit({ appDir, dataDir: o.dataDir, user: o.user, nodePath: process.execPath, env });
  const unitFile = resolve(o.unitDir, UNIT_NAME);
  if (o.dryRun) {
    process.stdout.write(unit);
    return;
  }
  if (process.platform !== 'linux') throw new Error('install-service writes a systemd unit (Linux); on Windows see the README (scheduled task)');
  if (process.getuid?.() !== 0) throw new Error('install-service needs root: sudo npm run relay -- install-service');
  if (!existsSync(resolve(appDir, 'dist/index.html'))) console.warn('note: dist/ is missing, run `npm run build` first or the relay serves no app');
  const blocked = unreadableFolders(appDir);
  if (blocked.length) console.warn(`warning: user ${o.user} cannot enter ${blocked.join(', ')}: put the app in e.g. /opt/linli`);
  try {
    execFileSync('id', ['-u', o.user], { stdio: 'ignore' });
  } catch {
    run('useradd', ['--system', '--home-dir', o.dataDir, '--no-create-home', '--shell', '/usr/sbin/nologin', o.user]);
  }
  await mkdir(o.dataDir, { recursive: true, mode: 0o700 });
  run('chown', ['-R', `${o.user}:${o.user}`, o.dataDir]);
  await mkdir(o.unitDir, { recursive: true });
  await writeFile(unitFile, unit);
  console.log(`wrote ${unitFile}`);
  if (!systemdIsRunning()) {
    console.log('systemd is not running on this machine (PID 1 is not systemd): the unit is written but not enabled.');
    return;
  }
  run('systemctl', ['daemon-reload']);
  run('systemctl', ['enable', '--now', UNIT_NAME]);
  console.log(`enabled and started ${UNIT_NAME}: journalctl -u ${UNIT_NAME} -f`);
}
