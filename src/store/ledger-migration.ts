import * as Y from 'yjs';
import { collectionsOf, ledgerShard, legacyYearOf } from '../domain/shards';
import { projectionStamp } from './collections';
import type { LinliDB } from './db';
import { monthOfYear, monthsOfYear } from './ledger-split';

/**
 * Splits every year ledger this device still stores (`ledger-YYYY`, builds before month shards)
 * into month ledgers, once, before any ledger loads (see ledger-split.ts for why a month is the
 * year minus the other months, and README § Design, "Month shards").
 *
 * Per year, ONE IndexedDB transaction replaces the year's rows by one row per month, so a
 * tablet closed half way has either the year (and splits again next time) or the months.
 * Edits made offline on the old build and never sent are in the year's rows, so they are in
 * the months; their "pending" count moves to every month made, which makes the store load and
 * sync those months at its next connection (store/office-store.ts `sendPending`). The rows of
 * the projection are already there (the tables are shared by all ledgers): the months are
 * stamped as projected so that opening one does not rebuild anything.
 */
export async function splitLegacyLedgers(db: LinliDB): Promise<string[]> {
  const names = ((await db.updates.orderBy('shard').uniqueKeys()) as string[]).filter((n) => legacyYearOf(n) !== null);
  const made: string[] = [];
  for (const name of names) {
    const year = legacyYearOf(name)!;
    const rows = await db.updates.where('shard').equals(name).toArray();
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row.update);
    });
    const state = Y.encodeStateAsUpdate(doc);
    const months = [...monthsOfYear(doc, year)].sort();
    // Pending is a list of record keys (or, on older devices, a bare count).
    const pending = (await db.meta.get(`pending:${name}`))?.value;
    const parts = months.map((m) => ({ shard: ledgerShard(m), update: monthOfYear(state, doc, year, m) }));
    doc.destroy();
    await db.transaction('rw', db.updates, db.meta, db.figurePacks, async () => {
      // Rows written meanwhile (another tab still on the old build) would be lost by a blind delete:
      // delete exactly the rows that were split, and split again next time if more came.
      await db.updates.bulkDelete(rows.map((r) => r.seq!));
      for (const part of parts) {
        await db.updates.add(part);
        await db.meta.put({ key: `projection:${part.shard}`, value: projectionStamp(collectionsOf(part.shard)) });
        if (pendingCount(pending)) {
          const had = (await db.meta.get(`pending:${part.shard}`))?.value;
          const value = Array.isArray(pending) && (Array.isArray(had) || !had) ? [...new Set([...((had as unknown[]) ?? []), ...pending])] : pendingCount(had) + pendingCount(pending);
          await db.meta.put({ key: `pending:${part.shard}`, value });
        }
      }
      await db.meta.delete(`pending:${name}`);
      await db.meta.delete(`projection:${name}`);
      // 统计's packs are kept per shard: the year's go with it. The months are stamped without
      // their packs, so each builds its own when it is first loaded, and 统计 reads the rows
      // (never the year's packs beside the months', which would count each record twice) until then.
      await db.figurePacks.where('shard').equals(name).delete();
    });
    made.push(...parts.map((p) => p.shard));
  }
  return made;
}

/** How many records a `pending:<shard>` value counts (a list of keys, or an older bare count). */
export function pendingCount(value: unknown): number {
  return Array.isArray(value) ? value.length : Number(value ?? 0) || 0;
}
