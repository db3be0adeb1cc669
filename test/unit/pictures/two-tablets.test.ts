import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { picturesOf } from '../../../src/domain/attachments/picture';
import { ledgerShardAt } from '../../../src/domain/shards';
import { paperShard } from '../../../src/domain/papers/paper';
import { addEncoded, scanEncoded } from '../../../src/store/pictures/actions';
import { blobStates } from '../../../src/store/queries/blobs';
import { readRequest, takeRequest } from '../../../src/store/requests';
import { recordPrinted, readPaper } from '../../../src/store/papers';
import { compare, merge, openDevices } from '../../helpers/devices';

/** A stand-in for what the pictures worker makes (the real encoder runs in Chromium: test/e2e/pictures-encode.test.ts). */
const encoded = (seed: string) => ({
  full: new Blob([`full-${seed}`.repeat(500)], { type: 'image/jpeg' }),
  thumb: new Blob([`thumb-${seed}`], { type: 'image/jpeg' }),
  width: 1600, height: 1200, mime: 'image/jpeg',
});

describe('pictures on two tablets', () => {
  it('two tablets offline each add photos to one request; after merging both show all of them', async () => {
    const [a, b] = openDevices(2);
    const shard = ledgerShardAt(new Date().toISOString());
    const made = await takeRequest(a.office, { kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'wechat', description: '卫生间天花板渗水', customerId: '', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' });
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    await merge([a, b], [shard]);
    // Offline: each adds its own photos, A at intake, B before the work.
    expect(await addEncoded(a.office, 'requests', made.value.id, encoded('a1'), { kind: 'photo', stage: 'intake' })).toEqual({ ok: true, value: undefined });
    expect(await addEncoded(a.office, 'requests', made.value.id, encoded('a2'), { kind: 'photo', stage: 'intake' })).toEqual({ ok: true, value: undefined });
    expect(await addEncoded(b.office, 'requests', made.value.id, encoded('b1'), { kind: 'photo', stage: 'before', team: 'engineering' })).toEqual({ ok: true, value: undefined });
    await merge([a, b], [shard]);
    await compare([a, b], [shard]);
    for (const d of [a, b]) {
      const record = await d.office.read(shard, 'requests', made.value.id);
      expect(picturesOf(record).map((p) => `${p.stage}:${p.byName}`).sort()).toEqual(['before:员工2', 'intake:员工1', 'intake:员工1']);
      expect((await readRequest(d.office, made.value.id))?.history.filter((h) => h.action === 'picture.added')).toHaveLength(3);
    }
    // The bytes stayed where they were taken, waiting to be sent; the other tablet knows them by reference only.
    const shas = picturesOf(await a.office.read(shard, 'requests', made.value.id)).map((p) => p.sha256);
    const onA = await blobStates(a.office.db, shas);
    const onB = await blobStates(b.office.db, shas);
    // (A name a tablet has no row for — not even a 'missing' one, as these tablets never ran the transfer — reads as missing.)
    expect(shas.map((s) => onA[s] ?? 'missing').sort()).toEqual(['missing', 'waiting', 'waiting']);
    expect(shas.map((s) => onB[s] ?? 'missing').sort()).toEqual(['missing', 'missing', 'waiting']);
    // No picture bytes in the document: the whole month's update stays small.
    const doc = (await a.store.shard(shard)).doc;
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(8_000);
  });

  it('a photo of the signed paper is kept as its scan and marks the paper 已签回 in one command', async () => {
    const [a] = openDevices(1);
    const made = await takeRequest(a.office, { kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: '漏水', customerId: '', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' });
    if (!made.ok) throw new Error('not made');
    const ref = `requests/${made.value.id}`;
    expect((await scanEncoded(a.office, 'request', ref, encoded('s'))).ok).toBe(false);
    await recordPrinted(a.office, [{ form: 'request', ref, title: '服务单' }]);
    expect(await scanEncoded(a.office, 'request', ref, encoded('s'))).toEqual({ ok: true, value: undefined });
    const paper = await readPaper(a.office, 'request', ref);
    expect(paper?.receivedAt).toBeTruthy();
    const record = await a.office.read(paperShard(paper, new Date().toISOString()), 'papers', paper!.id);
    expect(picturesOf(record).map((p) => p.kind)).toEqual(['scan']);
    expect((await a.office.db.papers.get(paper!.id))?.state).toBe('received');
  });
});
