import { X509Certificate } from 'node:crypto';
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { certificateNames, machinePrivateIPv4 } from './addresses';
import { tlsDir, type OfficeCa } from './ca';
import { DAY_MS, EC_P256, generateKeys, privateKeyPem, randomSerial, x509 } from './x509';

/** What a TLS server needs, in PEM. */
export interface KeyAndCert {
  cert: string;
  key: string;
}

export interface ServerCertOptions {
  /** Host names and IPv4 addresses besides localhost and 127.0.0.1. */
  addresses: readonly string[];
  /** From notBefore to notAfter; at most 397 days (Apple's limit, and safe everywhere). */
  validityMs?: number;
  /** How far notBefore lies in the past, for tablets whose clock runs late. */
  backdateMs?: number;
  now?: number;
}

export const MAX_VALIDITY_MS = 397 * DAY_MS;
export const DEFAULT_VALIDITY_MS = MAX_VALIDITY_MS;

/** A server certificate signed by the office CA: SANs for every name, serverAuth, P-256/SHA-256. */
export async function issueServerCert(ca: OfficeCa, options: ServerCertOptions): Promise<KeyAndCert> {
  const validity = Math.min(options.validityMs ?? DEFAULT_VALIDITY_MS, MAX_VALIDITY_MS);
  const now = options.now ?? Date.now();
  const backdate = Math.min(options.backdateMs ?? DAY_MS, validity / 2);
  const notBefore = new Date(now - backdate);
  const notAfter = new Date(notBefore.getTime() + validity);
  const { dns, ips } = certificateNames(options.addresses);
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: ['localhost'] }, { O: ['Linli'] }],
    issuer: ca.cert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: EC_P256,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([...dns.map((value) => ({ type: 'dns' as const, value })), ...ips.map((value) => ({ type: 'ip' as const, value }))]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem') + '\n', key: await privateKeyPem(keys.privateKey) };
}

/** The IPv4 addresses a certificate names (its IP SANs), sorted. */
export function certificateIPs(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .filter((s) => s.startsWith('IP Address:'))
    .map((s) => s.slice('IP Address:'.length))
    .sort();
}

/** Where the current certificate comes from, for the HTTPS listener to follow. */
export interface CertSource {
  current(): KeyAndCert;
  /** Called with every new certificate (renewal, changed addresses, new files). */
  onChange(listener: (next: KeyAndCert) => void): void;
  close(): void;
}

export interface ManagedCertOptions {
  validityMs?: number;
  backdateMs?: number;
  /** Renew when less than this is left; default a third of the validity. */
  renewBeforeMs?: number;
  /** How often to look at the clock and the machine's addresses; default one minute. */
  checkEveryMs?: number;
  /** The machine's addresses now; default its private IPv4 addresses. */
  addresses?: () => string[];
  /** Always named too (TLS_EXTRA_NAMES; tests use 127.0.0.2). */
  extraAddresses?: readonly string[];
  log?: (line: string) => void;
}

type Reason = 'missing' | 'expiring' | 'addresses' | 'issuer';

/**
 * The relay's own server certificate, in DATA_DIR/tls/server.{crt,key}: reused across restarts
 * while it is good, renewed by a timer before it expires or as soon as the machine's addresses
 * change (a tablet must find the address it typed in the certificate). The CA never changes.
 */
