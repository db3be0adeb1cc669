import { inPeriod, paperId, type PaperRow } from '../../domain/papers/paper';
import type { ReadonlyDB } from '../readonly-db';

/** The paper records of one record (all its forms), e.g. `events/<id>`. */
export function papersOf(db: ReadonlyDB, ref: string): Promise<PaperRow[]> {
  return db.papers.where('ref').equals(ref).toArray();
}

export async function paperRow(db: ReadonlyDB, form: string, ref: string): Promise<PaperRow | null> {
  return (await db.papers.get(paperId(form, ref))) ?? null;
}

/** Printed, not back yet: the list to chase, oldest print first. */
export async function notBack(db: ReadonlyDB, form?: string): Promise<PaperRow[]> {
  const rows = form ? await db.papers.where('[form+state]').equals([form, 'printed']).toArray() : await db.papers.where('state').equals('printed').toArray();
  return rows.sort((a, b) => a.printedAt.localeCompare(b.printedAt));
}

/** How many of each form are printed and not back yet. */
export async function notBackCounts(db: ReadonlyDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const r of await db.papers.where('state').equals('printed').toArray()) counts.set(r.form, (counts.get(r.form) ?? 0) + 1);
  return counts;
}

/** Everything filed in one box or binder (归档目录), in the order it was filed. */
export async function papersInBox(db: ReadonlyDB, box: string): Promise<PaperRow[]> {
  const rows = await db.papers.where('box').equals(box).toArray();
  return rows.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.title.localeCompare(b.title, 'zh-CN'));
}

export async function boxes(db: ReadonlyDB): Promise<string[]> {
  return ((await db.papers.orderBy('box').uniqueKeys()) as string[]).filter(Boolean);
}

// Every paper filed (issue 21): a paper found by its number, and the archive searched by box, period and kind.

/** The paper a scanned or typed number names (null: never recorded as printed here). */
export async function paperByNumber(db: ReadonlyDB, number: string): Promise<PaperRow | null> {
  return (await db.papers.where('number').equals(number).first()) ?? null;
}

export interface PaperSearch {
  box?: string;
  /** `YYYY-MM` or `YYYY` (a year finds its months too). */
  period?: string;
  form?: string;
}

/**
 * The archive index (归档目录) searched: papers that came back, narrowed by box, period and kind;
 * with no box, the printed-and-not-back ones of that period and kind too (state tells them apart).
 * An office files a few thousand papers a year, so the narrowing after the first index is in memory.
 */
export async function findPapers(db: ReadonlyDB, q: PaperSearch): Promise<PaperRow[]> {
  const rows = q.box ? await db.papers.where('box').equals(q.box).toArray() : q.form ? await db.papers.where('form').equals(q.form).toArray() : await db.papers.toArray();
  return rows
    .filter((r) => (!q.form || r.form === q.form) && inPeriod(r.period, q.period ?? ''))
    .sort((a, b) => a.period.localeCompare(b.period) || a.receivedAt.localeCompare(b.receivedAt) || a.title.localeCompare(b.title, 'zh-CN'));
}

/** The kinds of form that have ever been printed here (the archive's kind filter). */
export async function paperForms(db: ReadonlyDB): Promise<string[]> {
  return (await db.papers.orderBy('form').uniqueKeys()) as string[];
}
