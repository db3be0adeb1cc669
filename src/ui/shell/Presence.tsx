import { For } from 'solid-js';
import { t } from '../../i18n';
import type { PeerState } from '../../store/presence';

/** Colleagues online now, as initials; the full name is the accessible name and tooltip. */
export function PresenceList(props: { peers: PeerState[] }) {
  const unique = () => {
    const seen = new Map<string, PeerState>();
    for (const p of props.peers) seen.set(p.user.staffId, p);
    return [...seen.values()];
  };
  return (
    <ul class="presence" aria-label={t('presence.online')} data-testid="presence">
      <For each={unique()}>
        {(peer) => (
          <li title={`${peer.user.name} (${peer.user.device})`} aria-label={peer.user.name}>
            {peer.user.name.slice(-2)}
          </li>
        )}
      </For>
    </ul>
  );
}
