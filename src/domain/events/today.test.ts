import { describe, expect, it } from 'vitest';
import { eventTodo } from './today';

describe('eventTodo', () => {
  const e = (status: string, startsAt = '2026-12-12T09:30', open: 0 | 1 = 1) => ({ status, startsAt, open }) as Parameters<typeof eventTodo>[0];
  it('asks for the sign-in on and after the day of an approved event, not before', () => {
    expect(eventTodo(e('approved'), '2026-12-11')).toBeNull();
    expect(eventTodo(e('approved'), '2026-12-12')).toBe('signIn');
    expect(eventTodo(e('approved'), '2026-12-14')).toBe('signIn');
  });
  it('asks for the minutes of a held event until they are finished', () => {
    expect(eventTodo(e('held'), '2026-12-12')).toBe('minutes');
    expect(eventTodo(e('minutes'), '2026-12-20')).toBe('minutes');
    expect(eventTodo(e('analysed'), '2026-12-20')).toBeNull();
    expect(eventTodo(e('plan'), '2026-12-20')).toBeNull();
    expect(eventTodo(e('held', '2026-12-12T09:30', 0), '2026-12-20')).toBeNull();
  });
});
