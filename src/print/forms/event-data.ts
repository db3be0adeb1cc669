import { picturesOf, type PictureRef } from '../../domain/attachments/picture';
import { attendanceTotals, type AttendanceTotals } from '../../domain/events/attendance';
import type { AttendanceRow, CommunityEvent, EventItemRow, RemarkRow } from '../../domain/events/types';
import type { StaffRow } from '../../domain/staff/staff';
import { readEvent } from '../../store/events';
import type { Office } from '../../store/office-api';
import { attendanceOf, itemsOf, remarksOf, requestStatuses } from '../../store/queries/events';
import { eventShard, itemFromRecord } from '../../domain/events/record';
import { allStaff } from '../../store/queries/staff';

export interface EventPrintData {
  event: CommunityEvent;
  agenda: (EventItemRow & { minutes: string })[];
  tasks: EventItemRow[];
  attendance: AttendanceRow[];
  totals: AttendanceTotals;
  remarks: RemarkRow[];
  requests: Map<string, { status: string; number: string }>;
  staff: StaffRow[];
  /** The event's photos (issue 19, pictures), not removed. */
  pictures: PictureRef[];
}

/** Everything an event's forms print, read once: the record, its items with their minutes, the attendance and the remarks. */
export async function loadEventPrint(office: Office, id: string): Promise<EventPrintData | null> {
  const event = await readEvent(office, id);
  if (!event) return null;
  const [items, attendance, remarks, staff] = await Promise.all([itemsOf(office.db, id), attendanceOf(office.db, id), remarksOf(office.db, id), allStaff(office.db)]);
  const agenda = await Promise.all(
    items.filter((i) => i.kind === 'agenda').map(async (i) => {
      const record = await office.read(eventShard(event), 'eventItems', i.id);
      return { ...i, minutes: record ? itemFromRecord(i.id, record).minutes : '' };
    }),
  );
  return {
    event, agenda, tasks: items.filter((i) => i.kind === 'task'), attendance, totals: attendanceTotals(attendance, event.attendanceClosed),
    remarks, requests: await requestStatuses(office.db, remarks), staff,
    pictures: picturesOf(await office.read(eventShard(event), 'events', id)).filter((p) => p.kind === 'photo'),
  };
}
