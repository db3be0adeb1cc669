import { requestFromRecord } from '../../domain/requests/record';
import { shardOf } from '../../domain/requests/shard';
import { officeDay, officeDaysRange } from '../../domain/requests/work-time';
import type { RequestRow, ServiceRequest } from '../../domain/requests/types';
import type { ServiceSettings } from '../../domain/requests/settings';
import type { Office } from '../../store/office-api';
import { requestsTakenBetween } from '../../store/queries/requests';

/** Full requests (history included) for rows of the projection, from their years' ledgers. */
export async function fullRequests(office: Office, rows: RequestRow[]): Promise<ServiceRequest[]> {
  const out: ServiceRequest[] = [];
  for (const row of rows) {
    const record = await office.read(shardOf(row), 'requests', row.id);
    if (record) out.push(requestFromRecord(row.id, record));
  }
  return out;
}

/** The office's day (YYYY-MM-DD) of an ISO moment. */
export const dayOf = (iso: string, settings: ServiceSettings) => (iso ? officeDay(new Date(iso), settings.calendar) : '');

/** Rows taken between two office days (inclusive), oldest first. */
export async function rowsTakenBetween(office: Office, from: string, to: string, settings: ServiceSettings): Promise<RequestRow[]> {
  return requestsTakenBetween(office.db, from, to, settings.calendar);
}

export function todayOf(settings: ServiceSettings): string {
  return officeDay(new Date(), settings.calendar);
}
