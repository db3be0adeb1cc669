/**
 * Check-then-write commands of one kind, run one after another on one office.
 *
 * A unit's code must be new in the office: `createUnit` reads the codes from the projection,
 * builds the command and runs it, and `run` resolves only once the new row is projected. Two
 * creates in flight at once (a double tap, two quick Enter presses) would both read the codes
 * before either row exists and both pass. Queuing them per office makes the second read see the
 * first's row. (Two tablets offline can still both register a code; that is a merge question,
 * shown in the directory, not something one device can prevent.)
 */
const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

export function oneAtATime<T>(office: object, kind: string, fn: () => Promise<T>): Promise<T> {
  let byKind = queues.get(office);
  if (!byKind) queues.set(office, (byKind = new Map()));
  const before = byKind.get(kind) ?? Promise.resolve();
  const next = before.then(fn, fn);
  // The queue continues whatever this one's outcome; the caller still sees its own.
  byKind.set(kind, next.catch(() => undefined));
  return next;
}
