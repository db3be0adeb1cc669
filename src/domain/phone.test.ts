import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask';
import { isValidPhone, normalizePhone } from './phone';

describe('phones', () => {
  it.each(['13812345678', '0755-86001234', '075586001234', '010-12345678-801', '86001234'])('accepts %s', (p) => {
    expect(isValidPhone(normalizePhone(p))).toBe(true);
  });
  it.each(['12345', '23812345678', '1381234567', 'abc'])('rejects %s', (p) => {
    expect(isValidPhone(normalizePhone(p))).toBe(false);
  });
  it('normalises spaces and +86', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
  });
  it('masks phones and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
  });
});