export class ManagedCert implements CertSource {
  private listeners: ((next: KeyAndCert) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private pair!: KeyAndCert;
  private parsed!: X509Certificate;

  private constructor(
    private readonly ca: OfficeCa,
    private readonly dir: string,
    private readonly options: ManagedCertOptions,
  ) {}

  static async start(ca: OfficeCa, dataDir: string, options: ManagedCertOptions = {}): Promise<ManagedCert> {
    const managed = new ManagedCert(ca, tlsDir(dataDir), options);
    const saved = await Promise.all([readFile(join(managed.dir, 'server.crt'), 'utf8'), readFile(join(managed.dir, 'server.key'), 'utf8')]).catch(() => null);
    if (saved) {
      try {
        managed.use({ cert: saved[0], key: saved[1] });
      } catch {
        // unreadable: issued anew below
      }
    }
    await managed.check();
    managed.timer = setInterval(() => void managed.check(), options.checkEveryMs ?? 60_000);
    managed.timer.unref();
    return managed;
  }

  current(): KeyAndCert {
    return this.pair;
  }

  /** The current certificate, parsed. */
  get certificate(): X509Certificate {
    return this.parsed;
  }

  onChange(listener: (next: KeyAndCert) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The addresses the certificate should name now. */
  wanted(): string[] {
    const { ips, dns } = certificateNames([...(this.options.addresses ?? machinePrivateIPv4)(), ...(this.options.extraAddresses ?? [])]);
    return [...dns, ...ips];
  }

  /** Renews if needed; concurrent calls share one renewal. */
  check(): Promise<void> {
    this.checking ??= this.renewIfNeeded().finally(() => (this.checking = null));
    return this.checking;
  }

  private reason(): Reason | null {
    if (!this.parsed) return 'missing';
    if (!this.parsed.verify(publicKeyOf(this.ca))) return 'issuer';
    const renewBefore = this.options.renewBeforeMs ?? (this.options.validityMs ?? DEFAULT_VALIDITY_MS) / 3;
    if (Date.parse(this.parsed.validTo) - Date.now() < renewBefore) return 'expiring';
    const names = certificateNames(this.wanted());
    const have = certificateIPs(this.parsed);
    if (have.join(' ') !== names.ips.join(' ')) return 'addresses';
    return null;
  }

  private async renewIfNeeded(): Promise<void> {
    const reason = this.reason();
    if (!reason) return;
    const log = this.options.log ?? (() => undefined);
    if (reason === 'addresses') {
      log(`tls: WARNING the machine's addresses changed (certificate had ${certificateIPs(this.parsed).join(' ')}): tablets must open the new address, and their data on the old one stays behind; reserve this PC's address in the router`);
    }
    const next = await issueServerCert(this.ca, { addresses: this.wanted(), validityMs: this.options.validityMs, backdateMs: this.options.backdateMs });
    await writeFile(join(this.dir, 'server.key.tmp'), next.key, { mode: 0o600 });
    await chmod(join(this.dir, 'server.key.tmp'), 0o600);
    await writeFile(join(this.dir, 'server.crt.tmp'), next.cert);
    await rename(join(this.dir, 'server.key.tmp'), join(this.dir, 'server.key'));
    await rename(join(this.dir, 'server.crt.tmp'), join(this.dir, 'server.crt'));
    this.use(next);
    log(`tls: server certificate issued (${reason}) for ${this.wanted().join(' ')}, valid until ${this.parsed.validTo}`);
    for (const listener of this.listeners) listener(next);
  }

  private use(pair: KeyAndCert): void {
    const parsed = new X509Certificate(pair.cert);
    this.pair = pair;
    this.parsed = parsed;
  }
}

const publicKeyOf = (ca: OfficeCa) => new X509Certificate(ca.certPem).publicKey;

/**
 * A certificate the office brings (TLS_CERT / TLS_KEY, e.g. from its own CA or certbot): read at
 * start and again whenever either file changes, so a renewal outside the relay needs no restart.
 */
export class FileCert implements CertSource {
  private listeners: ((next: KeyAndCert) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private stamp = '';

  private constructor(
    private readonly certFile: string,
    private readonly keyFile: string,
    private pair: KeyAndCert,
  ) {}

  static async start(certFile: string, keyFile: string, checkEveryMs = 60_000, log: (line: string) => void = () => undefined): Promise<FileCert> {
    const source = new FileCert(certFile, keyFile, await FileCert.read(certFile, keyFile));
    source.stamp = await source.mtimes();
    source.timer = setInterval(async () => {
      const stamp = await source.mtimes().catch(() => source.stamp);
      if (stamp === source.stamp) return;
      try {
        source.pair = await FileCert.read(certFile, keyFile);
        source.stamp = stamp;
        log('tls: certificate files changed, now serving the new certificate');
        for (const listener of source.listeners) listener(source.pair);
      } catch (err) {
        log(`tls: could not read the new certificate files: ${(err as Error).message}`);
      }
    }, checkEveryMs);
    source.timer.unref();
    return source;
  }

  private static async read(certFile: string, keyFile: string): Promise<KeyAndCert> {
    const pair = { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
    new X509Certificate(pair.cert); // throws on a file that is not a certificate
    return pair;
  }

  private async mtimes(): Promise<string> {
    const [a, b] = await Promise.all([stat(this.certFile), stat(this.keyFile)]);
    return `${a.mtimeMs}/${b.mtimeMs}`;
  }

  current(): KeyAndCert {
    return this.pair;
  }

  onChange(listener: (next: KeyAndCert) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
