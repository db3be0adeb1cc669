import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { mapEntries } from '../map-entries';
import { applyToPlain, plainAfter, type PlainRecords } from '../plain.fixture';
import type { Result } from '../result';
import { completeWork, dispatch, takeRequest } from '../requests/lifecycle';
import { requestFromRecord } from '../requests/record';
import { defaultServiceSettings } from '../requests/settings';
import { attachPicture, notOnRelay, picturesOf, removePicture, signatureOf, signOnTablet, type PictureTarget } from './picture';
import { signaturePurposesFor, signedWhatOf } from './signed-what';

const ctx = (now: string, staffId = 'tech1', name = '李师傅'): CommandContext => ({ actor: { staffId, name, deviceCode: 'A' }, now });
const sha = (c: string) => c.repeat(64);
const photo = (c: string) => ({ sha256: sha(c), mime: 'image/jpeg', bytes: 180_000, width: 1600, height: 1200, thumb: sha(c === 'a' ? 'b' : 'c') });
const refused = (r: Result<unknown>) => (r.ok ? [] : r.problems.map((p) => p.code));
const target = (collection: PictureTarget['collection'], id: string): PictureTarget => ({ collection, id, shard: collection === 'units' || collection === 'customers' ? 'directory' : 'ledger-2026-12' });

