import { createEffect, type Accessor } from 'solid-js';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { officeToday } from '../../store/queries/moves';

/** The office's day, and a form's day field filled with it once it is known (unless typed meanwhile). */
export function fillOfficeToday(office: Office, current: Accessor<string>, set: (day: string) => void): Accessor<string> {
  const today = createLive(() => office, (o) => officeToday(o.db), '');
  createEffect(() => { if (today() && !current()) set(today()); });
  return today;
}
