import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { guessMapping, type Sheet } from '../../src/domain/import';
import { newId } from '../../src/domain/ids';
import { readCustomer } from '../../src/store/customers';
import { exportTable, openPasted, openSpreadsheet, runImport } from '../../src/store/import';
import type { OfficeStore } from '../../src/store/office-store';
import { openDevice } from '../helpers/devices';
import { gb18030, sheetsOf } from '../helpers/spreadsheets';
import { createStaff, type StaffRole } from '../../src/domain/staff/staff';

function open(officeId = newId()): OfficeStore {
  return openDevice({ officeId }).store;
}

/** The device's person (s1 王丽) as a profile of the office with `role`: exporting full numbers depends on it. */
async function withRole(store: OfficeStore, role: StaffRole): Promise<OfficeStore> {
  const made = createStaff('王丽', role, store.context(), 's1', '', { creator: 'founder' });
  if (!made.ok) throw new Error('staff');
  await store.run(made.value.command);
  return store;
}

/** A workbook as an office would have it: a title row, typed cells (a date, a number), two sheets. */
async function officeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('房屋');
  units.addRows([['房号', '建筑面积（㎡）', '用途', '状态'], ['3栋2单元1101', 89.5, '住宅', '自住'], ['3-2-1102', 90, '住宅', '出租'], ['5-1-302', 120, '商铺', '空置']]);
  const customers = wb.addWorksheet('业主名单');
  customers.addRow(['翠湖花园业主名单（2026 年 11 月）']);
  customers.addRow(['客户姓名', '手机', '房号', '身份证号', '类型', '生日', '标签', '备注']);
  customers.addRow(['张伟', 13812345678, '3-2-1101', '11010119900305103X', '业主', '农历三月初五', '老人、独居', '行动不便，需上门']);
  customers.addRow(['李娜', '13900001111', '3栋2单元1102', '', '租户', new Date(Date.UTC(1985, 6, 1)), 'VIP', '']);
  customers.addRow(['刘洋', '12345', '3-2-1102', '', '', '', '', '']);
  customers.addRow(['赵敏', '13700002222', '9-9-901', '', '', '', '', '']);
  customers.addRow(['张伟', '138 1234 5678', '3-2-1101', '', '家庭成员', '', '', '']);
  customers.addRow(['<img src=x onerror=alert(1)>', '13600009999', '3-2-1101', '', '', '', '', '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function importSheet(store: OfficeStore, sheet: Sheet, kind: 'customers' | 'units') {
  const result = await runImport(store, sheet, guessMapping(sheet.headers, kind));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('importing a real .xlsx', () => {
  it('imports units, then customers against the register, atomically, and skips them all on a second import', async () => {
    const store = open();
    const [units, customers] = await sheetsOf('翠湖花园.xlsx', await officeWorkbook());
    expect(customers.headerRow).toBe(2);

    const unitPlan = await importSheet(store, units, 'units');
    expect(unitPlan.counts).toEqual({ new: 3, existing: 0, error: 0 });
    expect((await store.db.units.orderBy('code').toArray()).map((u) => [u.code, u.area, u.use, u.status])).toEqual([
      ['3-2-1101', 89.5, 'residential', 'owner'],
      ['3-2-1102', 90, 'residential', 'rented'],
      ['5-1-302', 120, 'shop', 'vacant'],
    ]);

    const updatesBefore = await store.db.updates.count();
    const plan = await importSheet(store, customers, 'customers');
    expect(plan.rows.map((r) => [r.n, r.status, r.problems[0]?.code ?? ''])).toEqual([
      [3, 'new', ''],
      [4, 'new', ''],
      [5, 'error', 'customer.error.badPhone'],
      [6, 'error', 'customer.error.unknownUnit'],
      [7, 'error', 'import.error.samePhoneAs'],
      [8, 'error', 'import.error.markup'],
    ]);
    // One command = one Yjs update = one row in the log, written with its projection rows.
    expect(await store.db.updates.count()).toBe(updatesBefore + 1);
    const rows = await store.db.customers.orderBy('name').toArray();
    expect(rows.map((r) => [r.name, r.unitCode, r.phones])).toEqual([
      ['张伟', '3-2-1101', ['13812345678']],
      ['李娜', '3-2-1102', ['13900001111']],
    ]);
    const zhang = await readCustomer(store, rows.find((r) => r.name === '张伟')!.id);
    expect(zhang).toMatchObject({
      idNumber: '11010119900305103X', kind: 'owner', tags: ['老人', '独居'], notes: '行动不便，需上门',
      dates: [{ kind: 'birthday', calendar: 'lunar', month: 3, day: 5 }],
    });
    expect(zhang!.history.map((h) => h.action)).toEqual(['history.created']);
    const li = await readCustomer(store, rows.find((r) => r.name === '李娜')!.id);
    expect(li!.dates).toEqual([{ kind: 'birthday', calendar: 'solar', year: 1985, month: 7, day: 1 }]);

    // The same file again: nobody twice.
    const again = await importSheet(store, customers, 'customers');
    // Row 7 (张伟 again, refused the first time as a repeat of row 3) now matches the registered 张伟.
    expect(again.rows.map((r) => r.status)).toEqual(['existing', 'existing', 'error', 'error', 'existing', 'error']);
    expect(again.command).toBeNull();
    expect(await store.db.customers.count()).toBe(2);
    const unitsAgain = await importSheet(store, units, 'units');
    expect(unitsAgain.counts).toEqual({ new: 0, existing: 3, error: 0 });
    expect(await store.db.units.count()).toBe(3);
  });
});

describe('importing a .csv', () => {
  it('reads UTF-8 with a BOM and Excel’s GB18030, and adds only who is new', async () => {
    const store = open();
    const csv = '\ufeff姓名,电话,房号,生日\r\n张伟,13812345678,3-2-1101,1990-03-05\r\n"王芳","13600003333","5-1-302","农历八月十五"\r\n';
    const [sheet] = await sheetsOf('客户.csv', new TextEncoder().encode(csv));
    expect((await importSheet(store, sheet, 'customers')).counts).toEqual({ new: 2, existing: 0, error: 0 });

    // Excel's "CSV" on Chinese Windows: GB18030 bytes, no BOM. One known row, one new.
    const gbk = await gb18030('姓名,电话,房号\r\n张伟,13812345678,3-2-1101\r\n陈静,13500004444,3-2-1102\r\n');
    const [again] = await sheetsOf('客户(GBK).csv', gbk);
    expect(again.headers).toEqual(['姓名', '电话', '房号']);
    const plan = await importSheet(store, again, 'customers');
    expect(plan.rows.map((r) => r.status)).toEqual(['existing', 'new']);
    expect((await store.db.customers.orderBy('name').toArray()).map((r) => r.name)).toEqual(['张伟', '王芳', '陈静']); // IndexedDB orders by code point
  });

  it('reads cells pasted from Excel (tab-separated)', async () => {
    const read = await openPasted('姓名\t电话\t标签\n张伟\t13812345678\t老人,独居\n');
    expect(read.ok && read.value[0].rows[0].cells).toEqual(['张伟', '13812345678', '老人,独居']);
  });
});

describe('bad input', () => {
  it('explains files that are not spreadsheets, empty, too large, or an old .xls, and imports nothing', async () => {
    const code = async (name: string, bytes: Uint8Array) => {
      const r = await openSpreadsheet(name, bytes);
      return r.ok ? 'ok' : r.problems[0].code;
    };
    expect(await code('photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('import.error.notSpreadsheet');
    expect(await code('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toBe('import.error.notSpreadsheet');
    expect(await code('empty.csv', new Uint8Array())).toBe('import.error.empty');
    expect(await code('blank.csv', new TextEncoder().encode('\r\n,,\r\n'))).toBe('import.error.empty');
    expect(await code('header-only.csv', new TextEncoder().encode('姓名,电话\r\n'))).toBe('import.error.noRows');
    expect(await code('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('import.error.oldExcel');
    expect(await code('huge.csv', new Uint8Array(20 * 1024 * 1024))).toBe('import.error.tooLarge');
    const many = ['姓名,电话', ...Array.from({ length: 20_001 }, (_, i) => `客户${i},`)].join('\n');
    expect(await code('many.csv', new TextEncoder().encode(many))).toBe('import.error.tooManyRows');
    const paste = await openPasted('姓名\t电话\n'.padEnd(20 * 1024 * 1024, 'x'));
    expect(paste.ok ? 'ok' : paste.problems[0].code).toBe('import.error.pasteTooLarge');
  });

  it('refuses the whole import when the name column is not mapped', async () => {
    const store = open();
    const [sheet] = await sheetsOf('x.csv', new TextEncoder().encode('姓名,电话\r\n张伟,13812345678\r\n'));
    const r = await runImport(store, sheet, { kind: 'customers', columns: [null, 'phones'] });
    expect(r.ok ? 'ok' : r.problems[0].code).toBe('import.error.columnRequired');
    expect(await store.db.customers.count()).toBe(0);
  });
});

describe('export', () => {
  it('round-trips customers through .xlsx with full numbers into another office', async () => {
    const store = await withRole(open(), 'manager');
    const [, customers] = await sheetsOf('翠湖花园.xlsx', await officeWorkbook());
    await importSheet(store, customers, 'customers');
    const exported = await exportTable(store, 'customers', 'xlsx', true, '客户');
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value.rows).toBe(3); // no unit register here, so 赵敏's 9-9-901 was accepted

    const [sheet] = await sheetsOf('客户资料.xlsx', exported.value.bytes);
    expect(sheet.headers.slice(0, 5)).toEqual(['姓名', '类型', '性别', '电话', '房号']);
    const other = open();
    expect((await importSheet(other, sheet, 'customers')).counts).toEqual({ new: 3, existing: 0, error: 0 });
    const pick = async (s: OfficeStore) => {
      const rows = await s.db.customers.orderBy('name').toArray();
      return Promise.all(rows.map(async (r) => {
        const c = (await readCustomer(s, r.id))!;
        return [c.name, c.kind, c.phones, c.unitCode, c.idNumber, c.tags, c.dates, c.notes];
      }));
    };
    expect(await pick(other)).toEqual(await pick(store));
    // Exporting full numbers is on record.
    const settings = await store.read('office', 'settings', 'office');
    expect((settings!.history as { action: string; byName: string }[]).at(-1)).toMatchObject({ action: 'history.exportedFull', byName: '王丽' });
  });

  it('masks phones and ID numbers unless asked, and writes CSV with a BOM for Excel', async () => {
    const store = await withRole(open(), 'manager');
    const [, customers] = await sheetsOf('翠湖花园.xlsx', await officeWorkbook());
    await importSheet(store, customers, 'customers');
    const csv = await exportTable(store, 'customers', 'csv', false, '客户');
    if (!csv.ok) throw new Error('export failed');
    const bytes = csv.value.bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('138****5678');
    expect(text).toContain('1101**********103X');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('11010119900305103X');
    const full = await exportTable(store, 'customers', 'csv', true, '客户');
    // Long digit strings are led by a tab so Excel keeps them as text.
    expect(new TextDecoder().decode(full.ok ? full.value.bytes : new Uint8Array())).toContain('\t13812345678');
  });

  it('refuses full numbers to reception and team staff (the default policy); masked exports still work', async () => {
    for (const role of ['reception', 'team'] as const) {
      const store = await withRole(open(), role);
      const [, customers] = await sheetsOf('翠湖花园.xlsx', await officeWorkbook());
      await importSheet(store, customers, 'customers');
      const full = await exportTable(store, 'customers', 'csv', true, '客户');
      expect(full).toEqual({ ok: false, problems: [{ code: 'personal.error.exportRefused', params: { role: `role.${role}` } }] });
      const settings = await store.read('office', 'settings', 'office');
      expect(JSON.stringify(settings?.history ?? [])).not.toContain('history.exportedFull');
      const masked = await exportTable(store, 'customers', 'csv', false, '客户');
      expect(masked.ok && new TextDecoder().decode(masked.value.bytes)).toContain('138****5678');
    }
  });

  it('exports the unit register and reads it back', async () => {
    const store = open();
    const [units] = await sheetsOf('翠湖花园.xlsx', await officeWorkbook());
    await importSheet(store, units, 'units');
    const out = await exportTable(store, 'units', 'xlsx', false, '房屋');
    if (!out.ok) throw new Error('export failed');
    const [sheet] = await sheetsOf('房屋资料.xlsx', out.value.bytes);
    expect(sheet.headers).toEqual(['房号', '面积', '用途', '状态']);
    expect(sheet.rows.map((r) => r.cells)).toEqual([['3-2-1101', '89.5', '住宅', '自住'], ['3-2-1102', '90', '住宅', '出租'], ['5-1-302', '120', '商铺', '空置']]);
  });
});
