import * as Y from 'yjs';
import { legacyYearOf } from '../src/domain/shards';
import { allMonths, forwardToMonth, monthOfYear } from '../src/store/ledger-split';
import type { Room } from './room';
import type { Store } from './store';

/**
 * Year ledgers (`<office>/ledger-YYYY`) of the builds before month shards (issue 23).
 *
 * - At start the relay splits every year room on disk into its twelve month rooms (each the
 *   year minus the other months' records, src/store/ledger-split.ts), unless the year is
 *   already split up to its current state (its state vector is kept in the room's meta).
 * - It keeps serving year rooms: a tablet still on the old build syncs its year as before, and
 *   every update it writes there is forwarded into the twelve month rooms (new records of other
 *   months deleted again at once), so new builds see it. After each forwarded batch the year's
 *   state vector is stored; a relay killed between a year update and its forwarding finds the
 *   vector stale at its next start and splits that year again (applying a split twice merges to
 *   the same state: same items, same deletions).
 * - Edits made in month rooms are not copied back into the year: an old build sees colleagues'
 *   new edits once it updates (the app updates itself on its next start), but nothing it writes
 *   is lost.
 */
const SPLIT_AT = 'split-sv';

const sameBytes = (a: unknown, b: Uint8Array) => a instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);

/** `<office>/ledger-YYYY` → [office, year], or null. */
export function legacyRoom(name: string): [string, number] | null {
  const slash = name.indexOf('/');
  const year = legacyYearOf(name.slice(slash + 1));
  return slash > 0 && year !== null ? [name.slice(0, slash), year] : null;
}

/** Splits every year room on disk not split up to its current state (before the relay listens). */
export async function splitLegacyRooms(store: Store, log: (line: string) => void): Promise<void> {
  for (const name of await store.rooms()) {
    const legacy = legacyRoom(name);
    if (!legacy) continue;
    const [office, year] = legacy;
    const state = await store.load(name);
    if (!state) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const sv = Y.encodeStateVector(doc);
    if (sameBytes(await store.getMeta(name, SPLIT_AT), sv)) {
      doc.destroy();
      continue;
    }
    for (const month of allMonths(year)) await store.append(`${office}/ledger-${month}`, monthOfYear(state, doc, year, month));
    await store.flush();
    await store.setMeta(name, SPLIT_AT, sv);
    doc.destroy();
    log(`split ${name} into months`);
  }
}

/** Forwards what old builds write to a year room into its month rooms, in order, one year at a time. */
export class LegacyForwarder {
  private chains = new Map<string, Promise<void>>();
  private queued = new Map<string, number>();

  constructor(
    private readonly store: Store,
    /** Runs `use` on a month room held loaded (the relay's own rooms: their clients hear the update). */
    private readonly withRoom: (name: string, use: (room: Room) => void) => Promise<void>,
    private readonly log: (line: string) => void,
  ) {}

  forward(yearRoom: Room, update: Uint8Array): void {
    const legacy = legacyRoom(yearRoom.name);
    if (!legacy) return;
    const [office, year] = legacy;
    const name = yearRoom.name;
    this.queued.set(name, (this.queued.get(name) ?? 0) + 1);
    const next = (this.chains.get(name) ?? Promise.resolve()).then(async () => {
      try {
        for (const month of allMonths(year)) {
          await this.withRoom(`${office}/ledger-${month}`, (room) => forwardToMonth(room.doc, yearRoom.doc, year, month, update, 'forward'));
        }
      } catch (err) {
        this.log(`could not forward an update of ${name}: ${(err as Error).message}`);
        return;
      }
      const left = (this.queued.get(name) ?? 1) - 1;
      this.queued.set(name, left);
      // Everything the year holds now has been forwarded: a restart need not split it again.
      if (left === 0) await this.store.setMeta(name, SPLIT_AT, Y.encodeStateVector(yearRoom.doc)).catch(() => undefined);
    });
    this.chains.set(name, next);
  }

  /** Resolves when every forward queued so far is done (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }
}
