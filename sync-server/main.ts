import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpsFromEnv, printSetup } from './https-env';
import { stdoutLog } from './log';
import { inviteCommand, restoreCommand } from './cli-devices';
import { addOfficeCommand, checkCommand, repairCommand } from './cli-relay';
import { privateUmask } from './private-files';
import { startRelay } from './relay';
import { installService } from './service';

/**
 * `npm run relay` starts the relay (and serves the built app if dist/ exists);
 * `npm run relay -- add-office <name>` registers an office and prints its first device's token once;
 * `invite <officeId|name>` prints a one-time invitation link; `restore <file>` brings back a backup;
 * `check` verifies every room and backup file; `repair` rebuilds damaged rooms (relay stopped);
 * `npm run relay -- install-service [--data-dir D] [--user U]` makes it a systemd service.
 * Environment: PORT (8787), HOST (0.0.0.0 with TLS, else 127.0.0.1), DATA_DIR (./data),
 * RELAY_ALLOW_CREATE (loopback | any | none), RELAY_TRUST_PROXY, RELAY_CREATE_LIMIT (10/h),
 * RELAY_FAIL_LIMIT (30/10 min), RELAY_MAX_MESSAGE_MB (32), PUBLIC_URL (for printed
 * join links), BACKUP_DIR (DATA_DIR/backups; `off` for none), and for LAN HTTPS: TLS (on | off),
 * HTTPS_PORT (8443), HTTPS_HOST, TLS_CERT, TLS_KEY, TLS_EXTRA_NAMES, TLS_CA_NAME (see https-env.ts
 * and the README); attachments: LINLI_BLOB_MAX_BYTES (10 MB), LINLI_THUMB_MAX_BYTES (64 KB),
 * LINLI_BLOB_QUOTA_MB (2048 per office), LINLI_BLOB_GRACE_DAYS (30).
 */
// Whatever this process creates in DATA_DIR (LevelDB's files, offices.json, backups) is 0600.
privateUmask();
const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? 'data');
const port = Number(env.PORT ?? 8787);
const https = (() => {
  try {
    return httpsFromEnv(env);
  } catch (err) {
    console.error(`配置错误 / configuration error: ${(err as Error).message}`);
    process.exit(2);
  }
})();
const host = env.HOST ?? (https ? '0.0.0.0' : '127.0.0.1');
const [command, ...args] = process.argv.slice(2);

const publicBase = env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
const backupDir = env.BACKUP_DIR === 'off' ? null : env.BACKUP_DIR ? resolve(env.BACKUP_DIR) : undefined;
const cliEnv = { dataDir, publicBase, localUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, backupDir: backupDir === undefined ? resolve(dataDir, 'backups') : backupDir };
const limit = (v: string | undefined, fallback: number) => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? fallback : Number(v));

async function serve(): Promise<void> {
  const dist = resolve('dist');
  const relay = await startRelay({
    dataDir,
    port,
    host,
    staticDir: existsSync(dist) ? dist : undefined,
    allowCreate: (env.RELAY_ALLOW_CREATE as 'loopback' | 'any' | 'none' | undefined) ?? 'loopback',
    maxMessageBytes: Number(env.RELAY_MAX_MESSAGE_MB ?? 32) * 1024 * 1024,
    log: stdoutLog,
    https,
    backupDir,
    trustProxy: env.RELAY_TRUST_PROXY,
    publicUrl: env.PUBLIC_URL,
    createLimit: limit(env.RELAY_CREATE_LIMIT, 10),
    failLimit: limit(env.RELAY_FAIL_LIMIT, 30),
    // Attachments (issue 19)
    blobLimits: {
      maxBytes: limit(env.LINLI_BLOB_MAX_BYTES, 10 * 1024 * 1024),
      thumbMaxBytes: limit(env.LINLI_THUMB_MAX_BYTES, 64 * 1024),
      quotaBytes: limit(env.LINLI_BLOB_QUOTA_MB, 2048) * 1024 * 1024,
    },
    blobGraceDays: limit(env.LINLI_BLOB_GRACE_DAYS, 30),
  });
  console.log(`Linli relay listening on ${relay.url} (data: ${dataDir})`);
  if (existsSync(dist)) console.log(`Open ${relay.url.replace(/127\.0\.0\.1|0\.0\.0\.0|\[::\]/, 'localhost')} in a browser.`);
  if (relay.https) printSetup(relay, host);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: flushing to disk…`);
    await relay.close();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (command === 'add-office') process.exit(await addOfficeCommand(cliEnv, args.join(' ')));
else if (command === 'check') process.exit(await checkCommand(cliEnv));
else if (command === 'repair') process.exit(await repairCommand(cliEnv));
else if (command === 'install-service') {
  await installService(args, resolve(dirname(fileURLToPath(import.meta.url)), '..')).catch((err: Error) => {
    console.error(`install-service: ${err.message}`);
    process.exit(1);
  });
}
else if (command === 'invite') process.exit(await inviteCommand(cliEnv, args.join(' ')));
else if (command === 'restore') process.exit(await restoreCommand(cliEnv, args[0] ? resolve(args[0]) : ''));
else if (command === undefined || command === 'serve') {
  await serve().catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用 / port ${port} is in use: set PORT=… (HTTPS: HTTPS_PORT=…) to use another.` : `relay failed to start: ${err.message}`);
    process.exit(1);
  });
}
else {
  console.error(`unknown command: ${command}\nusage: npm run relay [-- add-office <name> | invite <officeId|name> | restore <backup-file> | check | repair | install-service [--data-dir /var/lib/linli] [--user linli] [--dry-run]]`);
  process.exit(2);
}
