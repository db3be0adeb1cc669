import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export interface PresenceUser {
  staffId: string;
  name: string;
  device: string;
}

export interface PeerState {
  clientId: number;
  user: PresenceUser;
  /** The record the colleague has open, as `collection/id`, if any. */
  viewing: string | null;
}

/**
 * Who is online and what they have open, carried by the awareness protocol on the office
 * shard's connection. Nothing of it is stored: it disappears when a colleague's tablet goes.
 */
export class Presence {
  private awareness: Awareness | null = null;
  private currentPeers: PeerState[] = [];
  readonly peers = (): PeerState[] => this.currentPeers;
  private user: PresenceUser | null = null;
  private viewing: string | null = null;
  private listeners = new Set<(peers: PeerState[]) => void>();

  /** Called with the colleagues online whenever that changes (the worker forwards them to the page). */
  subscribe(listener: (peers: PeerState[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.peers());
    return () => this.listeners.delete(listener);
  }

  bind(doc: Y.Doc): Awareness {
    this.awareness = new Awareness(doc);
    this.awareness.on('change', () => this.refresh());
    this.push();
    return this.awareness;
  }

  me(): PresenceUser | null {
    return this.user;
  }

  setUser(user: PresenceUser | null): void {
    this.user = user;
    this.push();
  }

  setViewing(key: string | null): void {
    this.viewing = key;
    this.push();
  }

  private push(): void {
    if (!this.awareness) return;
    this.awareness.setLocalState(this.user ? { user: this.user, viewing: this.viewing } : null);
  }

  private refresh(): void {
    if (!this.awareness) return;
    const peers: PeerState[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness!.clientID || !state?.user) return;
      peers.push({ clientId, user: state.user as PresenceUser, viewing: (state.viewing as string | null) ?? null });
    });
    this.currentPeers = peers;
    for (const listener of this.listeners) listener(peers);
  }

  destroy(): void {
    this.awareness?.destroy();
  }
}
