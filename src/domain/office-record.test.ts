import { describe, expect, it } from 'vitest';
import { saveOfficeRecord, type OfficeRecordKind } from './office-record';
import { plainAfter } from './plain.fixture';

const ctx = (now: string) => ({ actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now });
interface Letter { name: string; body: string; tags: string[] }
const versioned: OfficeRecordKind<Letter> = { collection: 'templates', fields: ['name', 'body', 'tags'], label: (f) => `letter.${f}`, versionOn: ['body'] };
const plain: OfficeRecordKind<Letter> = { ...versioned, versionOn: undefined, show: (v) => JSON.stringify(v) };

describe('saving an office record', () => {
  it('creates it whole, version 1 when versioned, with a created line', () => {
    const made = saveOfficeRecord(versioned, null, { name: '贺信', body: '生日快乐', tags: [] }, ctx('2026-11-01T00:00:00.000Z'), 't1');
    const record = plainAfter(made, 'templates', 't1');
    expect(record).toMatchObject({ name: '贺信', body: '生日快乐', version: 1, createdAt: '2026-11-01T00:00:00.000Z', updatedBy: 's1' });
    expect(record.history).toMatchObject([{ action: 'history.created', data: { version: 1 } }]);
    expect(plainAfter(saveOfficeRecord(plain, null, { name: '贺信', body: '生日快乐', tags: [] }, ctx('2026-11-01T00:00:00.000Z'), 't2'), 'templates', 't2')).not.toHaveProperty('version');
  });

  it('then writes only what changed, a new version only for the fields that make one, and nothing when nothing changed', () => {
    const start = plainAfter(saveOfficeRecord(versioned, null, { name: '贺信', body: '生日快乐', tags: [] }, ctx('2026-11-01T00:00:00.000Z'), 't1'), 'templates', 't1');
    const current = { id: 't1', name: '贺信', body: '生日快乐', tags: [] as string[], version: 1 };
    expect(saveOfficeRecord(versioned, current, { ...current }, ctx('2026-11-02T00:00:00.000Z'), 'x')).toEqual({ ok: true, value: { id: 't1', command: null } });

    const renamed = saveOfficeRecord(versioned, current, { ...current, name: '生日贺信' }, ctx('2026-11-02T00:00:00.000Z'), 'x');
    expect(renamed.ok && renamed.value.command?.ops[0]).toEqual({ kind: 'set', collection: 'templates', id: 't1', fields: { name: '生日贺信', updatedAt: '2026-11-02T00:00:00.000Z', updatedBy: 's1' } });

    const reworded = plainAfter(saveOfficeRecord(versioned, current, { ...current, body: '生日快乐！' }, ctx('2026-11-03T00:00:00.000Z'), 'x'), 'templates', 't1', start);
    expect(reworded).toMatchObject({ body: '生日快乐！', version: 2 });
    expect((reworded.history as unknown[])[1]).toMatchObject({ action: 'history.updated', changes: [{ field: 'letter.body', from: '生日快乐', to: '生日快乐！' }], data: { version: 2 } });

    const tagged = saveOfficeRecord(plain, current, { ...current, tags: ['节日'] }, ctx('2026-11-04T00:00:00.000Z'), 'x');
    expect(tagged.ok && tagged.value.command?.ops[1]).toMatchObject({ entry: { changes: [{ field: 'letter.tags', from: '[]', to: '["节日"]' }] } });
    expect(tagged.ok && tagged.value.command?.ops[0]).not.toHaveProperty('fields.version');
  });
});
