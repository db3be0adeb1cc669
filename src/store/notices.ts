import type { TellChannel } from '../domain/notices/types';
import { createNotice as createCommand, noticeFromRecord, noticeShard, tellHousehold, withdrawNotice as withdrawCommand, type Notice, type NoticeInput } from '../domain/notices/notice';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { noticeAudience, noticeRow } from './queries/notices';
import { residentList } from './queries/residents';

export async function createNotice(office: Office, input: NoticeInput): Promise<Result<string>> {
  const list = input.audience.scope === 'list' && input.audience.listId ? await residentList(office.db, input.audience.listId) : undefined;
  const made = createCommand(input, office.context(), { listName: list ? list.name : null });
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export async function readNotice(office: Office, id: string): Promise<Notice | null> {
  const row = await noticeRow(office.db, id);
  if (!row) return null;
  const record = await office.read(noticeShard(row), 'notices', id);
  return record ? noticeFromRecord(id, record) : null;
}

export async function withdrawNotice(office: Office, id: string, reason: string): Promise<Result<void>> {
  const n = await readNotice(office, id);
  if (!n) return fail({ code: 'error.notFound' });
  const made = withdrawCommand(n, reason, office.context());
  return made.ok ? office.run(made.value) : made;
}

/** One household told, by this person, now; the audience is read from the directory as it is. */
export async function tellCustomer(office: Office, noticeId: string, customerId: string, channel: TellChannel, note = ''): Promise<Result<string>> {
  const row = await noticeRow(office.db, noticeId);
  const n = row ? await readNotice(office, noticeId) : null;
  if (!row || !n) return fail({ code: 'error.notFound' });
  const { audience } = await noticeAudience(office.db, row, Number(office.context().now.slice(0, 4)));
  const who = audience.find((c) => c.id === customerId) ?? (await office.db.customers.get(customerId));
  const made = tellHousehold(n, { id: who?.id ?? '', name: who?.name ?? '', unitCode: who?.unitCode ?? '' }, channel, note, office.context(), { inAudience: audience.some((c) => c.id === customerId) });
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}
