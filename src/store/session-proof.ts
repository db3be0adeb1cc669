/*
 * Who is at this tablet must survive a reload only with a proof, not with a field anyone can
 * edit: `staffId` in localStorage['linli.device'] says whom the app resumes, and anybody with the
 * browser's developer tools can change it. So when a PIN is accepted the tablet also signs
 * "office, person" with an HMAC key that lives only in IndexedDB as a *non-extractable* WebCrypto
 * key, and keeps the signature next to the config. On a reload the app resumes the person only if
 * the signature verifies; otherwise it asks their PIN (IdleLock).
 *
 * Every accepted PIN makes a new key, so a signature copied earlier (the manager's, from an
 * afternoon when they used this tablet) is worthless once anyone else has entered. What this does
 * not stop: someone running code in the page with developer tools can still call the key (the
 * app runs in their browser) — the README says so.
 */
const DB_NAME = 'linli-session-key';
const STORE = 'keys';
const KEY_ID = 'session';
const proofKey = (officeId: string) => `linli.session.${officeId}`;

function openKeys(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openKeys();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const message = (officeId: string, staffId: string) => new TextEncoder().encode(`linli-session\n${officeId}\n${staffId}`);
const toB64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromB64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** Signs that `staffId` entered with their PIN on this tablet, with a fresh key (older proofs die). */
export async function proveSession(officeId: string, staffId: string, storage: Storage = localStorage): Promise<void> {
  storage.removeItem(proofKey(officeId));
  const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  await withStore('readwrite', (s) => s.put(key, KEY_ID));
  const mac = await crypto.subtle.sign('HMAC', key, message(officeId, staffId));
  storage.setItem(proofKey(officeId), JSON.stringify({ staffId, mac: toB64(mac) }));
}

/** Whether the tablet holds a valid proof that `staffId` entered with their PIN (false on any doubt). */
export async function sessionProven(officeId: string, staffId: string, storage: Storage = localStorage): Promise<boolean> {
  try {
    const kept = JSON.parse(storage.getItem(proofKey(officeId)) ?? 'null') as { staffId?: string; mac?: string } | null;
    if (!kept || kept.staffId !== staffId || typeof kept.mac !== 'string') return false;
    const key = await withStore<CryptoKey | undefined>('readonly', (s) => s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>);
    if (!key) return false;
    return await crypto.subtle.verify('HMAC', key, fromB64(kept.mac), message(officeId, staffId));
  } catch {
    return false;
  }
}

/** Signing out or locking for good: no proof is left for anyone. */
export function forgetSession(officeId: string, storage: Storage = localStorage): void {
  storage.removeItem(proofKey(officeId));
}
