import { liveQuery } from 'dexie';
import type { IndicatorInput } from '../../domain/indicators/compute';
import type { ReadonlyDB } from '../readonly-db';
import { indicatorChanges, indicatorInput } from './indicators';

/** How long the rows of 统计 are kept after the page is left (a manager going back and forth between a figure's records and the dashboard). */
export const KEEP_ROWS_MS = 15 * 60_000;

type Listener = (rows: IndicatorInput) => void;

interface Kept {
  db: ReadonlyDB;
  month: string;
  rows: IndicatorInput | null;
  /** A write touched the rows' ranges while nobody was looking: read again on the next visit. */
  stale: boolean;
  /** The watch has run once (before that, its first run reads the rows). */
  watched: boolean;
  reading: number;
  listeners: Set<Listener>;
  unsubscribe: () => void;
  drop: ReturnType<typeof setTimeout> | undefined;
}

let kept: Kept | null = null;

/** Who waits for the kept rows to turn stale (`whenKeptRowsStale`). */
const staleWaiters = new Set<() => void>();

function read(k: Kept): void {
  const seq = ++k.reading;
  k.stale = false;
  void indicatorInput(k.db, k.month).then((rows) => {
    if (seq !== k.reading || kept !== k) return;
    k.rows = rows;
    for (const l of k.listeners) l(rows);
  });
}

function open(db: ReadonlyDB, month: string): Kept {
  const k: Kept = { db, month, rows: null, stale: true, watched: false, reading: 0, listeners: new Set(), unsubscribe: () => {}, drop: undefined };
  // The same watch as before (counts over the ranges the rows come from): Dexie re-runs it on
  // every write into those ranges, from this tab, the sync worker or another tab, and emits each
  // time. Watched by someone: read the rows again; left alone: only remember they are stale.
  const sub = liveQuery(() => indicatorChanges(db, month)).subscribe({
    next: () => {
      k.watched = true;
      if (k.listeners.size) read(k);
      else {
        k.stale = true;
        for (const w of [...staleWaiters]) w();
      }
    },
    error: (err) => console.error('Linli: indicator watch failed', err),
  });
  k.unsubscribe = () => sub.unsubscribe();
  return k;
}

function close(k: Kept | null): void {
  if (!k) return;
  clearTimeout(k.drop);
  k.unsubscribe();
  if (kept === k) kept = null;
}

/**
 * The projection rows the indicators of a month are computed from (`indicatorInput`), live, and
 * kept between visits: the last month shown stays in memory, with its watch, for
 * `KEEP_ROWS_MS` after the page is left, so coming back reads nothing when nothing changed.
 * Calls `listener` with the rows now (when kept and current) and on every change; returns the
 * unsubscribe. Nothing kept is a figure: the figures are computed from the rows on every view.
 */
export function watchIndicatorInput(db: ReadonlyDB, month: string, listener: Listener): () => void {
  if (!kept || kept.db !== db || kept.month !== month) {
    close(kept);
    kept = open(db, month);
  }
  const k = kept;
  clearTimeout(k.drop);
  k.listeners.add(listener);
  // The moment of computing moves on even when the rows do not: deadlines pass.
  if (k.rows && !k.stale) listener({ ...k.rows, now: new Date().toISOString() });
  else if (k.stale && k.watched) read(k);
  return () => {
    k.listeners.delete(listener);
    if (!k.listeners.size) k.drop = setTimeout(() => close(k), KEEP_ROWS_MS);
  };
}

/** Forgets the kept rows (tests; another office's database replaces them by itself). */
export function dropKeptIndicatorRows(): void {
  close(kept);
}

/**
 * Resolves once the kept rows are known to be stale: the watch saw a write while nobody looked.
 * Now, if it already has. Lets a test await the event instead of sleeping on it.
 */
export function whenKeptRowsStale(): Promise<void> {
  if (kept?.stale && kept.watched) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      staleWaiters.delete(done);
      resolve();
    };
    staleWaiters.add(done);
  });
}
