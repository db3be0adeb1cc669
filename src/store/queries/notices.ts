import type { CustomerRow } from '../../domain/customers/types';
import { audienceOf, callListOf } from '../../domain/notices/audience';
import type { NoticeRow, Telling } from '../../domain/notices/notice';
import { inForce } from '../../domain/notices/notice';
import type { Day } from '../../domain/days';
import { unitSortKey } from '../../domain/units/unit';
import type { ReadonlyDB } from '../readonly-db';
import { readTogether } from '../readonly-db';
import { listFilter } from './residents';

const estateOrder = (a: CustomerRow, b: CustomerRow) => unitSortKey(a.unitCode).localeCompare(unitSortKey(b.unitCode)) || a.name.localeCompare(b.name, 'zh-CN');

/** Notices, newest first (the list page). */
export function listNotices(db: ReadonlyDB): Promise<NoticeRow[]> {
  return db.notices.orderBy('createdAt').reverse().toArray();
}

export function noticeRow(db: ReadonlyDB, id: string): Promise<NoticeRow | undefined> {
  return db.notices.get(id);
}

/** Notices in force on this office day (今日). */
export async function noticesInForce(db: ReadonlyDB, today: Day): Promise<NoticeRow[]> {
  const started = await db.notices.where('from').belowOrEqual(today).toArray();
  return started.filter((n) => inForce(n, today)).sort((a, b) => a.to.localeCompare(b.to));
}

export interface NoticeAudience {
  audience: CustomerRow[];
  callList: CustomerRow[];
  tellings: Telling[];
}

/** Who the notice is for, who must be phoned, and who was told (the register, in order of telling). */
export async function noticeAudience(db: ReadonlyDB, n: NoticeRow, year: number): Promise<NoticeAudience> {
  return readTogether(db, ['customers', 'units', 'residentLists', 'noticeTellings'], async () => {
    const [customers, units, list, tellings] = await Promise.all([
      db.customers.toArray(),
      n.audience.scope === 'uses' ? db.units.toArray() : Promise.resolve([]),
      n.audience.scope === 'list' ? listFilter(db, n.audience.listId) : Promise.resolve(null),
      db.noticeTellings.where('noticeId').equals(n.id).toArray(),
    ]);
    const audience = audienceOf(n.audience, customers, units, list, year).sort(estateOrder);
    return { audience, callList: callListOf(n, audience), tellings: tellings.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)) };
  });
}
