import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadonlyDB } from '../../src/store/readonly-db';
import { readsOutsideStore, sourceFiles } from '../helpers/read-scan';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('reads only through store/queries', () => {
  it('finds no Dexie read, Dexie import or writable database outside src/store', () => {
    expect(readsOutsideStore(sourceFiles(root))).toEqual([]);
  });

  it('finds each kind of violation planted in a page, a print form and shared code', () => {
    const planted = [
      { path: 'src/ui/answers/Planted.tsx', text: "const linked = createLive(() => id, (id) => props.office.db.answers.get(id), undefined);" },
      { path: 'src/print/forms/Planted.tsx', text: "import Dexie from 'dexie';\nconst rows = await office.db.requests\n  .where('createdAt').toArray();\nawait db . customers.toArray();" },
      { path: 'src/ui/Planted.ts', text: "import type { LinliDB } from '../store/db';\nawait office.db.transaction('r', [], read);" },
      { path: 'src/shared/Planted.ts', text: "import { liveQuery, Dexie } from 'dexie';\nconst t = db.table('staff');" },
    ];
    expect(readsOutsideStore(planted).map((v) => `${v.path}:${v.line} ${v.rule}`).sort()).toEqual([
      'src/ui/answers/Planted.tsx:1 table read',
      'src/print/forms/Planted.tsx:1 dexie import',
      'src/print/forms/Planted.tsx:2 table read',
      'src/print/forms/Planted.tsx:4 table read',
      'src/ui/Planted.ts:1 writable db import',
      'src/ui/Planted.ts:2 table read',
      'src/shared/Planted.ts:1 dexie import',
      'src/shared/Planted.ts:2 table read',
    ].sort());
  });

  it('leaves the store, the live binding and lookalikes alone', () => {
    const fine = [
      { path: 'src/store/queries/answers.ts', text: 'return db.answers.get(id);' },
      { path: 'src/shared/bindings/live.ts', text: "import { liveQuery } from 'dexie';" },
      { path: 'src/ui/x.tsx', text: "const rows = createLive(() => props.office, (o) => allStaff(o.db), []);\nconst staffdb = db2.requests;" },
    ];
    expect(readsOutsideStore(fine)).toEqual([]);
  });

  it('gives ui and print a database without writes (checked by tsc)', () => {
    const tryWrites = (db: ReadonlyDB) => [
      // @ts-expect-error a read-only table has no put
      db.requests.put,
      // @ts-expect-error nor bulkDelete
      db.customers.bulkDelete,
      // @ts-expect-error a collection reached by where() has no modify
      db.requests.where('status').equals('closed').modify,
      // @ts-expect-error nor delete after a filter
      db.staff.filter(() => true).delete,
      // @ts-expect-error no way back to the writable Dexie
      db.units.db,
      // @ts-expect-error the device's own tables are read-only too (stamps are read for 统计's packs)
      db.meta.put,
      // @ts-expect-error and so are the packs
      db.figurePacks.bulkPut,
    ];
    expect(tryWrites).toBeTypeOf('function');
  });
});
