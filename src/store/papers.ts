import { markArchived, markPrinted, markReceived, paperFromRecord, paperId, paperShard, type Paper, type PaperRef } from '../domain/papers/paper';
import { ok, type Result } from '../domain/result';
import type { Office } from './office-api';

/** A paper record as it is now, from the ledger its projection row names (null: never printed here). */
export async function readPaper(office: Office, form: string, ref: string): Promise<Paper | null> {
  const id = paperId(form, ref);
  const row = await office.db.papers.get(id);
  if (!row) return null;
  const record = await office.read(paperShard(row, new Date().toISOString()), 'papers', id);
  return record ? paperFromRecord(id, record) : null;
}

/** The print button of a form's preview: each record of it is now 已打印. */
export async function recordPrinted(office: Office, papers: PaperRef[]): Promise<Result<void>> {
  for (const p of papers) {
    const saved = await office.run(markPrinted(await readPaper(office, p.form, p.ref), p, office.context()));
    if (!saved.ok) return saved;
  }
  return ok(undefined);
}

export async function recordReceived(office: Office, form: string, ref: string, box: string): Promise<Result<void>> {
  const command = markReceived(await readPaper(office, form, ref), box, office.context());
  return command.ok ? office.run(command.value) : command;
}

export async function recordArchived(office: Office, form: string, ref: string, box: string): Promise<Result<void>> {
  const command = markArchived(await readPaper(office, form, ref), box, office.context());
  return command.ok ? office.run(command.value) : command;
}

