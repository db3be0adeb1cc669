import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the relay keeps of an office: never the token itself, only its hash. */
interface OfficeEntry {
  id: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  devices: number;
}

export interface NewOffice {
  id: string;
  name: string;
  token: string;
  deviceCode: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const OFFICE_ID = /^[a-z0-9]{6,32}$/;

/** Device codes in the order they are handed out: A … Z, then AA, AB … */
export function deviceCodeFor(n: number): string {
  let code = '';
  let i = n;
  do {
    code = String.fromCharCode(65 + (i % 26)) + code;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return code;
}

/**
 * Offices and their tokens, in DATA_DIR/offices.json. Tokens are random 192-bit strings, so a
 * plain SHA-256 is enough to keep a stolen file from opening the rooms.
 */
export class OfficeRegistry {
  private offices = new Map<string, OfficeEntry>();
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'offices.json');
  }

  async load(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    try {
      const list = JSON.parse(await readFile(this.file, 'utf8')) as OfficeEntry[];
      for (const entry of list) this.offices.set(entry.id, entry);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
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

  async add(name: string): Promise<NewOffice> {
    const id = randomBytes(8).toString('hex').slice(0, 12);
    const token = randomBytes(24).toString('base64url');
    const entry: OfficeEntry = { id, name: name.trim().slice(0, 200) || id, tokenHash: hash(token), createdAt: new Date().toISOString(), devices: 1 };
    this.offices.set(id, entry);
    await this.save();
    return { id, name: entry.name, token, deviceCode: deviceCodeFor(0) };
  }

  /** True only for the right token of an existing office; constant time in the token. */
  verify(officeId: string, token: string | null | undefined): boolean {
    if (!token || !OFFICE_ID.test(officeId)) return false;
    const entry = this.offices.get(officeId);
    if (!entry) return false;
    const a = Buffer.from(hash(token), 'hex');
    const b = Buffer.from(entry.tokenHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Hands the next short device code of an office (unique: only the relay hands them out). */
  async nextDeviceCode(officeId: string): Promise<string> {
    const entry = this.offices.get(officeId);
    if (!entry) throw new Error('unknown office');
    const code = deviceCodeFor(entry.devices);
    entry.devices += 1;
    await this.save();
    return code;
  }

  name(officeId: string): string | undefined {
    return this.offices.get(officeId)?.name;
  }

  flushed(): Promise<void> {
    return this.writing;
  }
}
