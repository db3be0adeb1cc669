import { hashSecret, newSecret, secretMatches } from './secrets';

/** How long an invitation can be used: a working day and a night. */
export const INVITATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A one-time code a manager hands to a new tablet (link + QR). Only its hash is kept; it is
 * spent by the first join, and worthless after 24 h either way.
 */
export interface InvitationEntry {
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  /** Staff name given by the inviting tablet, and that tablet's device code. */
  createdBy: string;
  createdByDevice: string;
  /** Name for the device to be ("工程部平板"). */
  deviceName: string;
  usedAt?: string;
  usedBy?: string;
  /** Set when the relay was restored from a backup holding it: it may have been spent since. */
  voidedAt?: string;
}

export function newInvitation(nowMs: number, who: { createdBy?: string; createdByDevice: string; deviceName?: string }): { entry: InvitationEntry; code: string } {
  const code = newSecret();
  return {
    code,
    entry: {
      codeHash: hashSecret(code),
      createdAt: new Date(nowMs).toISOString(),
      expiresAt: new Date(nowMs + INVITATION_TTL_MS).toISOString(),
      createdBy: (who.createdBy ?? '').trim().slice(0, 60),
      createdByDevice: who.createdByDevice,
      deviceName: (who.deviceName ?? '').trim().slice(0, 60),
    },
  };
}

export type Redeemed = { ok: true; invitation: InvitationEntry } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Finds the invitation for `code` if it can still be used (the caller marks it used). */
export function findUsable(invitations: InvitationEntry[], code: string, nowMs: number): Redeemed {
  let found: InvitationEntry | undefined;
  for (const inv of invitations) if (secretMatches(code, inv.codeHash)) found = inv;
  if (!found) return { ok: false, reason: 'unknown' };
  if (found.usedAt) return { ok: false, reason: 'used' };
  // A restored invitation: to its holder it has simply run out; a manager makes a new one.
  if (found.voidedAt) return { ok: false, reason: 'expired' };
  if (Date.parse(found.expiresAt) <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, invitation: found };
}

/** Spent or expired invitations are kept a week (for the devices page), then dropped. */
export function pruneInvitations(invitations: InvitationEntry[], nowMs: number): InvitationEntry[] {
  const week = 7 * 24 * 60 * 60 * 1000;
  return invitations.filter((inv) => Date.parse(inv.expiresAt) + week > nowMs);
}
