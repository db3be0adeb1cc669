import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { picturesOf } from '../../../src/domain/attachments/picture';
import { addDays } from '../../../src/domain/days';
import { DEFAULT_HANDOVER_DOCUMENTS, handoverFromRecord } from '../../../src/domain/moves/handover';
import { officeDay } from '../../../src/domain/requests/work-time';
import { ledgerShardAt, type ShardName } from '../../../src/domain/shards';
import { createStaff, type StaffRole } from '../../../src/domain/staff/staff';
import { createCustomer } from '../../../src/store/customers';
import { addDefectKept, addFindingKept } from '../../../src/store/moves-pictures';
import { applyForRenovation, decideRenovationOf, inspectRenovation, moveIn, submitRenovationOf } from '../../../src/store/moves';
import { createNotice } from '../../../src/store/notices';
import type { Office } from '../../../src/store/office-api';
import { addEncoded, keepEncoded } from '../../../src/store/pictures/actions';
import { blobStates } from '../../../src/store/queries/blobs';
import { checksOf } from '../../../src/store/queries/moves';
import { serviceSettings } from '../../../src/store/queries/settings';
import { createUnit } from '../../../src/store/units';
import { compare, merge, openDevices } from '../../helpers/devices';

/**
 * Pictures where moves and notices need them, through the store on simulated tablets: a defect's
 * photo taken at the handover is referenced — same hash, bytes kept once — by the handover and by
 * the warranty repair made from it, on both tablets after they meet; a photo added later on the
 * handover's page follows to the request too; an inspection's photos go on its rectification
 * request; a notice keeps a photo of itself as posted.
 */
const must = <T,>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
/** A stand-in for what the pictures worker makes (the real encoder runs in Chromium: test/e2e/pictures-encode.test.ts). */
const encoded = (seed: string) => ({
  full: new Blob([`full-${seed}`.repeat(500)], { type: 'image/webp' }),
  thumb: new Blob([`thumb-${seed}`], { type: 'image/webp' }),
  width: 1600, height: 1200, mime: 'image/webp',
});

async function staff(office: Office, id: string, role: StaffRole) {
  must(await office.run(must(createStaff(id, role, office.context(), id, '', { creator: 'founder' })).command));
}

describe('photos of a handover’s defects, through the store', () => {
  it('the warranty request made from a defect references the defect’s photo (same hash, one copy of the bytes), on both tablets', async () => {
    const [a, b] = openDevices(2);
    const ledger = ledgerShardAt(new Date().toISOString());
    const shards: ShardName[] = ['office', 'directory', ledger];
    await staff(a.office, 's1', 'manager');
    must(await createUnit(a.office, { code: '5-1-302', area: '88', use: 'residential', status: 'vacant' }));
    const buyer = must(await createCustomer(a.office, { name: '王芳', phones: ['13900000009'], unitCode: '', kind: 'owner' }));
    const today = officeDay(new Date(), (await serviceSettings(a.office.db)).calendar);
    // The form keeps the chosen photo in the blob table at once; saving references it.
    const kept = await keepEncoded(a.office, encoded('drain'));
    const { id } = must(await moveIn(a.office, {
      unitCode: '5-1-302', customerId: buyer, role: 'owner', day: today, leaseEnd: '', documents: DEFAULT_HANDOVER_DOCUMENTS.map((name) => ({ name, signed: true })), keys: 3,
      readings: { water: '12', electricity: '345', gas: '' }, defects: ['卫生间地漏反味', '主卧墙面开裂'], defectPictures: [[kept], []],
    }));
    await merge([a, b], shards);
    await compare([a, b], shards);
    for (const d of [a, b]) {
      const handover = await d.office.read(ledger, 'handovers', id);
      const [drain, wall] = handoverFromRecord(id, handover!).defects;
      expect(picturesOf(handover).map((p) => [p.sha256, p.item])).toEqual([[kept.sha256, drain.requestId]]);
      const request = await d.office.read(ledger, 'requests', drain.requestId);
      expect(request?.warranty).toBeTruthy();
      expect(picturesOf(request).map((p) => [p.sha256, p.thumb, p.stage, p.kind])).toEqual([[kept.sha256, kept.thumb, 'intake', 'photo']]);
      expect(picturesOf(await d.office.read(ledger, 'requests', wall.requestId))).toEqual([]);
    }
    // The bytes: one original and one thumbnail on A, waiting for the relay; B knows them by reference.
    expect(await blobStates(a.office.db, [kept.sha256, kept.thumb])).toEqual({ [kept.sha256]: 'waiting', [kept.thumb]: 'waiting' });
    const doc = (await a.store.shard(ledger)).doc;
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(12_000);

    // B adds a photo of the wall afterwards (the handover's page): the handover and the wall's request both have it.
    const wallId = handoverFromRecord(id, (await b.office.read(ledger, 'handovers', id))!).defects[1].requestId;
    const later = await keepEncoded(b.office, encoded('wall'));
    must(await addDefectKept(b.office, id, wallId, later));
    await merge([a, b], shards);
    const onA = await a.office.read(ledger, 'handovers', id);
    expect(picturesOf(onA).map((p) => p.item)).toEqual(expect.arrayContaining([wallId]));
    expect(picturesOf(await a.office.read(ledger, 'requests', wallId)).map((p) => [p.sha256, p.byName])).toEqual([[later.sha256, '员工2']]);
    // A defect that is not this handover's is refused.
    expect(await addDefectKept(b.office, id, 'no-such-request', later)).toMatchObject({ ok: false, problems: [{ code: 'moves.error.notADefect' }] });
  });
});

