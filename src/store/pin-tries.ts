import type { PinTries } from '../domain/staff/pin';

/**
 * Wrong-PIN counts and lock times, per profile, kept on this device only (a lock on one tablet
 * does not lock a colleague's tablet). localStorage rather than the office's IndexedDB: it is
 * device state, not office data; it is read synchronously when a PIN screen opens; and it
 * stays out of the database whose documents and projection move into a worker. Someone who
 * clears it with developer tools gets five more tries — they could as well read the hash.
 */
const key = (officeId: string) => `linli.pinTries.${officeId}`;

function readAll(storage: Storage, officeId: string): Record<string, PinTries> {
  try {
    const parsed = JSON.parse(storage.getItem(key(officeId)) ?? '{}');
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export function loadPinTries(storage: Storage, officeId: string, staffId: string): PinTries | undefined {
  return readAll(storage, officeId)[staffId];
}

export function savePinTries(storage: Storage, officeId: string, staffId: string, tries: PinTries | undefined): void {
  const all = readAll(storage, officeId);
  if (tries) all[staffId] = tries;
  else delete all[staffId];
  storage.setItem(key(officeId), JSON.stringify(all));
}
