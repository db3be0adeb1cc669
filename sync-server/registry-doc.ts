import { createHmac, timingSafeEqual } from 'node:crypto';
import type * as Y from 'yjs';

/**
 * What the relay's device registry must not forget even if its disk is lost: which devices were
 * revoked and which device codes were handed out. The relay writes each fact into the office's
 * own `office` document (top-level map `relayRegistry`, ignored by the app's projections), so
 * every tablet carries it, in its IndexedDB and in its backup files. A relay restored from an
 * older backup is taught by the first tablet that reconnects: it revokes again and never hands
 * a code out twice.
 *
 * Tablets can write into the document too, so every fact is signed (HMAC-SHA-256) with the
 * office's `docKey`, which only the relay and its backups hold: a tablet cannot forge a
 * revocation of a colleague's device. Entries are never changed, one key per fact, so
 * concurrent writes never conflict. The code field is `deviceCode`, which `restore` already
 * scans for when it sets the code counter from a tablet's file.
 */
export const REGISTRY_MAP = 'relayRegistry';

export interface RegistryFact {
  kind: 'revoked' | 'issued';
  deviceCode: string;
  at: string;
}

const message = (officeId: string, f: RegistryFact) => `linli-registry|${officeId}|${f.kind}|${f.deviceCode}|${f.at}`;
const sign = (key: string, officeId: string, f: RegistryFact) => createHmac('sha256', Buffer.from(key, 'hex')).update(message(officeId, f)).digest('hex');

export function writeFact(doc: Y.Doc, key: string, officeId: string, fact: RegistryFact): void {
  const map = doc.getMap(REGISTRY_MAP);
  const name = `${fact.kind}:${fact.deviceCode}`;
  if (map.has(name)) return;
  doc.transact(() => map.set(name, { ...fact, sig: sign(key, officeId, fact) }), 'relay');
}

/** The facts in a document that carry this office's signature; anything else is ignored. */
export function readFacts(doc: Y.Doc, key: string, officeId: string): RegistryFact[] {
  const out: RegistryFact[] = [];
  doc.getMap(REGISTRY_MAP).forEach((value) => {
    const v = value as Partial<RegistryFact & { sig: string }>;
    if (!v || (v.kind !== 'revoked' && v.kind !== 'issued') || typeof v.deviceCode !== 'string' || typeof v.at !== 'string' || typeof v.sig !== 'string') return;
    const fact: RegistryFact = { kind: v.kind, deviceCode: v.deviceCode, at: v.at };
    const want = Buffer.from(sign(key, officeId, fact), 'hex');
    const got = Buffer.from(v.sig, 'hex');
    if (got.length === want.length && timingSafeEqual(got, want)) out.push(fact);
  });
  return out;
}
