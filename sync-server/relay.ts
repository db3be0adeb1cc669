import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { startHttps, type HttpsOptions, type HttpsSide } from './https';
import { routeSetup, type SetupContext } from './setup/routes';
import { startBackups, type Backups } from './backup';
import { handleDeviceApi, loadAdminKey } from './device-api';
import { handleAdminApi } from './admin-api';
// Attachments (issue 19): blob files beside the documents
import { handleBlobApi } from './blob-api';
import { BlobStore, DEFAULT_BLOB_LIMITS, type BlobLimits } from './blob-store';
import { clientAddress, isLoopback, sameOrigin, trustedProxies } from './client-address';
import { privateTree } from './private-files';
import { RateLimit } from './rate-limit';
import { checkStorage } from './storage-check';
import { readFacts, REGISTRY_MAP, writeFact } from './registry-doc';
import { json, readJson } from './http';
import { OfficeRegistry } from './offices';
import { hashSecret } from './secrets';
import { CLOSE_MALFORMED, Room } from './room';
import { SHARD_NAME } from '../src/domain/shards';
import { FEED_PATH } from '../src/store/room-feed';
import { LegacyForwarder, legacyRoom, splitLegacyRooms } from './legacy-ledgers';
import { RoomFeed } from './room-feed';
import { serveStatic } from './static';
import { Store } from './store';
import { ManagerProofs } from './manager-proof';
import * as Y from 'yjs';

/** Close code for a wrong or unknown office token; clients stop retrying on it. */
export const CLOSE_UNAUTHORIZED = 4401;
/** Close code for an address refused a while after too many failed tokens (clients retry later). */
export const CLOSE_TOO_MANY_FAILURES = 4429;

const SHARD = SHARD_NAME;

export interface RelayOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** Built app to serve (dist/); omitted in relay-only tests. */
  staticDir?: string;
  /** Largest websocket message accepted, in bytes. */
  maxMessageBytes?: number;
  /** Bound of one piece of a room's answer to a sync step 1 (default 1 MB, sync-server/first-sync.ts). */
  syncChunkBytes?: number;
  /** Who may create offices over HTTP: only the machine itself (default), anyone, or nobody. */
  allowCreate?: 'loopback' | 'any' | 'none';
  log?: (line: string) => void;
  /** HTTPS for the LAN with the relay's own CA (sync-server/https.ts); off unless given. */
  https?: HttpsOptions;
  /** The clock (tests move it to expire invitations). */
  now?: () => number;
  /** Daily backups of every office: a directory (default DATA_DIR/backups), or null for none. */
  backupDir?: string | null;
  /** RELAY_TRUST_PROXY: `loopback` or proxy addresses whose X-Forwarded-For names the client. */
  trustProxy?: string;
  /** PUBLIC_URL: its origin may create offices too (a page served through a proxy). */
  publicUrl?: string;
  /** Offices one client address may create per hour over HTTP (0: no limit). */
  createLimit?: number;
  /** Failed token or invitation attempts one address may make per 10 minutes before it is refused. */
  failLimit?: number;
  /** Attachments: size limits and per-office quota (LINLI_BLOB_MAX_BYTES, LINLI_THUMB_MAX_BYTES, LINLI_BLOB_QUOTA_MB). */
  blobLimits?: Partial<BlobLimits>;
  /** Days a blob no record references is kept before the daily backup removes it (LINLI_BLOB_GRACE_DAYS, default 30). */
  blobGraceDays?: number;
}

/** A shard LevelDB cannot read: reported by /healthz until the relay restarts on repaired storage. */
export interface UnreadableShard {
  office: string;
  shard: string;
  since: string;
}

