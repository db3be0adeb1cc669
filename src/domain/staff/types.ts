/** Staff profiles as stored and listed: roles, the PIN hash, the team. */
import type { PinHash } from './pin';

export type StaffRole = 'reception' | 'manager' | 'team';

export interface Staff {
  id: string;
  name: string;
  role: StaffRole;
  /** The team a team member works in (工程组…), for dispatch suggestions. */
  teamId?: string;
  /** The profile's PIN, hashed (profiles from before PINs have none: set on first use). */
  pin?: PinHash;
  /** Set by a manager's reset: the PIN is a temporary one, to be replaced on next use. */
  pinMustChange?: boolean;
}

export interface StaffRow extends Staff {
  createdAt: string;
}

export const STAFF_ROLES: StaffRole[] = ['reception', 'manager', 'team'];

/** The roles a newcomer may give themself; 管理处经理 is granted only by a manager. */
export const NEWCOMER_ROLES: StaffRole[] = ['reception', 'team'];
