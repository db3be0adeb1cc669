import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deviceByToken, deviceCodeFor, deviceCodeIndex, newDevice, viewOf, type DeviceEntry, type DeviceView } from './devices';
import { findUsable, newInvitation, pruneInvitations, type InvitationEntry } from './invitations';
import { secretMatches } from './secrets';

export { deviceCodeFor } from './devices';

/** What the relay keeps of an office: never a token itself, only hashes. */
export interface OfficeEntry {
  id: string;
  name: string;
  /**
   * The shared office token of offices made before device tokens. It opens no room any more:
   * it is accepted only to swap, once per device code, for that device's own token.
   */
  tokenHash?: string;
  createdAt: string;
  /** How many device codes have been handed out (the next code is deviceCodeFor(devices)). */
  devices: number;
  deviceList?: DeviceEntry[];
  invitations?: InvitationEntry[];
  /** Signs the registry facts the relay keeps in the office document (registry-doc.ts); hex. */
  docKey?: string;
}

/** A change the office document must remember (see registry-doc.ts). */
export interface DeviceEvent {
  officeId: string;
  kind: 'revoked' | 'issued';
  deviceCode: string;
  at: string;
}

export interface NewOffice {
  id: string;
  name: string;
  /** The first device's own token: what `add-office` prints and the creating tablet keeps. */
  token: string;
  deviceCode: string;
}

export interface JoinedDevice {
  deviceCode: string;
  token: string;
  name: string;
}

export type Authenticated = { ok: true; device: DeviceEntry } | { ok: false; reason: 'unauthorized' | 'revoked' };

const OFFICE_ID = /^[a-z0-9]{6,32}$/;

/**
 * Offices, their devices and invitations, in DATA_DIR/offices.json (mode 0600, replaced
 * atomically). Every room and every device API call is authorised by a device's own token;
 * see devices.ts and invitations.ts for what is kept of each.
 */
export class OfficeRegistry {
  private offices = new Map<string, OfficeEntry>();
  private writing: Promise<void> = Promise.resolve();
  private lastSeenTimer: NodeJS.Timeout | null = null;
  private readonly file: string;
  /** Told of every device code handed out and every revocation (the relay writes them into the office document). */
  onDeviceEvent: (event: DeviceEvent) => void = () => undefined;

  constructor(private readonly dataDir: string, private readonly now: () => number = Date.now) {
    this.file = join(dataDir, 'offices.json');
  }

  /**
   * Reads offices.json. `addKeys` (the relay, and commands holding DATA_DIR's lock) gives offices
   * made before registry facts their `docKey` and saves it at once; a command that only reads
   * beside a running relay passes false and writes nothing.
   */
  async load({ addKeys = true }: { addKeys?: boolean } = {}): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    try {
      const list = JSON.parse(await readFile(this.file, 'utf8')) as OfficeEntry[];
      for (const entry of list) this.offices.set(entry.id, entry);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (!addKeys) return;
    const keyless = [...this.offices.values()].filter((e) => !e.docKey);
    for (const entry of keyless) entry.docKey = randomBytes(32).toString('hex');
    if (keyless.length) await this.save();
  }

  /** The key that signs this office's registry facts in its document. */
  docKey(officeId: string): string | undefined {
    return this.offices.get(officeId)?.docKey;
  }

  /**
   * Facts read back from the office document (signed by this relay, see registry-doc.ts): a
   * revocation the registry had lost is made again, and the code counter passes every code
   * handed out. Returns the codes newly revoked (their sockets must be cut off).
   */
  async learn(officeId: string, facts: { kind: 'revoked' | 'issued'; deviceCode: string; at: string }[]): Promise<string[]> {
    const entry = this.offices.get(officeId);
    if (!entry) return [];
    const revoked: string[] = [];
    let changed = false;
    for (const fact of facts) {
      const index = deviceCodeIndex(fact.deviceCode);
      if (index < 0) continue;
      if (index >= entry.devices) {
        entry.devices = index + 1;
        changed = true;
      }
      if (fact.kind !== 'revoked') continue;
      const device = (entry.deviceList ?? []).find((d) => d.code === fact.deviceCode);
      if (device && !device.revokedAt) {
        device.revokedAt = fact.at;
        revoked.push(device.code);
        changed = true;
      }
    }
    if (changed) await this.save();
    return revoked;
  }