describe('pictures on a record', () => {
  it('attaches photos by stage with who, when and a history line; a record shows them in order', () => {
    const req = { number: 'BX-1', status: 'accepted', history: [] };
    const t = target('requests', 'r1');
    let r = plainAfter(attachPicture(t, req, { ...photo('a'), kind: 'photo', stage: 'intake' }, ctx('2026-12-07T01:00:00.000Z', 'rec1', '王丽')), 'requests', 'r1', req);
    r = plainAfter(attachPicture(t, r, { ...photo('d'), kind: 'photo', stage: 'after', team: 'engineering' }, ctx('2026-12-07T03:00:00.000Z')), 'requests', 'r1', r);
    const shown = picturesOf(r);
    expect(shown.map((p) => [p.sha256[0], p.stage, p.byName, p.team ?? ''])).toEqual([['a', 'intake', '王丽', ''], ['d', 'after', '李师傅', 'engineering']]);
    expect(shown[0]).toMatchObject({ mime: 'image/jpeg', bytes: 180_000, width: 1600, height: 1200, kind: 'photo', thumb: sha('b'), at: '2026-12-07T01:00:00.000Z' });
    expect((r.history as { action: string }[]).map((h) => h.action)).toEqual(['picture.added', 'picture.added']);
    // The same picture twice is nothing to do.
    expect(attachPicture(t, r, { ...photo('a'), kind: 'photo', stage: 'intake' }, ctx('2026-12-07T04:00:00.000Z'))).toEqual({ ok: true, value: null });
  });

  it('removes by marking who and when, keeps the reference, and can add it back', () => {
    const t = target('customers', 'c1');
    let r = plainAfter(attachPicture(t, { history: [] }, { ...photo('a'), kind: 'photo' }, ctx('2026-12-07T01:00:00.000Z')), 'customers', 'c1', { history: [] });
    r = plainAfter(removePicture(t, r, sha('a'), ctx('2026-12-07T02:00:00.000Z', 'm1', '赵经理')), 'customers', 'c1', r);
    expect(picturesOf(r)).toEqual([]);
    // A record from before pictures (no map): the entry lives beside its fields (map-entries.ts).
    expect((mapEntries(r, 'attachments') as Record<string, { removedByName: string; removedAt: string }>)[sha('a')]).toMatchObject({ removedByName: '赵经理', removedAt: '2026-12-07T02:00:00.000Z' });
    expect(refused(removePicture(t, r, sha('a'), ctx('2026-12-07T02:01:00.000Z')))).toEqual(['picture.error.alreadyRemoved']);
    expect((r.history as { action: string; byName: string }[]).at(-1)).toMatchObject({ action: 'picture.removed', byName: '赵经理' });
    r = plainAfter(attachPicture(t, r, { ...photo('a'), kind: 'photo' }, ctx('2026-12-07T03:00:00.000Z')), 'customers', 'c1', r);
    expect(picturesOf(r).map((p) => p.sha256)).toEqual([sha('a')]);
  });

  it('refuses what is not a stored picture, a stage off a request, a scan off a paper, a missing record', () => {
    const t = target('units', 'u1');
    expect(refused(attachPicture(t, {}, { ...photo('a'), sha256: 'nothex', kind: 'photo' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual(['picture.error.notStored']);
    expect(refused(attachPicture(t, {}, { ...photo('a'), mime: 'image/gif', kind: 'photo' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual(['picture.error.type']);
    expect(refused(attachPicture(t, {}, { ...photo('a'), bytes: 11 * 1024 * 1024, kind: 'photo' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual(['picture.error.tooBig']);
    expect(refused(attachPicture(t, {}, { ...photo('a'), kind: 'photo', stage: 'before' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual(['picture.error.stage']);
    expect(refused(attachPicture(t, {}, { ...photo('a'), kind: 'scan' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual(['picture.error.kind']);
    expect(refused(attachPicture(t, null, { ...photo('a'), kind: 'photo' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual(['picture.error.noRecord']);
    expect(refused(attachPicture(target('papers', 'p1'), {}, { ...photo('a'), kind: 'scan' }, ctx('2026-12-07T01:00:00.000Z')))).toEqual([]);
  });

  it('an event keeps its old photo file names readable beside real photos', () => {
    const old = { photos: 'IMG_0012.jpg', history: [] };
    const r = plainAfter(attachPicture(target('events', 'e1'), old, { ...photo('a'), kind: 'photo' }, ctx('2026-12-07T01:00:00.000Z')), 'events', 'e1', old);
    expect(r.photos).toBe('IMG_0012.jpg');
    expect(picturesOf(r)).toHaveLength(1);
  });

  it('two pictures added from two replicas of one record both stay (entries of one map)', () => {
    const records: PlainRecords = new Map([['requests/r1', { history: [] }]]);
    const t = target('requests', 'r1');
    applyToPlain(records, attachPicture(t, records.get('requests/r1')!, { ...photo('a'), kind: 'photo', stage: 'before' }, ctx('2026-12-07T01:00:00.000Z')));
    applyToPlain(records, attachPicture(t, { history: [] }, { ...photo('d'), kind: 'photo', stage: 'before' }, ctx('2026-12-07T01:00:01.000Z', 'tech2', '周师傅')));
    expect(picturesOf(records.get('requests/r1')).map((p) => p.byName)).toEqual(['李师傅', '周师傅']);
  });

  it('says which pictures have not reached the relay', () => {
    const r = plainAfter(attachPicture(target('papers', 'p1'), {}, { ...photo('a'), kind: 'scan' }, ctx('2026-12-07T01:00:00.000Z')), 'papers', 'p1', {});
    expect(notOnRelay(picturesOf(r), { [sha('a')]: 'waiting' }).length).toBe(1);
    expect(notOnRelay(picturesOf(r), { [sha('a')]: 'relay' }).length).toBe(0);
  });
});

describe('signatures on the tablet', () => {
  const settings = defaultServiceSettings();
  const at = (iso: string) => ctx(new Date(`${iso}+08:00`).toISOString(), 'rec1', '王丽');
  const read = (r: Record<string, unknown>) => requestFromRecord('r1', r);

  it('keeps who signed, when, and what the record said then, with a history line', () => {
    const made = takeRequest({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: '厨房水龙头漏水', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '13812345678', location: '' }, 'BX-2612-A-001', settings, at('2026-12-07T09:00'), 'r1');
    let rec = plainAfter(made, 'requests', 'r1');
    expect(signaturePurposesFor(read(rec))).toEqual([]);
    rec = plainAfter(dispatch(read(rec), 'engineering', 'tech1', at('2026-12-07T09:05'), { team: '工程组', assignee: '李师傅' }), 'requests', 'r1', rec);
    rec = plainAfter(completeWork(read(rec), '更换阀芯', false, '', at('2026-12-07T10:00')), 'requests', 'r1', rec);
    expect(signaturePurposesFor(read(rec))).toEqual(['serviceConfirm']);
    const what = signedWhatOf(read(rec), 'serviceConfirm');
    expect(what).toBe('BX-2612-A-001 · 更换阀芯');
    const sig = { sha256: sha('e'), mime: 'image/png', bytes: 6_000, width: 600, height: 200, thumb: sha('e') };
    expect(refused(signOnTablet(target('requests', 'r1'), rec, { ...sig, signer: ' ', purpose: 'serviceConfirm', signedWhat: what, signedStatus: 'done' }, at('2026-12-07T10:05')))).toEqual(['signature.error.signer']);
    expect(refused(signOnTablet(target('requests', 'r1'), rec, { ...sig, mime: 'image/jpeg', signer: '张伟', purpose: 'serviceConfirm', signedWhat: what, signedStatus: 'done' }, at('2026-12-07T10:05')))).toEqual(['picture.error.type']);
    rec = plainAfter(signOnTablet(target('requests', 'r1'), rec, { ...sig, signer: '张伟', purpose: 'serviceConfirm', signedWhat: what, signedStatus: 'done' }, at('2026-12-07T10:05')), 'requests', 'r1', rec);
    expect(signatureOf(rec, 'serviceConfirm')).toMatchObject({ kind: 'signature', signer: '张伟', byName: '王丽', signedWhat: what, signedStatus: 'done', at: new Date('2026-12-07T10:05+08:00').toISOString() });
    expect(signatureOf(rec, 'settlement')).toBeNull();
    expect(read(rec).history.at(-1)).toMatchObject({ action: 'signature.signed', data: { signer: '张伟', purpose: 'serviceConfirm', signedWhat: what, signedStatus: 'done' } });
  });
});
