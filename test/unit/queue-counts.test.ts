import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import type { RequestRow, RequestStatus } from '../../src/domain/requests/types';
import { LinliDB } from '../../src/store/db';
import { QUEUES, queue, queueCounts, queueView, type QueueName } from '../../src/store/queries/requests';

/**
 * The queues' totals are index counts. Checked against the queues' definitions applied to every
 * row, on a mix of states (waiting, done, in follow-up, closed, reopened, awaiting approval,
 * owned and assigned), and that counting reads no row.
 */
const now = new Date('2026-06-10T03:00:00.000Z');
const todayEnd = '2026-06-10T15:59:59.999Z';
const ME = 's-me';
const TEAM = 'engineering';
const STATUSES: RequestStatus[] = ['accepted', 'dispatched', 'inProgress', 'done', 'followUp', 'closed'];
const DUES = ['', '2026-05-01T01:00:00.000Z', '2026-06-10T02:59:00.000Z', now.toISOString(), '2026-06-10T09:00:00.000Z', todayEnd, '2026-06-11T01:00:00.000Z'];

function rows(): RequestRow[] {
  const out: RequestRow[] = [];
  let i = 0;
  for (const status of STATUSES)
    for (const dueFinish of DUES)
      for (const who of [[ME, ME], [ME, 'other'], ['other', ME], ['other', ''], ['', ME]])
        for (const waiting of [0, 1] as const) {
          i++;
          out.push({
            id: `r${String(i).padStart(4, '0')}`, number: `BX-${i}`, kind: i % 3 ? 'repair' : 'complaint', category: 'x', urgency: 'normal', status,
            open: status === 'closed' ? 0 : 1, teamId: i % 2 ? TEAM : 'security', ownerId: who[0], assigneeId: who[1], customerId: '', customerName: '', unitCode: '',
            createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), dueFinish, dueReportBack: '', reportedBackAt: '', dueRespond: '', respondedAt: '',
            doneAt: '', firstDoneAt: '', closedAt: '', waiting, reopenCount: i % 5, awaitingApproval: i % 7 === 0 ? 1 : 0,
            followUpDue: status === 'done' || (status === 'followUp' && i % 2) ? 1 : 0, summary: '',
          } as RequestRow);
        }
  return out;
}

/** The queues as the desk defines them, row by row. */
function expected(all: RequestRow[], name: QueueName): RequestRow[] {
  const at = now.toISOString();
  const running = (r: RequestRow) => r.open === 1 && !r.waiting && r.status !== 'done' && r.status !== 'followUp';
  const byDue = (a: RequestRow, b: RequestRow) => a.dueFinish.localeCompare(b.dueFinish) || a.id.localeCompare(b.id);
  const open = all.filter((r) => r.open === 1);
  switch (name) {
    case 'mine': return open.filter((r) => r.assigneeId === ME || r.ownerId === ME);
    case 'team': return open.filter((r) => r.teamId === TEAM).sort(byDue);
    case 'dueToday': return all.filter((r) => running(r) && r.dueFinish >= at && r.dueFinish <= todayEnd).sort(byDue);
    case 'overdue': return all.filter((r) => running(r) && r.dueFinish >= '0' && r.dueFinish < at).sort(byDue);
    case 'followUp': return open.filter((r) => r.followUpDue === 1);
    case 'approval': return open.filter((r) => r.awaitingApproval === 1);
    case 'attention': return open.filter((r) => r.reopenCount >= 2).sort((a, b) => a.reopenCount - b.reopenCount || a.id.localeCompare(b.id));
    case 'open': return open.sort(byDue);
    case 'all': return all;
  }
}

/** A database on fake-indexeddb that counts the request rows handed out by gets, queries and cursors. */
async function seeded(): Promise<{ db: LinliDB; read: () => number }> {
  const db = new LinliDB(`q-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  let values = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== 'requests') return t;
        return {
          ...t,
          get: (req) => t.get(req).then((v) => (values++, v)),
          getMany: (req) => t.getMany(req).then((v) => ((values += v.length), v)),
          query: (req) => t.query(req).then((res) => ((values += req.values ? res.result.length : 0), res)),
          openCursor: (req) => t.openCursor(req).then((c) => {
            if (c && req.values) values++;
            return c;
          }),
        };
      },
    }),
  });
  await db.requests.bulkPut(rows());
  return { db, read: () => values };
}

describe('queue counts', () => {
  it('match the queues’ definitions on every queue', async () => {
    const { db } = await seeded();
    const all = await db.requests.toArray();
    await db.settings.put({ id: 'service', name: '', data: { teams: [{ id: TEAM, name: '工程部' }] } });
    const counts = await queueCounts(db, { me: ME, now });
    for (const name of QUEUES) {
      const want = expected(all, name);
      expect(want.length, `${name} holds something in this sample`).toBeGreaterThan(0);
      expect([name, counts[name]]).toEqual([name, want.length]);
      const found = await queue(db, name, { me: ME, teamId: TEAM, now, todayEnd, limit: 1000 });
      expect([name, found.total]).toEqual([name, want.length]);
      expect([name, found.rows.map((r) => r.id).sort()]).toEqual([name, want.map((r) => r.id).sort()]);
      if (name !== 'mine' && name !== 'all') expect([name, found.rows.map((r) => r.id)]).toEqual([name, want.map((r) => r.id)]);
      // The page's view: the team is the office's first, the day ends with the office's calendar.
      const view = await queueView(db, { name, me: ME, now, limit: 3 });
      expect([name, view.teamId, view.rows.length]).toEqual([name, TEAM, Math.min(3, want.length)]);
      if (name !== 'dueToday') expect([name, view.total]).toEqual([name, want.length]);
      const page = await queue(db, name, { me: ME, teamId: TEAM, now, todayEnd, limit: 3 });
      expect([name, page.rows.length, page.total]).toEqual([name, Math.min(3, want.length), want.length]);
    }
  });

  it('read no request row', async () => {
    const { db, read } = await seeded();
    const before = read();
    await queueCounts(db, { me: ME, now });
    expect(read() - before).toBe(0);
  });
});