  private save(): Promise<void> {
    const body = JSON.stringify([...this.offices.values()], null, 2);
    this.writing = this.writing.then(async () => {
      const tmp = `${this.file}.tmp`;
      await writeFile(tmp, body, { mode: 0o600 });
      await rename(tmp, this.file);
    });
    return this.writing;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  async add(name: string): Promise<NewOffice> {
    const id = randomBytes(8).toString('hex').slice(0, 12);
    const first = newDevice(deviceCodeFor(0), this.iso(), { joinedBy: '' });
    const entry: OfficeEntry = { id, name: name.trim().slice(0, 200) || id, createdAt: this.iso(), devices: 1, deviceList: [first.entry], invitations: [], docKey: randomBytes(32).toString('hex') };
    this.offices.set(id, entry);
    await this.save();
    this.onDeviceEvent({ officeId: id, kind: 'issued', deviceCode: first.entry.code, at: first.entry.joinedAt });
    return { id, name: entry.name, token: first.token, deviceCode: first.entry.code };
  }

  /** The device a token belongs to, if it is one of this office's and not revoked. */
  authenticate(officeId: string, token: string | null | undefined): Authenticated {
    const entry = OFFICE_ID.test(officeId) ? this.offices.get(officeId) : undefined;
    if (!token || !entry) return { ok: false, reason: 'unauthorized' };
    const device = deviceByToken(entry.deviceList ?? [], token);
    if (!device) return { ok: false, reason: 'unauthorized' };
    if (device.revokedAt) return { ok: false, reason: 'revoked' };
    return { ok: true, device };
  }

  /** True only for a valid, unrevoked device token of this office. */
  verify(officeId: string, token: string | null | undefined): boolean {
    return this.authenticate(officeId, token).ok;
  }

  /** A one-time invitation for a new device (the caller is an authenticated device). */
  async invite(officeId: string, who: { createdBy?: string; createdByDevice: string; deviceName?: string }): Promise<{ code: string; expiresAt: string }> {
    const entry = this.offices.get(officeId);
    if (!entry) throw new Error('unknown office');
    const made = newInvitation(this.now(), who);
    entry.invitations = [...pruneInvitations(entry.invitations ?? [], this.now()), made.entry];
    await this.save();
    return { code: made.code, expiresAt: made.entry.expiresAt };
  }

  /** Spends an invitation: the new device gets the next code and its own token. */
  async join(officeId: string, code: string): Promise<{ ok: true; device: JoinedDevice } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
    const entry = OFFICE_ID.test(officeId) ? this.offices.get(officeId) : undefined;
    if (!entry || !code) return { ok: false, reason: 'unknown' };
    const found = findUsable(entry.invitations ?? [], code, this.now());
    if (!found.ok) return found;
    const made = newDevice(deviceCodeFor(entry.devices), this.iso(), { name: found.invitation.deviceName, joinedBy: found.invitation.createdBy });
    entry.devices += 1;
    found.invitation.usedAt = this.iso();
    found.invitation.usedBy = made.entry.code;
    entry.deviceList = [...(entry.deviceList ?? []), made.entry];
    await this.save();
    this.onDeviceEvent({ officeId, kind: 'issued', deviceCode: made.entry.code, at: made.entry.joinedAt });
    return { ok: true, device: { deviceCode: made.entry.code, token: made.token, name: entry.name } };
  }

  /**
   * A device that joined with the old shared office token swaps it for its own token, once per
   * device code. Codes never handed out, already swapped or revoked are refused.
   */
  async migrate(officeId: string, officeToken: string, deviceCode: string): Promise<{ token: string } | null> {
    const entry = OFFICE_ID.test(officeId) ? this.offices.get(officeId) : undefined;
    if (!entry || !officeToken || !secretMatches(officeToken, entry.tokenHash)) return null;
    const index = deviceCodeIndex(deviceCode);
    if (index < 0 || index >= entry.devices) return null;
    if ((entry.deviceList ?? []).some((d) => d.code === deviceCode)) return null;
    const made = newDevice(deviceCode, this.iso(), { joinedBy: '' });
    made.entry.migrated = true;
    entry.deviceList = [...(entry.deviceList ?? []), made.entry];
    await this.save();
    return { token: made.token };
  }

