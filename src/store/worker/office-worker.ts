/// <reference lib="webworker" />
import { OfficeStore } from '../office-store';
import { serveOffice, type Port } from './serve';
import type { FromWorker } from './protocol';

/**
 * The sync worker: the office's Yjs documents, their IndexedDB log and projection writes, the
 * y-websocket providers and presence all live here, so that replaying a year's ledger or merging
 * a colleague's large sync never holds the page's main thread. The page reads the projection
 * with Dexie (its liveQuery sees this worker's commits — Dexie broadcasts them across contexts)
 * and sends commands through `office-client.ts`.
 *
 * One worker per tab, not one elected owner per device: each tab is its own replica, exactly as
 * tabs were before the worker (they share the IndexedDB log and meet through the relay), so no
 * election, hand-over or lost-owner case exists to get wrong. A SharedWorker would give one per
 * device but Chrome for Android does not ship it.
 */
const port = self as unknown as Port;
// `loaded`: each shard's load time, which the page records as a performance measure (the bench reads it).
serveOffice(port, (config, online) => new OfficeStore(config, { online, onLoaded: (shard, ms) => port.postMessage({ type: 'loaded', shard, ms } satisfies FromWorker) }));
