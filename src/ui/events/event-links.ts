/** Addresses of the event pages and their printed forms (no imports: costs the first screen nothing). */
export const eventLinks = {
  list: () => '/events',
  page: (id: string) => `/events/${id}`,
  create: (kind: string) => `/events/new?kind=${kind}`,
  scan: () => '/scan',
  papers: () => '/papers',
};

/** The forms of an event, by print name, and which kinds of event have them. */
export const EVENT_FORMS = {
  seminar: ['activity-plan', 'sign-in', 'seminar-minutes'],
  clubFounding: ['activity-plan', 'sign-in', 'activity-record'],
  activity: ['activity-plan', 'sign-in', 'activity-record'],
} as const;

export type EventForm = 'activity-plan' | 'sign-in' | 'seminar-minutes' | 'activity-record';

export const eventPrintLink = (form: EventForm, id: string) => `/print/${form}?id=${encodeURIComponent(id)}`;
