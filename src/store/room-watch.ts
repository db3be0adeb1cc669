import { decodeRoomStates, FEED_PATH, type RoomState } from './room-feed';
import type { SyncHub } from './sync';

/**
 * The tablet's end of the office's change feed (room-feed.ts): one websocket, reconnected with
 * a short backoff while the relay is reachable, stopped while it is not (as the shards' own
 * providers are). Every message is handed to `onRooms`.
 */
export class RoomWatch {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private backoff = 500;
  private stopped = false;
  private readonly stopReachable: () => void;

  constructor(private readonly hub: SyncHub, private readonly onRooms: (rooms: RoomState[]) => void, private readonly WebSocketImpl?: typeof WebSocket) {
    this.stopReachable = hub.onReachable((reachable) => {
      if (reachable) {
        this.backoff = 500;
        this.connect();
      } else this.socket?.close();
    });
    this.connect();
  }

  private connect(): void {
    if (this.stopped || this.socket || !this.hub.reachable) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { relayUrl, officeId, token } = this.hub.options;
    const Impl = this.WebSocketImpl ?? WebSocket;
    const socket = new Impl(`${relayUrl.replace(/\/$/, '')}/${officeId}/${FEED_PATH}?token=${encodeURIComponent(token)}`);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      this.backoff = 500;
    };
    socket.onmessage = (event: MessageEvent) => {
      if (!(event.data instanceof ArrayBuffer) && !ArrayBuffer.isView(event.data)) return;
      const bytes = event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : new Uint8Array(event.data.buffer, event.data.byteOffset, event.data.byteLength);
      try {
        this.onRooms(decodeRoomStates(bytes));
      } catch (err) {
        console.error('Linli: unreadable change feed message', err);
      }
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket === socket) this.socket = null;
      // 44xx: the token is refused; the shards' providers say so and stop, and so does this.
      if (this.stopped || (event.code >= 4400 && event.code < 4500)) return;
      this.timer = setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 5000);
    };
    socket.onerror = () => undefined;
  }

  destroy(): void {
    this.stopped = true;
    this.stopReachable();
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }
}
