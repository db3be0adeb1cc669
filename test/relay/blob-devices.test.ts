/**
 * Attachments between tablets (issue 19): pictures' bytes travel beside the documents, never in
 * them. Two tablets — one offline — each keep a photo on the same request; once reconnected both
 * hold every thumbnail (and the recent originals), a third tablet that joins later gets the
 * thumbnails at once and an original when it is opened; no Yjs document grows by a photo's bytes.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BlobRef } from '../../src/domain/blob-refs';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { takeRequest as takeCommand, type IntakeInput } from '../../src/domain/requests/lifecycle';
import { ledgerShardAt, type ShardName } from '../../src/domain/shards';
import { blobData, keepBlob } from '../../src/store/blobs/local';
import { fetchOriginal } from '../../src/store/blobs/fetch';
import { deviceTables } from '../../src/store/device-tables';
import { blobStates, unsentScans } from '../../src/store/queries/blobs';
import { LOCAL_ORIGIN } from '../../src/store/shard-doc';
import type { Relay } from '../../sync-server/relay';
import { openDevice, type Device } from '../helpers/devices';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import { blobRefusals } from '../../src/store/queries/blobs';
import { zhCN } from '../../src/i18n/zh-CN';
import { en } from '../../src/i18n/en';
import { zhTW } from '../../src/i18n/zh-TW';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(n - 4)]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Polls (awaited, bounded) until `check` holds: the transfer runs on its own schedule. */
async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A photo kept on the tablet and referred to by the request, as the pictures branch's domain
 * writes it: original + thumbnail in the blob table, the reference in the record's `attachments`.
 */
async function addPhoto(device: Device, shard: ShardName, requestId: string, size: number): Promise<{ ref: BlobRef; original: Buffer; thumb: Buffer }> {
  const original = jpeg(size);
  const thumb = jpeg(8_000);
  const db = deviceTables(device.office);
  const kept = await keepBlob(db, new Blob([original]), 'image/jpeg', false);
  const keptThumb = await keepBlob(db, new Blob([thumb]), 'image/jpeg', true);
  const ref = { sha256: kept.sha256, mime: 'image/jpeg', bytes: kept.bytes, width: 1600, height: 1200, kind: 'photo', by: device.config.staffId, at: new Date().toISOString(), thumb: keptThumb.sha256 };
  const { doc } = await device.store.shard(shard);
  doc.transact(() => {
    const record = doc.getMap<Y.Map<unknown>>('requests').get(requestId)!;
    (record.get('attachments') as Y.Map<unknown>).set(kept.sha256, ref);
  }, LOCAL_ORIGIN);
  await (await device.store.shard(shard)).flushed();
  return { ref: { ...ref, thumb: keptThumb.sha256 }, original, thumb };
}

async function relay(extra: Parameters<typeof relayIn>[1] = {}): Promise<Relay> {
  const dir = await tempDir('linli-blob-devices-');
  const r = await relayIn(dir, { backupDir: null, ...extra });
  cleanups.push(() => removeDir(dir));
  cleanups.push(() => r.close());
  return r;
}

async function joinToken(r: Relay, officeId: string, by: string): Promise<{ code: string; token: string }> {
  const joined = await r.offices.join(officeId, (await r.offices.invite(officeId, { createdByDevice: by })).code);
  if (!joined.ok) throw new Error('join');
  return { code: joined.device.deviceCode, token: joined.device.token };
}

