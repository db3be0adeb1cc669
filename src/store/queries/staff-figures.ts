import { addMonths, monthBounds } from '../../domain/indicators/period';
import type { StaffFiguresInput } from '../../domain/staff-figures/figures';
import { readTogether, type ReadonlyDB } from '../readonly-db';
import { serviceSettings } from './settings';

/**
 * The rows each person's figures are computed from (issue 21): requests taken up to a year before
 * the period (one taken in October may be completed, followed up or reopened in November), the
 * follow-ups of the period, the staff and the teams. The manager-only rule is the domain's
 * (`staffFigures`), which every caller runs on these rows.
 */
export async function staffFiguresInput(db: ReadonlyDB, from: string, to: string): Promise<StaffFiguresInput> {
  const settings = await serviceSettings(db);
  const offset = settings.calendar.utcOffset;
  const since = monthBounds(addMonths(from, -12), offset).start;
  const start = monthBounds(from, offset).start;
  return readTogether(db, ['requests', 'followups', 'staff'], async () => {
    const [requests, followups, staff] = await Promise.all([
      db.requests.where('createdAt').aboveOrEqual(since).toArray(),
      db.followups.where('at').aboveOrEqual(start).toArray(),
      db.staff.toArray(),
    ]);
    return {
      // Rows projected before issue 21 lack the new fields until their projection is rebuilt.
      requests: requests.map((r) => ({ ...r, validity: r.validity ?? '', concernedIds: r.concernedIds ?? [], praisedIds: r.praisedIds ?? [] })),
      followups,
      staff,
      teams: settings.teams,
      from,
      to,
      utcOffset: offset,
    };
  });
}

/** Request numbers by id, for the printed sheet's record lists. */
export async function requestNumbers(db: ReadonlyDB, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.requests.bulkGet([...ids]);
  return new Map(rows.filter((r) => !!r).map((r) => [r!.id, r!.number]));
}
