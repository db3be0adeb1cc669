import { describe, expect, it } from 'vitest';
import { deviceState, invitationLink, mayManageDevices, mayRevoke, type DeviceListing } from './devices';

const device = (code: string, extra: Partial<DeviceListing> = {}): DeviceListing => ({ code, name: '', joinedBy: '', joinedAt: '2026-12-01T08:00:00Z', lastSeen: null, revokedAt: null, legacy: false, ...extra });

describe('devices', () => {
  it('only a manager invites or removes tablets', () => {
    expect(mayManageDevices('manager').ok).toBe(true);
    expect(mayManageDevices('reception')).toEqual({ ok: false, problems: [{ code: 'devices.error.managerOnly' }] });
    expect(mayManageDevices('team').ok).toBe(false);
    expect(mayManageDevices(undefined).ok).toBe(false);
  });

  it('a manager cannot remove their own tablet or a removed one', () => {
    expect(mayRevoke(device('B'), 'A', 'manager').ok).toBe(true);
    expect(mayRevoke(device('A'), 'A', 'manager')).toEqual({ ok: false, problems: [{ code: 'devices.error.self' }] });
    expect(mayRevoke(device('B', { revokedAt: '2026-12-01T09:00:00Z' }), 'A', 'manager').ok).toBe(false);
    expect(mayRevoke(device('B'), 'A', 'reception').ok).toBe(false);
  });

  it('says what each device is', () => {
    expect(deviceState(device('A'), 'A')).toBe('self');
    expect(deviceState(device('B', { legacy: true }), 'A')).toBe('legacy');
    expect(deviceState(device('C', { revokedAt: 'x' }), 'A')).toBe('revoked');
    expect(deviceState(device('D'), 'A')).toBe('active');
  });

  it('puts the invitation code in the fragment of the join link', () => {
    const link = invitationLink('https://linli.example', { relayUrl: 'wss://linli.example', officeId: 'abc123def456', officeName: '翠湖花园' }, 'CODE_1');
    const url = new URL(link);
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(Object.fromEntries(new URLSearchParams(url.hash.slice(1)))).toEqual({ relay: 'wss://linli.example', office: 'abc123def456', invite: 'CODE_1', name: '翠湖花园' });
  });
});