describe('pictures between tablets', () => {
  it('two tablets, one offline, each add a photo to one request: after reconnecting both hold every thumbnail; a third fetches an original when opened; no bytes in any document', async () => {
    const r = await relay();
    const office = await r.offices.add('翠湖花园管理处');
    const bTok = await joinToken(r, office.id, office.deviceCode);
    const tablet = (code: string, token: string, extra: Parameters<typeof openDevice>[0] = {}) =>
      openDevice({ officeId: office.id, deviceCode: code, staffId: `s-${code}`, staffName: `员工${code}`, relay: { url: wsUrl(r), token }, ...extra });
    const a = tablet(office.deviceCode, office.token, { store: { blobs: { sweepMs: 200 } } });
    const b = tablet(bTok.code, bTok.token, { store: { blobs: { sweepMs: 200 } } });

    // The request, with its (empty) attachments map made at creation, reaches both.
    const settings = defaultServiceSettings();
    const input: IntakeInput = { kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'wechat', description: '厨房漏水', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' };
    const made = takeCommand(input, 'BX-2612-A-001', settings, a.office.context());
    if (!made.ok) throw new Error('take');
    expect((await a.office.run(made.value.command)).ok).toBe(true);
    const shard = ledgerShardAt(a.office.context().now);
    const id = made.value.id;
    const aDoc = (await a.store.shard(shard)).doc;
    aDoc.transact(() => aDoc.getMap<Y.Map<unknown>>('requests').get(id)!.set('attachments', new Y.Map()), LOCAL_ORIGIN);
    const bDoc = (await b.store.shard(shard)).doc;
    await until(async () => bDoc.getMap<Y.Map<unknown>>('requests').get(id)?.get('attachments') instanceof Y.Map, 'the request on B');

    // B loses the Wi-Fi; each tablet adds a photo meanwhile.
    b.store.sync.setOnline(false);
    const fromA = await addPhoto(a, shard, id, 300_000);
    const fromB = await addPhoto(b, shard, id, 250_000);
    await until(async () => (await blobStates(a.office.db, [fromA.ref.sha256, fromA.ref.thumb]))[fromA.ref.thumb] === 'relay' && (await blobStates(a.office.db, [fromA.ref.sha256]))[fromA.ref.sha256] === 'relay', "A's photo on the relay");
    // B's is kept but not sent: closing the request would warn.
    expect(await blobStates(b.office.db, [fromB.ref.sha256])).toEqual({ [fromB.ref.sha256]: 'waiting' });
    expect(await unsentScans(b.office.db, [fromB.ref.sha256])).toEqual([fromB.ref.sha256]);
    expect(await r.blobs.has(office.id, fromB.ref.sha256)).toBe(false);

    b.store.sync.setOnline(true);
    const all = [fromA, fromB];
    for (const d of [a, b]) {
      for (const p of all) {
        await until(async () => !!(await blobData(d.office.db, p.ref.thumb)), `thumbnail of ${p === fromA ? 'A' : 'B'}'s photo on ${d.config.deviceCode}`);
        // Taken today: the originals come eagerly too.
        await until(async () => !!(await blobData(d.office.db, p.ref.sha256)), `original of ${p === fromA ? 'A' : 'B'}'s photo on ${d.config.deviceCode}`);
        const got = Buffer.from(await (await blobData(d.office.db, p.ref.thumb))!.arrayBuffer());
        expect(got.equals(p.thumb)).toBe(true);
      }
    }
    expect(await unsentScans(b.office.db, [fromB.ref.sha256])).toEqual([]);
    expect(Object.keys((aDoc.getMap<Y.Map<unknown>>('requests').get(id)!.get('attachments') as Y.Map<unknown>).toJSON()).sort()).toEqual([fromA.ref.sha256, fromB.ref.sha256].sort());

    // A third tablet joins later, fetching no old originals by itself (eagerDays 0): thumbnails arrive, originals when opened.
    const cTok = await joinToken(r, office.id, office.deviceCode);
    const c = tablet(cTok.code, cTok.token, { store: { blobs: { sweepMs: 200, eagerDays: 0 } } });
    await c.store.shard(shard);
    for (const p of all) await until(async () => !!(await blobData(c.office.db, p.ref.thumb)), 'thumbnails on the third tablet');
    expect(await blobData(c.office.db, fromA.ref.sha256)).toBeUndefined();
    expect(await blobStates(c.office.db, [fromA.ref.sha256])).toEqual({ [fromA.ref.sha256]: 'missing' });
    const opened = await fetchOriginal(c.office, fromA.ref.sha256);
    expect(opened && Buffer.from(await opened.arrayBuffer()).equals(fromA.original)).toBe(true);
    expect(await blobStates(c.office.db, [fromA.ref.sha256])).toEqual({ [fromA.ref.sha256]: 'relay' });

    // No picture bytes in any Yjs update: the documents stay a few KB with 550 KB of photos, and no photo's bytes appear in them.
    for (const d of [a, b, c]) {
      const state = Y.encodeStateAsUpdate((await d.store.shard(shard)).doc);
      expect(state.length).toBeLessThan(10_000);
      for (const p of all) {
        expect(Buffer.from(state).includes(p.original.subarray(100, 132))).toBe(false);
        expect(Buffer.from(state).includes(p.thumb.subarray(100, 132))).toBe(false);
      }
    }
  }, 90_000);

  it('the outbox survives closing the app offline and a send cut off by a closed tab', async () => {
    const r = await relay();
    const office = await r.offices.add('翠湖花园管理处');
    const opts = { officeId: office.id, deviceCode: office.deviceCode, relay: { url: wsUrl(r), token: office.token } };
    // Offline: two pictures kept, nothing sent; one row is left 'sending' as by a tab closed mid-upload.
    const first = openDevice({ ...opts, store: { online: false, blobs: { sweepMs: 200 } } });
    const one = jpeg(20_000);
    const two = jpeg(3_000);
    const a = await keepBlob(deviceTables(first.office), new Blob([one]), 'image/jpeg', false);
    const b = await keepBlob(deviceTables(first.office), new Blob([two]), 'image/jpeg', true);
    await deviceTables(first.office).blobs.update(b.sha256, { state: 'sending' });
    expect(await blobStates(first.office.db, [a.sha256, b.sha256])).toEqual({ [a.sha256]: 'waiting', [b.sha256]: 'sending' });
    await first.close();
    expect(await r.blobs.has(office.id, a.sha256)).toBe(false);

    // The app opens again with the network: both reach the relay, byte for byte.
    const again = openDevice({ ...opts, sameDiskAs: first, store: { blobs: { sweepMs: 200 } } });
    await until(async () => Object.values(await blobStates(again.office.db, [a.sha256, b.sha256])).every((s) => s === 'relay'), 'the outbox sent after the reopen');
    const back = await fetch(`${r.url}/api/offices/${office.id}/blob/${a.sha256}`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(Buffer.from(await back.arrayBuffer()).equals(one)).toBe(true);
    expect(await r.blobs.has(office.id, b.sha256)).toBe(true);
  }, 60_000);

  it("a picture the relay refuses stays on the tablet with the relay's reason, in the person's words", async () => {
    const r = await relay({ blobLimits: { maxBytes: 50_000 } });
    const office = await r.offices.add('翠湖花园管理处');
    const d = openDevice({ officeId: office.id, deviceCode: office.deviceCode, relay: { url: wsUrl(r), token: office.token }, store: { blobs: { sweepMs: 200 } } });
    const big = await keepBlob(deviceTables(d.office), new Blob([jpeg(60_000)]), 'image/jpeg', false);
    await until(async () => !!(await blobRefusals(d.office.db, [big.sha256]))[big.sha256], 'the refusal noted');
    expect(await blobRefusals(d.office.db, [big.sha256])).toEqual({ [big.sha256]: 'too-large' });
    expect(await blobStates(d.office.db, [big.sha256])).toEqual({ [big.sha256]: 'waiting' });
    expect(await unsentScans(d.office.db, [big.sha256])).toEqual([big.sha256]);
    expect(await r.blobs.has(office.id, big.sha256)).toBe(false);
    for (const dict of [zhCN, zhTW, en] as Record<string, string>[]) for (const reason of ['too-large', 'quota-full']) expect(dict[`blobs.error.${reason}`]).toBeTruthy();
  }, 60_000);

  it('a picture kept on the page (its own Dexie connection) is sent by the sync worker, and opened from the page', async () => {
    const r = await relay();
    const office = await r.offices.add('翠湖花园管理处');
    // Long sweep period: only the worker's liveQuery on the outbox can make it go out.
    const d = openDevice({ officeId: office.id, deviceCode: office.deviceCode, via: 'worker', relay: { url: wsUrl(r), token: office.token }, store: { blobs: { sweepMs: 600_000 } } });
    await d.office.load('office');
    const bytes = jpeg(30_000);
    const kept = await keepBlob(deviceTables(d.office), new Blob([bytes]), 'image/jpeg', false);
    await until(async () => (await blobStates(d.office.db, [kept.sha256]))[kept.sha256] === 'relay', 'the page-kept picture at the relay');
    expect(await r.blobs.has(office.id, kept.sha256)).toBe(true);
    const opened = await fetchOriginal(d.office, kept.sha256);
    expect(opened && Buffer.from(await opened.arrayBuffer()).equals(bytes)).toBe(true);
  }, 60_000);
});
