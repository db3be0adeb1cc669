import type { EventRow } from './types';

/** What an event asks of the desk today: its sign-in (held today or already due), or its minutes. */
export type EventTodo = 'signIn' | 'minutes';

/**
 * An approved event whose day has come needs its sign-in sheet and ticks; a held one needs its
 * minutes written until they are finished (状态 纪要 means they are being written). `today` is
 * the office's day, YYYY-MM-DD.
 */
export function eventTodo(e: Pick<EventRow, 'status' | 'startsAt' | 'open'>, today: string): EventTodo | null {
  if (!e.open) return null;
  if (e.status === 'approved' && e.startsAt.slice(0, 10) <= today) return 'signIn';
  if (e.status === 'held' || e.status === 'minutes') return 'minutes';
  return null;
}
