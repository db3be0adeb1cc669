import { describe, expect, it } from 'vitest';
import { defaultServiceSettings } from './settings';
import { addWorkingHours, extendByWait, officeDay, officeDayEnd, officeDaysRange, workingMinutesBetween } from './work-time';

// 08:30–17:30 Monday to Saturday, Beijing time (UTC+8).
const cal = defaultServiceSettings().calendar;
const bj = (s: string) => new Date(`${s}+08:00`);
const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('working time', () => {
  it('adds hours within a working day', () => {
    expect(fmt(addWorkingHours(bj('2026-11-23T09:00'), 4, cal))).toBe('2026-11-23 13:00');
  });

  it('carries over the evening and skips Sunday', () => {
    // Saturday 16:30 + 2 h: 1 h on Saturday, Sunday off, 1 h on Monday → Monday 09:30.
    expect(fmt(addWorkingHours(bj('2026-11-28T16:30'), 2, cal))).toBe('2026-11-30 09:30');
  });

  it('starts counting at opening time for a request taken at night', () => {
    expect(fmt(addWorkingHours(bj('2026-11-23T22:00'), 1, cal))).toBe('2026-11-24 09:30');
  });

  it('skips holidays and works make-up days (调休)', () => {
    const holidays = { ...cal, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-04'], days: [1, 2, 3, 4, 5] };
    // Wednesday 30 Sept 17:00 + 1 h: 0.5 h that day, 1–2 Oct holidays, 3 Oct Saturday off, 4 Oct (Sunday) worked.
    expect(fmt(addWorkingHours(bj('2026-09-30T17:00'), 1, holidays))).toBe('2026-10-04 09:00');
  });

  it('counts round the clock for urgent requests when the office says so', () => {
    expect(fmt(addWorkingHours(bj('2026-11-23T22:00'), 2, cal, true))).toBe('2026-11-24 00:00');
  });

  it('measures working minutes between two moments', () => {
    expect(workingMinutesBetween(bj('2026-11-23T17:00'), bj('2026-11-24T09:00'), cal)).toBe(60);
    expect(workingMinutesBetween(bj('2026-11-28T08:00'), bj('2026-11-30T08:00'), cal)).toBe(540);
  });

  it('moves a deadline on by the working time spent waiting on the resident', () => {
    const due = bj('2026-11-24T10:00');
    // Waited Monday 16:30 → Tuesday 09:30: 1 h + 1 h of working time.
    expect(fmt(extendByWait(due, bj('2026-11-23T16:30'), bj('2026-11-24T09:30'), cal))).toBe('2026-11-24 12:00');
  });

  it("tells the office's calendar day whatever the device's zone", () => {
    expect(officeDay(new Date('2026-11-23T17:00:00Z'), cal)).toBe('2026-11-24');
  });
});

describe('the office day’s end', () => {
  it('is the last millisecond of the office’s (Beijing) day, whatever the UTC date', () => {
    expect(officeDayEnd(new Date('2026-12-01T20:30:00Z'), cal)).toBe('2026-12-02T15:59:59.999Z');
    expect(officeDayEnd(new Date('2026-12-01T10:00:00Z'), cal)).toBe('2026-12-01T15:59:59.999Z');
  });
});

describe('office days as a range of moments', () => {
  it('starts at the office’s midnight (16:00 UTC the day before, in Beijing) and ends at its last millisecond', () => {
    expect(officeDaysRange('2026-12-01', '2026-12-03', cal)).toEqual({ start: '2026-11-30T16:00:00.000Z', end: '2026-12-03T15:59:59.999Z' });
    expect(officeDaysRange('2026-12-01', '2026-12-01', { utcOffset: 0 })).toEqual({ start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T23:59:59.999Z' });
  });
});
