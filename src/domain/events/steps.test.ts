import { describe, expect, it } from 'vitest';
import { hasReached, isPlanEditable, nextEventStep, takesRemarks } from './steps';
import { EVENT_STATUSES, type EventStatus } from './types';

const all = (f: (e: { status: EventStatus }) => unknown) => Object.fromEntries(EVENT_STATUSES.map((status) => [status, f({ status })]));

describe('event steps by state', () => {
  it('edits the plan before submission and after a rejection only', () => {
    expect(EVENT_STATUSES.filter((status) => isPlanEditable({ status }))).toEqual(['plan', 'rejected']);
  });

  it('offers one next step at a time: held, minutes, analysis, close', () => {
    expect(all(nextEventStep)).toEqual({ plan: null, submitted: null, approved: 'held', rejected: null, held: 'minutes', minutes: 'analysis', analysed: 'close', closed: null });
  });

  it('knows which states come after holding the meeting, and takes remarks from then until it closes', () => {
    expect(EVENT_STATUSES.filter((status) => hasReached({ status }, 'held'))).toEqual(['held', 'minutes', 'analysed', 'closed']);
    expect(EVENT_STATUSES.filter((status) => hasReached({ status }, 'minutes'))).toEqual(['minutes', 'analysed', 'closed']);
    expect(EVENT_STATUSES.filter((status) => takesRemarks({ status }))).toEqual(['held', 'minutes', 'analysed']);
  });
});
