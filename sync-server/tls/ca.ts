import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS, EC_P256, generateKeys, importPrivateKeyPem, privateKeyPem, randomSerial, x509 } from './x509';

/**
 * The office's own certificate authority, made by the relay on its first start and kept in
 * DATA_DIR/tls: `ca.crt` (given to every tablet through the setup page) and `ca.key` (owner-only,
 * never served). It lives ~10 years, so a tablet trusts it once; the server certificates it signs
 * are short-lived and renewed by the relay without anyone noticing.
 */
export interface OfficeCa {
  /** PEM of the CA certificate. */
  certPem: string;
  /** DER of the CA certificate (what the `.crt` download and the iOS profile carry). */
  der: Buffer;
  cert: x509.X509Certificate;
  privateKey: CryptoKey;
  /** SHA-256 fingerprint, colon-separated upper-case hex (as browsers and phones show it). */
  fingerprint256: string;
  /** The CA's common name, e.g. "Linli 翠湖花园 CA". */
  name: string;
}

export const CA_VALIDITY_DAYS = 3652;

export const tlsDir = (dataDir: string) => join(dataDir, 'tls');

/** Loads DATA_DIR/tls/ca.{crt,key}, or creates them (key mode 0600, folder 0700) if absent. */
export async function loadOrCreateCa(dataDir: string, label: string): Promise<OfficeCa & { created: boolean }> {
  const dir = tlsDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const certFile = join(dir, 'ca.crt');
  const keyFile = join(dir, 'ca.key');
  const existing = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (existing) return { ...(await caFrom(existing[0], existing[1])), created: false };

  const now = Date.now();
  const keys = await generateKeys();
  const name = caName(label);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: [name] }, { O: ['Linli'] }],
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + CA_VALIDITY_DAYS * DAY_MS),
    signingAlgorithm: EC_P256,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certPem = cert.toString('pem') + '\n';
  const keyPem = await privateKeyPem(keys.privateKey);
  // Key first (owner-only from the start, then renamed into place), so a crash never leaves a
  // certificate whose key is lost.
  await writeFile(`${keyFile}.tmp`, keyPem, { mode: 0o600 });
  await chmod(`${keyFile}.tmp`, 0o600);
  await rename(`${keyFile}.tmp`, keyFile);
  await writeFile(`${certFile}.tmp`, certPem, { mode: 0o644 });
  await rename(`${certFile}.tmp`, certFile);
  return { ...(await caFrom(certPem, keyPem)), created: true };
}

/** "Linli <label> CA": the name a tablet shows in its certificate list. */
export function caName(label: string): string {
  const clean = label.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 40);
  return clean ? `Linli ${clean} CA` : 'Linli CA';
}

async function caFrom(certPem: string, keyPem: string): Promise<OfficeCa> {
  const cert = new x509.X509Certificate(certPem);
  const node = new X509Certificate(certPem);
  if (!node.ca) throw new Error('DATA_DIR/tls/ca.crt is not a CA certificate');
  return {
    certPem,
    der: node.raw,
    cert,
    privateKey: await importPrivateKeyPem(keyPem),
    fingerprint256: node.fingerprint256,
    name: cert.subjectName.getField('CN')[0] ?? 'Linli CA',
  };
}