export interface Relay {
  url: string;
  port: number;
  offices: OfficeRegistry;
  server: Server;
  /** The HTTPS listener, when `https` was given. */
  https?: HttpsSide;
  backups: Backups | null;
  /** Attachments' bytes (sync-server/blob-store.ts). */
  blobs: BlobStore;
  /** Shards that could not be loaded since the relay started. */
  unreadable(): UnreadableShard[];
  /** Graceful: closes sockets, waits for every update to reach disk, closes LevelDB. */
  close(): Promise<void>;
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? Date.now;
  // DATA_DIR 0700, every file in it 0600, whoever made them (an admin's `add-office`, npm start).
  await privateTree(options.dataDir, log);
  if (options.backupDir) await privateTree(options.backupDir, log);
  const offices = new OfficeRegistry(options.dataDir, options.now);
  await offices.load();
  const adminKeyHash = hashSecret(await loadAdminKey(options.dataDir));
  /** Open sockets per device (`<officeId>/<code>`), so a revoked device is cut off at once. */
  const deviceSockets = new Map<string, Set<WebSocket>>();
  /**
   * A device's socket, room or change feed: listed for `cutOff`, pinged every 30 s (one that
   * does not answer is ended), forgotten when it closes.
   */
  const holdSocket = (socketsKey: string, conn: WebSocket): void => {
    const mine = deviceSockets.get(socketsKey) ?? new Set<WebSocket>();
    deviceSockets.set(socketsKey, mine.add(conn));
    let alive = true;
    conn.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return conn.terminate();
      alive = false;
      conn.ping();
    }, 30_000);
    conn.on('close', () => {
      mine.delete(conn);
      if (!mine.size) deviceSockets.delete(socketsKey);
      clearInterval(ping);
    });
    conn.on('error', () => conn.terminate());
  };
  const cutOff = (officeId: string, code: string) => {
    for (const conn of deviceSockets.get(`${officeId}/${code}`) ?? []) conn.close(CLOSE_UNAUTHORIZED, 'revoked');
  };
  const store = new Store(join(options.dataDir, 'leveldb'));
  const blobs = new BlobStore(join(options.dataDir, 'blobs'), { ...DEFAULT_BLOB_LIMITS, ...options.blobLimits });
  await blobs.clearTemp();
  const backupDir = options.backupDir === undefined ? join(options.dataDir, 'backups') : options.backupDir;
  const rooms = new Map<string, Room>();
  const allowCreate = options.allowCreate ?? 'loopback';
  const trusted = trustedProxies(options.trustProxy);
  const creations = new RateLimit(options.createLimit ?? 10, 60 * 60 * 1000, now);
  const failures = new RateLimit(options.failLimit ?? 30, 10 * 60 * 1000, now);
  let closing: Promise<void> | null = null;
  // Year ledgers of builds before month shards: split once, then kept in step (legacy-ledgers.ts).
  await splitLegacyRooms(store, log).catch(async (err) => {
    await store.close();
    throw err;
  });
  const feed = new RoomFeed(store, (name) => rooms.get(name));

  /** A failed token or invitation: logged (never the secret), counted per address. */
  const failed = (address: string, what: string) => {
    const n = failures.count(address);
    log(`refused ${what} from ${address} (${n}/${failures.limit} failures in 10 min)`);
    if (n === failures.limit) log(`address ${address} refused for ${failures.minutesLeft(address)} min: too many failed attempts`);
  };

  const unreadable = new Map<string, UnreadableShard>();
  const noteUnreadable = (name: string, err: Error) => {
    if (unreadable.has(name)) return;
    const [office, shard] = name.split('/');
    unreadable.set(name, { office, shard, since: new Date(now()).toISOString() });
    log(`STORAGE DAMAGED: office ${office} shard ${shard} cannot be read (${err.message}). Its tablets keep their copies and other rooms and offices work. ` +
      'What to do: stop the relay, run `npm run relay -- check`, then `npm run relay -- repair` (rebuilds it from the newest good backup; ' +
      'the tablets send what it lacks when they reconnect). README § Storage faults.');
  };

  const roomFor = (name: string) => {
    let room = rooms.get(name);
    if (!room) {
      room = new Room(name, store, log, (changed, update, origin) => {
        feed.changed(changed);
        if (origin !== 'disk' && legacyRoom(changed.name)) forwarder.forward(changed, update);
      });
      if (options.syncChunkBytes) room.chunkBytes = options.syncChunkBytes;
      rooms.set(name, room);
      room.ready.catch((err: Error) => noteUnreadable(name, err));
      if (name.endsWith('/office')) void room.ready.then(() => watchRegistry(room!), () => undefined);
    }
    return room;
  };

  const proofs = new ManagerProofs(options.now);
  /** The office shard as the relay holds it: the open room's document, or a copy loaded from disk. */
  const withOfficeDoc = async <T>(officeId: string, read: (doc: Y.Doc) => Promise<T>): Promise<T> => {
    const room = rooms.get(`${officeId}/office`);
    if (room) {
      await room.ready;
      return read(room.doc);
    }
    const doc = new Y.Doc();
    try {
      const state = await store.load(`${officeId}/office`);
      if (state) Y.applyUpdate(doc, state);
      return await read(doc);
    } finally {
      doc.destroy();
    }
  };
  // The device registry's revocations and handed-out codes, kept in each office document too
  // (registry-doc.ts): written as they happen, learnt back whenever a tablet brings them.
  const watchRegistry = (room: Room) => {
    const officeId = room.name.split('/')[0];
    const learn = () => {
      const key = offices.docKey(officeId);
      if (!key) return;
      void offices.learn(officeId, readFacts(room.doc, key, officeId)).then((revoked) => {
        for (const code of revoked) {
          log(`device revoked again from the office document: office ${officeId} device ${code} (the registry had lost it, e.g. a restore)`);
          cutOff(officeId, code);
        }
      });
    };
    room.doc.getMap(REGISTRY_MAP).observe(learn);
    learn();
  };
  offices.onDeviceEvent = (event) => {
    void (async () => {
      const key = offices.docKey(event.officeId);
      const room = roomFor(`${event.officeId}/office`);
      room.waiting++;
      try {
        await room.ready;
        if (key) writeFact(room.doc, key, event.officeId, event);
      } catch {
        /* an unreadable office shard is reported already; the tablets' copies still teach later */
      } finally {
        room.waiting--;
        void release(room);
      }
    })();
  };

  /** Runs `use` on a room held loaded even with nobody in it (forwarding), then lets it go as `leave` does. */
  const withRoom = async (name: string, use: (room: Room) => void) => {
    const room = roomFor(name);
    room.waiting++;
    try {
      await room.ready;
      use(room);
    } finally {
      room.waiting--;
      await release(room);
    }
  };
  const forwarder = new LegacyForwarder(store, withRoom, log);

  const leave = async (room: Room, conn: WebSocket) => {
    room.leave(conn);
    await release(room);
  };
  /** Unloads a room nobody holds any more. */
  const release = async (room: Room) => {
    if (room.conns.size === 0 && room.waiting === 0 && rooms.get(room.name) === room && !closing) {
      rooms.delete(room.name);
      await store.flush();
      await store.compact(room.name).catch(() => undefined);
      room.destroy();
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleHttp(req, res).catch((err) => {
      log(`http error: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const server = createServer(onRequest);
  let httpsSide: HttpsSide | undefined;
  const setup: SetupContext = {
    httpPort: options.port ?? 8787,
    lanAddresses: () => (httpsSide?.addresses() ?? []).filter((a) => a !== 'localhost' && a !== '127.0.0.1'),
    listensOnLan: !isLoopback(options.host ?? '127.0.0.1') && options.host !== 'localhost',
  };

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relay');
    // LAN HTTPS: setup page, CA downloads, and plain HTTP from the LAN limited to them.
    if (routeSetup(req, res, setup)) return;
    if (url.pathname === '/healthz') {
      // The setup page on http://<ip>:8787 fetches https://<ip>:8443/healthz to see if the CA is trusted.
      res.setHeader('access-control-allow-origin', '*');
      const broken = [...unreadable.values()];
      json(res, broken.length ? 503 : 200, { ok: !broken.length, rooms: rooms.size, ...(broken.length ? { unreadable: broken } : {}) });
      return;
    }
    const client = clientAddress(req, trusted);
    if (url.pathname === '/api/offices' && req.method === 'POST') {
      const allowed = allowCreate === 'any' || (allowCreate === 'loopback' && client.loopback);
      if (!allowed) {
        log(`office creation refused: ${client.address} is not allowed (RELAY_ALLOW_CREATE=${allowCreate})`);
        return json(res, 403, { error: 'create-forbidden' });
      }
      // A page of another site may POST here (no-cors) from a browser on this machine.
      if (!sameOrigin(req, trusted, options.publicUrl)) {
        log(`office creation refused: from a page of another origin (${String(req.headers.origin).slice(0, 80)})`);
        return json(res, 403, { error: 'cross-origin' });
      }
      if (creations.blocked(client.address)) return json(res, 429, { error: 'too-many-offices' });
      const body = await readJson(req, 4096);
      const name = typeof body?.name === 'string' ? body.name : '';
      if (!name.trim()) return json(res, 400, { error: 'name-required' });
      creations.count(client.address);
      const office = await offices.add(name);
      log(`office created: ${office.id} (${office.name}) by ${client.address}`);
      return json(res, 201, { officeId: office.id, name: office.name, token: office.token, deviceCode: office.deviceCode });
    }
    if (url.pathname.startsWith('/api/')) {
      // Tokens, invitations and the admin key: an address that keeps failing is refused a while.
      if (failures.blocked(client.address)) return json(res, 429, { error: 'too-many-failures' });
      res.once('finish', () => {
        if (res.statusCode === 401) failed(client.address, `${req.method} ${url.pathname}`);
      });
    }
    if (await handleAdminApi(req, res, url.pathname, { offices, adminKeyHash, log, check: () => checkStorage(store, backupDir, blobs) })) return;
    if (await handleDeviceApi(req, res, url.pathname, { offices, cutOff, adminKeyHash, log, proofs, withOfficeDoc })) return;
    if (await handleBlobApi(req, res, url.pathname, { offices, blobs, log })) return;
    if (url.pathname.startsWith('/api/')) return json(res, 404, { error: 'not-found' });
    if (!options.staticDir) return json(res, 404, { error: 'not-found' });
    await serveStatic(options.staticDir, req, res);
  }

  // One websocket server for both listeners (plain and HTTPS), so wss.clients holds every socket.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 32 * 1024 * 1024 });
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (closing) return socket.destroy();
    // With the relay's HTTPS on, tablets sync over wss only; plain ws stays for the PC itself.
    if (httpsSide && !(req.socket as TLSSocket).encrypted && !isLoopback(req.socket.remoteAddress)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (conn) => wss.emit('connection', conn, req));
  };
  server.on('upgrade', upgrade);

  wss.on('connection', (conn, req) => {
    // Never log req.url: it carries the token.
    const url = new URL(req.url ?? '/', 'http://relay');
    const [, officeId = '', shard = '', extra] = url.pathname.split('/');
    const client = clientAddress(req, trusted);
    if (failures.blocked(client.address)) {
      // Not 4401: the client retries later (with backoff) and gets in once the window ends.
      conn.close(CLOSE_TOO_MANY_FAILURES, 'too many failed attempts');
      return;
    }
    const caller = offices.authenticate(officeId, url.searchParams.get('token'));
    if (shard === FEED_PATH && extra === undefined) {
      if (!caller.ok) return conn.close(CLOSE_UNAUTHORIZED, caller.reason);
      watchFeed(officeId, caller.device, conn);
      return;
    }
    if (extra !== undefined || !SHARD.test(shard) || !caller.ok) {
      failed(client.address, `websocket ${officeId.slice(0, 40)}/${shard.slice(0, 20)} (${caller.ok ? 'unauthorized' : caller.reason})`);
      // Accept, then close with 4401: an HTTP 401 at upgrade would make clients retry for ever.
      conn.close(CLOSE_UNAUTHORIZED, caller.ok ? 'unauthorized' : caller.reason);
      return;
    }
    const device = caller.device;
    holdSocket(`${officeId}/${device.code}`, conn);
    offices.touch(device);
    conn.binaryType = 'nodebuffer';
    const room = roomFor(`${officeId}/${shard}`);
    const queue: Uint8Array[] = [];
    let ready = false;
    let waiting = true;
    room.waiting++;
    const stopWaiting = () => {
      if (waiting) room.waiting--;
      waiting = false;
    };

    const handle = (data: Uint8Array) => {
      // A sync answer is given once the room's disk has every update it would carry
      // (persist, then forward; see Room.written).
      if (isSyncStep1(data)) {
        void room.written().then(() => conn.readyState === conn.OPEN && room.conns.has(conn) && handleNow(data));
        return;
      }
      handleNow(data);
    };
    const handleNow = (data: Uint8Array) => {
      try {
        room.receive(conn, data);
      } catch (err) {
        log(`malformed message in ${officeId}/${shard}: ${(err as Error).message}`);
        conn.close(CLOSE_MALFORMED, 'malformed message');
      }
    };
    conn.on('message', (data: Buffer, isBinary: boolean) => {
      // A device revoked while its message was on the way gets nothing more in.
      if (device.revokedAt) return;
      offices.touch(device);
      if (!isBinary) {
        conn.close(CLOSE_MALFORMED, 'binary messages only');
        return;
      }
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (ready) handle(bytes);
      else queue.push(bytes);
    });
    conn.on('close', () => {
      // Updates that came in while the room was loading are applied once it has loaded, even
      // though their sender has gone (a tablet that sent its offline edits and lost the Wi-Fi a
      // second later): the room stays held until then (see room.ready below).
      if (ready || !queue.some(isDocumentUpdate)) {
        stopWaiting();
        void leave(room, conn);
      }
    });

    room.ready.then(
      () => {
        if (conn.readyState !== conn.OPEN) {
          // Gone while the room loaded: its document updates still count; nothing is answered
          // and no presence is kept for it.
          for (const data of queue.splice(0)) if (isDocumentUpdate(data)) handle(data);
          stopWaiting();
          void leave(room, conn);
          return;
        }
        stopWaiting();
        room.join(conn, url.searchParams.get('acks') === '1');
        ready = true;
        for (const data of queue.splice(0)) handle(data);
      },
      () => {
        // Logged once with what to do, and reported by /healthz (noteUnreadable).
        stopWaiting();
        conn.close(1011, 'storage error');
      },
    );
  });

  /** The office's change feed (room-feed.ts): the relay speaks, the tablet only listens. */
  function watchFeed(officeId: string, device: { code: string; revokedAt?: string | null }, conn: WebSocket): void {
    holdSocket(`${officeId}/${device.code}`, conn);
    conn.on('message', () => undefined);
    void feed.add(officeId, conn).catch((err) => log(`change feed of ${officeId}: ${(err as Error).message}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err) => {
    await store.close();
    throw err;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  // LAN HTTPS (sync-server/https.ts): same handler and websocket on a TLS listener.
  if (options.https) {
    httpsSide = await startHttps(options.https, { dataDir: options.dataDir, host: options.host ?? '127.0.0.1', handle: onRequest, upgrade, log }).catch(async (err) => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      throw err;
    });
    setup.ca = httpsSide.ca;
    setup.httpsPort = httpsSide.port;
  }
  setup.httpPort = address.port;
  const backups = backupDir ? startBackups({ dir: backupDir, offices, store, log, now: options.now, onUnreadable: noteUnreadable, blobs, blobGraceDays: options.blobGraceDays }) : null;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    offices,
    server,
    https: httpsSide,
    backups,
    blobs,
    unreadable: () => [...unreadable.values()],
    close() {
      closing ??= (async () => {
        await backups?.stop();
        for (const conn of wss.clients) conn.close(1001, 'relay shutting down');
        // A peer that is gone (a tablet off the Wi-Fi) never answers the close frame, and ws
        // would hold its socket, and so server.close(), for 30 s: cut those after a grace second.
        const grace = setTimeout(() => {
          for (const conn of wss.clients) conn.terminate();
        }, 1000);
        wss.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([closed, httpsSide?.close()]);
        clearTimeout(grace);
        feed.close();
        await forwarder.idle();
        await store.close();
        await offices.flushed();
        for (const room of rooms.values()) room.destroy();
        rooms.clear();
      })();
      return closing;
    },
  };
}

/** A y-protocols sync step 1 message (type 0, then 0). */
function isSyncStep1(data: Uint8Array): boolean {
  return data.length > 1 && data[0] === 0 && data[1] === 0;
}

/** A y-protocols sync step 2 or update message (type 0, then 1 or 2: one-byte varints). */
function isDocumentUpdate(data: Uint8Array): boolean {
  return data.length > 2 && data[0] === 0 && (data[1] === 1 || data[1] === 2);
}