describe('photos of an inspection’s finding, through the store', () => {
  it('go on the inspection and on its rectification request; one added later follows', async () => {
    const [a] = openDevices(1);
    await staff(a.office, 's1', 'manager');
    must(await createUnit(a.office, { code: '2-1-501', area: '90', use: 'residential', status: 'owner' }));
    const owner = must(await createCustomer(a.office, { name: '陈静', phones: ['13700000007'], unitCode: '2-1-501', kind: 'owner' }));
    const today = officeDay(new Date(), (await serviceSettings(a.office.db)).calendar);
    const { id } = must(await applyForRenovation(a.office, {
      unitCode: '2-1-501', customerId: owner, contractor: '好家装饰', contractorPhone: '', workers: 5, start: today, end: addDays(today, 5), scope: '厨卫改造', deposit: 3000, inspectEvery: 7,
    }));
    must(await submitRenovationOf(a.office, id));
    must(await decideRenovationOf(a.office, id, { approve: true, comment: '' }));
    const kept = await keepEncoded(a.office, encoded('wall-cut'));
    must(await inspectRenovation(a.office, id, { day: today, findings: '承重墙开槽', problem: true, rectify: true, pictures: [kept] }));
    const [check] = await checksOf(a.office.db, id);
    const ledger = ledgerShardAt(new Date().toISOString());
    expect(picturesOf(await a.office.read(ledger, 'renovationChecks', check.id)).map((p) => p.sha256)).toEqual([kept.sha256]);
    expect(picturesOf(await a.office.read(ledger, 'requests', check.requestId)).map((p) => [p.sha256, p.stage])).toEqual([[kept.sha256, 'intake']]);
    const later = await keepEncoded(a.office, encoded('after'));
    must(await addFindingKept(a.office, check.id, later));
    expect(picturesOf(await a.office.read(ledger, 'requests', check.requestId)).map((p) => p.sha256).sort()).toEqual([kept.sha256, later.sha256].sort());
    expect(picturesOf(await a.office.read(ledger, 'renovationChecks', check.id))).toHaveLength(2);
  });
});

describe('a notice as posted', () => {
  it('keeps a photo of itself on the lobby board, its state the blob table’s', async () => {
    const [a] = openDevices(1);
    await staff(a.office, 's1', 'manager');
    const id = must(await createNotice(a.office, {
      kind: 'water', title: '3栋停水通知', body: '因管网检修，12月8日9时至17时停水。', audience: { scope: 'all', buildings: [], uses: [], listId: '', listName: '' },
      callNeeds: [], from: new Date().toISOString().slice(0, 10), to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    }));
    must(await addEncoded(a.office, 'notices', id, encoded('board'), { kind: 'photo' }));
    const ledger = ledgerShardAt(new Date().toISOString());
    const record = await a.office.read(ledger, 'notices', id);
    const [p] = picturesOf(record);
    expect(p).toMatchObject({ kind: 'photo', byName: '员工1' });
    expect((await blobStates(a.office.db, [p.sha256]))[p.sha256]).toBe('waiting');
    // The map was made with the notice (two tablets adding photos offline write into one map).
    expect(typeof record?.attachments).toBe('object');
  });
});