  /**
   * Revokes a device for good; a legacy code not yet migrated is revoked too (its swap is refused).
   * Never the office's last working device (one with its own token, not revoked): an office with
   * none could only be recovered from the relay's command line, so that one is refused whoever
   * asks — a manager removing the last other tablet, or a tablet removing itself.
   */
  async revoke(officeId: string, code: string): Promise<'revoked' | 'not-found' | 'last-device'> {
    const entry = this.offices.get(officeId);
    if (!entry) return 'not-found';
    let device = (entry.deviceList ?? []).find((d) => d.code === code);
    const working = (entry.deviceList ?? []).filter((d) => d.tokenHash && !d.revokedAt);
    if (device && working.length === 1 && working[0] === device) return 'last-device';
    if (!device) {
      const index = deviceCodeIndex(code);
      if (!entry.tokenHash || index < 0 || index >= entry.devices) return 'not-found';
      device = { code, tokenHash: '', name: '', joinedBy: '', joinedAt: entry.createdAt };
      entry.deviceList = [...(entry.deviceList ?? []), device];
    }
    device.revokedAt ??= this.iso();
    await this.save();
    this.onDeviceEvent({ officeId, kind: 'revoked', deviceCode: code, at: device.revokedAt });
    return 'revoked';
  }

  /** Every device of the office for the devices page, legacy codes not yet migrated included. */
  listDevices(officeId: string): DeviceView[] {
    const entry = this.offices.get(officeId);
    if (!entry) return [];
    const views = (entry.deviceList ?? []).map(viewOf);
    if (entry.tokenHash) {
      for (let i = 0; i < entry.devices; i++) {
        const code = deviceCodeFor(i);
        if (!views.some((v) => v.code === code)) views.push({ code, name: '', joinedBy: '', joinedAt: entry.createdAt, lastSeen: null, revokedAt: null, migrated: false, legacy: true });
      }
    }
    return views.sort((a, b) => deviceCodeIndex(a.code) - deviceCodeIndex(b.code));
  }

  /** Notes that a device was heard from; written to disk at most every few seconds. */
  touch(device: DeviceEntry): void {
    device.lastSeen = this.iso();
    this.lastSeenTimer ??= setTimeout(() => {
      this.lastSeenTimer = null;
      void this.save();
    }, 5000);
    this.lastSeenTimer.unref?.();
  }

  name(officeId: string): string | undefined {
    return this.offices.get(officeId)?.name;
  }

  has(officeId: string): boolean {
    return this.offices.has(officeId);
  }

  /** Everything, hashes included, for the relay's own backup file. */
  entries(): OfficeEntry[] {
    return structuredClone([...this.offices.values()]);
  }

  /**
   * Brings an office back from a backup. Devices and invitations already known stay as they
   * are; the code counter only grows (codes printed on paper must stay unique). Every invitation
   * that comes from the file is void: it may have been spent after the file was written.
   * Revocations and codes handed out since then come back from the tablets (registry-doc.ts).
   */
  async restore(incoming: OfficeEntry): Promise<void> {
    const entry = this.offices.get(incoming.id);
    const voided = (list: InvitationEntry[] | undefined) => (list ?? []).map((i) => (i.usedAt || i.voidedAt ? i : { ...i, voidedAt: this.iso() }));
    incoming = { ...incoming, invitations: voided(incoming.invitations) };
    if (!entry) {
      this.offices.set(incoming.id, structuredClone({ ...incoming, deviceList: incoming.deviceList ?? [], invitations: incoming.invitations ?? [], docKey: incoming.docKey ?? randomBytes(32).toString('hex') }));
    } else {
      entry.docKey ??= incoming.docKey;
      entry.devices = Math.max(entry.devices, incoming.devices);
      entry.tokenHash ??= incoming.tokenHash;
      const known = new Set((entry.deviceList ?? []).map((d) => d.code));
      entry.deviceList = [...(entry.deviceList ?? []), ...(incoming.deviceList ?? []).filter((d) => !known.has(d.code))];
      const hashes = new Set((entry.invitations ?? []).map((i) => i.codeHash));
      entry.invitations = [...(entry.invitations ?? []), ...(incoming.invitations ?? []).filter((i) => !hashes.has(i.codeHash))];
    }
    await this.save();
  }

  async flushed(): Promise<void> {
    if (this.lastSeenTimer) {
      clearTimeout(this.lastSeenTimer);
      this.lastSeenTimer = null;
      await this.save();
    }
    return this.writing;
  }
}
