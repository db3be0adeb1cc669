import { describe, expect, it } from 'vitest';
import { normalizeDateText, showDateTime } from './date-text';

describe('dates as typed', () => {
  it('become the stored form, whatever the separators', () => {
    for (const s of ['2026-12-5', '2026/12/05', '2026.12.5', '2026年12月5日', '20261205', '２０２６－１２－０５']) expect(normalizeDateText('date', s), s).toBe('2026-12-05');
    for (const s of ['8:30', '08:30', '0830', '8点30', '8：30']) expect(normalizeDateText('time', s), s).toBe('08:30');
    for (const s of ['2026-1', '2026年1月', '202601', '2026/01']) expect(normalizeDateText('month', s), s).toBe('2026-01');
    for (const s of ['2026-12-12 9:30', '2026-12-12T09:30', '2026年12月12日 9点30']) expect(normalizeDateText('datetime', s), s).toBe('2026-12-12T09:30');
    expect(showDateTime('2026-12-12T09:30')).toBe('2026-12-12 09:30');
  });
  it('stay as typed when they cannot be read, for the command to refuse with a message', () => {
    expect(normalizeDateText('date', '12/05/2026')).toBe('12/05/2026');
    expect(normalizeDateText('date', '2026-13-01')).toBe('2026-13-01');
    expect(normalizeDateText('time', '25:00')).toBe('25:00');
  });
});
