import { describe, expect, it } from 'vitest';
import { afterWrongPin, checkNewPin, checkPinFormat, isPinHash, PIN_LOCK_MS, pinLockedUntil, type PinTries } from './pin';

import { sampleHash } from './pin.fixture';

describe('PIN format', () => {
  it('takes 4 to 6 digits, full-width digits as the same', () => {
    expect(checkPinFormat('1234')).toEqual({ ok: true, value: '1234' });
    expect(checkPinFormat(' 123456 ')).toEqual({ ok: true, value: '123456' });
    expect(checkPinFormat('１２３４')).toEqual({ ok: true, value: '1234' });
  });

  it('refuses anything else, saying why', () => {
    expect(checkPinFormat('')).toEqual({ ok: false, problems: [{ code: 'pin.error.required', field: 'pin' }] });
    for (const bad of ['123', '1234567', '12a4', '12 34', '-1234']) {
      expect(checkPinFormat(bad)).toEqual({ ok: false, problems: [{ code: 'pin.error.format', field: 'pin' }] });
    }
  });

  it('a new PIN is typed twice, the same', () => {
    expect(checkNewPin('2468', '2468')).toEqual({ ok: true, value: '2468' });
    expect(checkNewPin('2468', '2469')).toEqual({ ok: false, problems: [{ code: 'pin.error.mismatch', field: 'pinAgain' }] });
    expect(checkNewPin('24', '24')).toEqual({ ok: false, problems: [{ code: 'pin.error.format', field: 'pin' }] });
  });
});

describe('PIN hash shape', () => {
  it('is a PBKDF2 hash with enough iterations, a 16-byte salt and a 32-byte hash; never a plain PIN', () => {
    expect(isPinHash(sampleHash)).toBe(true);
    expect(isPinHash('1234')).toBe(false);
    expect(isPinHash({ ...sampleHash, iterations: 1000 })).toBe(false);
    expect(isPinHash({ ...sampleHash, salt: 'AAAA' })).toBe(false);
    expect(isPinHash({ ...sampleHash, hash: '1234' })).toBe(false);
    expect(isPinHash({ ...sampleHash, algo: 'SHA-1' })).toBe(false);
  });
});

describe('wrong PINs on a device', () => {
  it('the fifth wrong one in a row locks for five minutes, then five tries again', () => {
    let tries: PinTries | undefined;
    const t0 = 1_000_000;
    for (let i = 1; i <= 4; i++) {
      tries = afterWrongPin(tries, t0 + i);
      expect(tries).toEqual({ wrong: i });
      expect(pinLockedUntil(tries, t0 + i)).toBeNull();
    }
    tries = afterWrongPin(tries, t0 + 5);
    expect(pinLockedUntil(tries, t0 + 5)).toBe(t0 + 5 + PIN_LOCK_MS);
    expect(pinLockedUntil(tries, t0 + 5 + PIN_LOCK_MS - 1)).not.toBeNull();
    expect(pinLockedUntil(tries, t0 + 5 + PIN_LOCK_MS)).toBeNull();
    // After the lock: one wrong PIN is one, not a new lock.
    expect(afterWrongPin(tries, t0 + 6 + PIN_LOCK_MS)).toEqual({ wrong: 1 });
  });
});
