import type { Problem } from '../../domain/result';
import type { DictKey } from '../../i18n';
import { RelayRequestError } from '../../store/relay-api';

const RELAY_ERRORS: Record<string, DictKey> = {
  unreachable: 'setup.relayUnreachable',
  forbidden: 'setup.createForbidden',
  unauthorized: 'setup.invitationInvalid',
  revoked: 'setup.invitationInvalid',
  used: 'setup.invitationUsed',
  expired: 'setup.invitationExpired',
  failed: 'setup.relayUnreachable',
};

/** Why the relay refused creating or joining an office, as a problem the page shows in the person's language. */
export function relayProblem(err: unknown, relay: string): Problem {
  const reason = err instanceof RelayRequestError ? err.reason : 'failed';
  return { code: RELAY_ERRORS[reason], params: { relay } };
}
