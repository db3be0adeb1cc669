import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * A loopback proxy in front of the relay (HTTP and websockets) that can hold a room's traffic
 * to the tablet after a number of pieces of the relay's first-sync answer, and then drop those
 * sockets: a join caught half way, then a lost connection — with a real relay and a real browser.
 */
export interface HoldProxy {
  /** http://localhost:<port> and ws://localhost:<port>: where the tablet opens the app and syncs. */
  base: string;
  ws: string;
  /** Holds messages to the tablet in `room` (e.g. `ledger-2026`) after `pieces` sync updates (over all its connections). */
  hold(room: string, pieces: number): void;
  /** Sockets of the held room cut (the Wi-Fi gone), and nothing held any more. */
  drop(): void;
  /** Sizes of the messages the tablet received per room, one list per connection. */
  received(room: string): number[][];
  close(): Promise<void>;
}

export async function holdProxy(relayPort: number): Promise<HoldProxy> {
  let rule: { room: string; pieces: number } | null = null;
  const held: { client: WebSocket; upstream: WebSocket }[] = [];
  const received = new Map<string, number[][]>();
  let pieces = 0;
  const server: Server = createServer((req, res) => {
    const up = request({ host: '127.0.0.1', port: relayPort, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (client) => {
      const room = new URL(req.url ?? '/', 'http://x').pathname.split('/')[2] ?? '';
      const sizes: number[] = [];
      received.set(room, [...(received.get(room) ?? []), sizes]);
      const upstream = new WebSocket(`ws://127.0.0.1:${relayPort}${req.url}`);
      const early: Buffer[] = [];
      let holding = false;
      upstream.on('open', () => {
        for (const m of early.splice(0)) upstream.send(m);
      });
      client.on('message', (data: Buffer) => (upstream.readyState === WebSocket.OPEN ? upstream.send(data) : early.push(data)));
      upstream.on('message', (data: Buffer) => {
        if (holding) return;
        // Counted over every connection of the room: a join paused and resumed is still one join.
        if (rule?.room === room && data[0] === 0 && data[1] === 2 && ++pieces > rule.pieces) {
          holding = true;
          held.push({ client, upstream });
          return;
        }
        sizes.push(data.length);
        client.send(data);
      });
      const end = () => {
        client.terminate();
        upstream.terminate();
      };
      client.on('close', end);
      upstream.on('close', end);
      client.on('error', end);
      upstream.on('error', end);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://localhost:${port}`,
    ws: `ws://localhost:${port}`,
    hold: (room, count) => {
      rule = { room, pieces: count };
      pieces = 0;
    },
    drop() {
      rule = null;
      for (const { client, upstream } of held.splice(0)) {
        client.terminate();
        upstream.terminate();
      }
    },
    received: (room) => received.get(room) ?? [],
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
