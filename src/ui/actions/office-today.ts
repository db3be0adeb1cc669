import { officeDay } from '../../domain/requests/work-time';
import type { Office } from '../../store/office-api';
import { serviceSettings } from '../../store/queries/settings';
import { createLive } from '../../shared/bindings/live';

/** The office's day (its calendar's time zone), '' until the settings are read. */
export function createOfficeToday(office: Office) {
  const settings = createLive(() => office, (o) => serviceSettings(o.db), null);
  return () => {
    const s = settings();
    return s ? officeDay(new Date(), s.calendar) : '';
  };
}
