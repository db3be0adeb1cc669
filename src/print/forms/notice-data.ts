import type { CustomerRow } from '../../domain/customers/types';
import type { Incident, IncidentCall } from '../../domain/incidents/incident';
import type { Notice, NoticeRow, Telling } from '../../domain/notices/notice';
import type { Office } from '../../store/office-api';
import { readIncident } from '../../store/incidents';
import { readNotice } from '../../store/notices';
import { incidentCalls } from '../../store/queries/incidents';
import { noticeAudience, noticeRow } from '../../store/queries/notices';

export interface NoticePrintData {
  notice: Notice;
  row: NoticeRow;
  audience: CustomerRow[];
  callList: CustomerRow[];
  tellings: Telling[];
}

export async function loadNoticePrint(office: Office, id: string): Promise<NoticePrintData | null> {
  const row = await noticeRow(office.db, id);
  const notice = row ? await readNotice(office, id) : null;
  if (!row || !notice) return null;
  return { notice, row, ...(await noticeAudience(office.db, row, new Date().getFullYear())) };
}

export async function loadIncidentPrint(office: Office, id: string): Promise<{ incident: Incident; calls: IncidentCall[] } | null> {
  const incident = await readIncident(office, id);
  return incident ? { incident, calls: await incidentCalls(office.db, id) } : null;
}

/** The number printed on a notice's papers: its month and the start of its id (ids are random, so two tablets never clash). */
export const noticeNumber = (n: Pick<Notice, 'id' | 'createdAt'>) => `TZ-${n.createdAt.slice(2, 4)}${n.createdAt.slice(5, 7)}-${n.id.slice(0, 6).toUpperCase()}`;
