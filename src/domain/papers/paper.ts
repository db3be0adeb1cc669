import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { shardOfRecord, type ShardName } from '../shards';
import { picturesOf } from '../attachments/picture';
import { paperNumber, periodOf } from './number';
import { PAPER_STATES, type Paper, type PaperRef, type PaperRow, type PaperState } from './types';

export * from './types';
export * from './number';

/**
 * Paper that comes back (纸质件), for every printed form: printed → signed and back (已签回) →
 * filed in a numbered box or binder (已归档). One record per form and record, keyed by both, so
 * the record page, the "printed, not back yet" list and the box's index (归档目录) all read one
 * place. A form is identified by its print name (`sign-in`, `seminar-minutes`, `request`…) and
 * the record by its app path (`events/<id>`), the one its QR code carries.
 */
export const paperId = (form: string, ref: string) => `${form}~${ref}`;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function paperFromRecord(id: string, r: Record<string, unknown>): Paper {
  return {
    id,
    form: str(r.form),
    ref: str(r.ref),
    title: str(r.title),
    number: str(r.number) || paperNumber(str(r.form), str(r.ref)),
    period: str(r.period),
    year: typeof r.year === 'number' ? r.year : 0,
    printedAt: str(r.printedAt),
    printedByName: str(r.printedByName),
    printCount: typeof r.printCount === 'number' ? r.printCount : 0,
    receivedAt: str(r.receivedAt),
    receivedByName: str(r.receivedByName),
    box: str(r.box),
    archivedAt: str(r.archivedAt),
  };
}

export function paperState(p: Pick<Paper, 'printedAt' | 'receivedAt' | 'box'> | null | undefined): PaperState {
  if (!p) return 'none';
  if (p.box) return 'archived';
  if (p.receivedAt) return 'received';
  return p.printedAt ? 'printed' : 'none';
}

export function projectPaper(id: string, r: Record<string, unknown>): PaperRow {
  const p = paperFromRecord(id, r);
  const scans = picturesOf(r).filter((x) => x.kind === 'scan').map((x) => x.sha256);
  return { id, form: p.form, ref: p.ref, title: p.title, state: paperState(p), number: p.number, period: p.period, year: p.year, printedAt: p.printedAt, receivedAt: p.receivedAt, box: p.box, scans };
}

/** A paper record lives in the ledger of (January of) the year it was first printed. */
export function paperShard(p: Pick<Paper, 'year'> | null, now: string): ShardName {
  return shardOfRecord('papers', { record: { year: p?.year || Number(now.slice(0, 4)) } });
}

/** 打印: written when the print button is pressed (a reprint counts, the first print date stays in the history). */
export function markPrinted(current: Paper | null, paper: PaperRef, ctx: CommandContext): Command {
  const id = paperId(paper.form, paper.ref);
  const year = current?.year || Number(ctx.now.slice(0, 4));
  return {
    shard: paperShard(current, ctx.now),
    ops: [
      {
        kind: 'set', collection: 'papers', id, upsert: true,
        fields: { form: paper.form, ref: paper.ref, title: paper.title.slice(0, LIMITS.shortText), number: paperNumber(paper.form, paper.ref), period: periodOf(paper.period) || current?.period || ctx.now.slice(0, 7), year, printedAt: ctx.now, printedBy: ctx.actor.staffId, printedByName: ctx.actor.name, printCount: (current?.printCount ?? 0) + 1 },
      },
      { kind: 'log', collection: 'papers', id, entry: historyEntry(ctx, 'paper.printed') },
    ],
  };
}

function checkBox(box: string): Result<string> {
  const b = box.trim();
  if (b.length > LIMITS.shortText) return fail({ code: 'error.tooLong', field: 'box', params: { max: LIMITS.shortText } });
  return ok(b);
}

/** 已签回: the signed paper is back (who, when); with a box number it is filed at once. */
export function markReceived(current: Paper | null, box: string, ctx: CommandContext): Result<Command> {
  if (!current || !current.printedAt) return fail({ code: 'paper.error.notPrinted' });
  if (current.receivedAt) return fail({ code: 'paper.error.alreadyReceived', params: { by: current.receivedByName } });
  const b = checkBox(box);
  if (!b.ok) return b;
  return ok({
    shard: paperShard(current, ctx.now),
    ops: [
      {
        kind: 'set', collection: 'papers', id: current.id,
        fields: { receivedAt: ctx.now, receivedBy: ctx.actor.staffId, receivedByName: ctx.actor.name, ...(b.value ? { box: b.value, archivedAt: ctx.now } : {}) },
      },
      { kind: 'log', collection: 'papers', id: current.id, entry: historyEntry(ctx, 'paper.received', undefined, b.value ? { box: b.value } : undefined) },
    ],
  });
}

/** 已归档: filed in a box or binder (档案盒/册), found again from the box's index. */
export function markArchived(current: Paper | null, box: string, ctx: CommandContext): Result<Command> {
  if (!current || !current.receivedAt) return fail({ code: 'paper.error.notReceived' });
  const b = checkBox(box);
  if (!b.ok) return b;
  if (!b.value) return fail({ code: 'paper.error.boxRequired', field: 'box' });
  return ok({
    shard: paperShard(current, ctx.now),
    ops: [
      { kind: 'set', collection: 'papers', id: current.id, fields: { box: b.value, archivedAt: ctx.now, archivedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'papers', id: current.id, entry: historyEntry(ctx, 'paper.archived', undefined, { box: b.value }) },
    ],
  });
}
