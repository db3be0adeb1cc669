/**
 * The office's own spreadsheets, built here in the shapes offices have them, imported into a real
 * office store (fake IndexedDB, real Yjs): a roster of units with their owners, coded type and
 * status columns and an instruction block; a tenant list with lease dates (GB18030 CSV, as Excel
 * on Chinese Windows saves it); a household list with relations; a two-sheet workbook linked by a
 * number column.
 */
import { describe, expect, it } from 'vitest';
import { guessJoin, guessKind, guessMapping, joinSheets, type Mapping, type Sheet } from '../../src/domain/import';
import { readCustomer, updateCustomer } from '../../src/store/customers';
import { searchCustomers } from '../../src/store/queries/customers';
import { importSettings, runImport, saveImportSetting } from '../../src/store/import';
import type { OfficeStore } from '../../src/store/office-store';
import { openDevice } from '../helpers/devices';
import { gb18030, idNumber, sheetsOf, xlsx } from '../helpers/spreadsheets';

/** One tablet of a fresh office, 王丽 (s1) on it: the shared device harness. */
function open(): OfficeStore {
  return openDevice().store;
}

async function imported(store: OfficeStore, sheet: Sheet, mapping: Mapping) {
  const result = await runImport(store, sheet, mapping);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** What the page does with a sheet: guess the kind and the columns, with what the office's codes mean. */
async function guessed(store: OfficeStore, sheet: Sheet, skip: number[] = []): Promise<Mapping> {
  const m = guessMapping(sheet.headers, guessKind(sheet.headers), skip);
  return { ...m, values: (await importSettings(store)).values };
}

/** The previous system's export: a title, coded type and status, the legend to the right of the data. */
const roster = (rows: (string | number | Date)[][]) => xlsx((wb) => {
  const ws = wb.addWorksheet('房屋业主');
  ws.addRow(['翠湖花园房屋及业主信息表']);
  ws.addRow(['楼栋', '单元', '房间', '楼层', '建筑面积(㎡)', '房屋户型', '房屋类型', '房屋状态', '业主名称', '性别', '手机号码', '身份证号', '入住日期', '', '填表说明']);
  rows.forEach((r, i) => ws.addRow([...r, '', ['房屋类型：110 住宅，120 商铺', '房屋状态：2001 自住，2002 出租，2003 空置', '身份证号请设为文本格式'][i] ?? '']));
  ws.addRow(['合计', '', '', '', 389.5]);
});

const ROWS = [
  ['3', '2', '1101', 11, 89.5, 'A2', '110', '2001', '张伟', '男', '13812345678', idNumber('19800101'), new Date(Date.UTC(2015, 5, 1))],
  ['3', '2', '1102', 11, 90, 'A2', '110', '2002', '李娜', '女', '13900001111', '110101198001011230', '2016-03-01'],
  ['3', '2', '1103', 11, 90, 'B1', '110', '2003', '', '', '', '', ''],
  ['5', '1', '0101', 1, 120, '', '120', '2003', '赵敏', '女', '13700002222', '', ''],
];

describe('a roster of units with their owners (.xlsx)', () => {
  it('imports units and owners linked, warns on a bad ID number, adds nothing the second time, and remembers the codes', async () => {
    const store = open();
    const [sheet] = await sheetsOf('房屋业主.xlsx', await roster(ROWS));
    expect(sheet.headers).toHaveLength(13);
    expect(sheet.rows.map((r) => r.n)).toEqual([3, 4, 5, 6]);
    const m = await guessed(store, sheet);
    expect(m.kind).toBe('household');
    // Staff map the codes once.
    m.values = { use: { '110': 'residential', '120': 'shop' }, status: { '2001': 'owner', '2002': 'rented', '2003': 'vacant' } };
    const updates = await store.db.updates.count();
    const plan = await imported(store, sheet, m);
    expect(plan.counts).toEqual({ new: 4, existing: 0, error: 0 });
    expect(plan.rows.find((r) => r.n === 4)!.warnings.map((w) => w.code)).toEqual(['customer.error.badIdNumber']);
    // One command for the whole file (and one for the remembered codes, in the office shard).
    expect(await store.db.updates.count()).toBe(updates + 2);
    expect((await store.db.units.orderBy('code').toArray()).map((u) => [u.code, u.area, u.use, u.status])).toEqual([
      ['3-2-1101', 89.5, 'residential', 'owner'], ['3-2-1102', 90, 'residential', 'rented'], ['3-2-1103', 90, 'residential', 'vacant'], ['5-1-0101', 120, 'shop', 'vacant'],
    ]);
    const people = await store.db.customers.orderBy('unitCode').toArray();
    expect(people.map((c) => [c.name, c.unitCode, c.kind])).toEqual([['张伟', '3-2-1101', 'owner'], ['李娜', '3-2-1102', 'owner'], ['赵敏', '5-1-0101', 'owner']]);
    const zhang = (await readCustomer(store, people[0].id))!;
    expect(zhang).toMatchObject({ unitRelation: 'owner', gender: 'male', idNumber: idNumber('19800101'), toVerify: [], dates: [{ kind: 'moveIn', year: 2015, month: 6, day: 1 }] });
    const li = (await readCustomer(store, people[1].id))!;
    expect(li).toMatchObject({ idNumber: '', toVerify: ['idNumber'] });
    // Found by the unit code, as the search box finds people.
    expect((await searchCustomers(store.db, '3-2-1102')).map((c) => c.name)).toEqual(['李娜']);

    // Staff fix the ID number: the flag goes.
    expect((await updateCustomer(store, li.id, { name: li.name, phones: li.phones, unitCode: li.unitCode, idNumber: idNumber('19800101', '456') })).ok).toBe(true);
    expect((await readCustomer(store, li.id))!.toVerify).toEqual([]);

    // The same file again adds nothing.
    const again = await imported(store, sheet, await guessed(store, sheet));
    expect(again.counts).toEqual({ new: 0, existing: 4, error: 0 });
    expect(again.command).toBeNull();
    expect(await store.db.customers.count()).toBe(3);
    expect(await store.db.units.count()).toBe(4);

    // The next file with the same codes needs no mapping: the office remembered them.
    expect((await importSettings(store)).values).toEqual({ use: { '110': 'residential', '120': 'shop' }, status: { '2001': 'owner', '2002': 'rented', '2003': 'vacant' } });
    const [next] = await sheetsOf('新房屋.xlsx', await roster([['6', '1', '0201', 2, 88, '', '120', '2002', '钱进', '男', '13500007777', '', '']]));
    const nextPlan = await imported(store, next, await guessed(store, next));
    expect(nextPlan.counts).toEqual({ new: 1, existing: 0, error: 0 });
    expect((await store.db.units.where('code').equals('6-1-0201').first())).toMatchObject({ use: 'shop', status: 'rented' });
  });

  it('refuses rows with a bad optional field when the office sets it so', async () => {
    const store = open();
    expect((await saveImportSetting(store, { refuseBadOptional: true })).ok).toBe(true);
    expect((await store.read('office', 'settings', 'import'))?.refuseBadOptional).toBe(true);
    const [sheet] = await sheetsOf('房屋业主.xlsx', await roster(ROWS));
    const m = { ...(await guessed(store, sheet)), values: { use: { '110': 'residential', '120': 'shop' }, status: { '2001': 'owner', '2002': 'rented', '2003': 'vacant' } } };
    const plan = await imported(store, sheet, m);
    expect(plan.rows.map((r) => [r.n, r.status])).toEqual([[3, 'new'], [4, 'error'], [5, 'new'], [6, 'new']]);
    expect(await store.db.customers.count()).toBe(2);
  });
});

describe('a tenant list with lease dates (GB18030 CSV)', () => {
  it('links each tenant to the unit with the lease, next to the owner, and adds nothing twice', async () => {
    const store = open();
    const [owners] = await sheetsOf('业主.csv', new TextEncoder().encode('房号,业主姓名,手机,建筑面积\r\n3-2-1102,李娜,13900001111,90\r\n'));
    await imported(store, owners, await guessed(store, owners));
    const csv = gb18030('租户姓名,房号,联系电话,起租日期,到期日期,备注\r\n孙丽,3-2-1102,13300005555,2025-03-01,2026/2/28,押一付三\r\n周杰,3-2-1103,13300006666,2025/9/1,2026/8/31,\r\n');
    const [tenants] = await sheetsOf('租户名单.csv', csv);
    expect(tenants.headers[0]).toBe('租户姓名');
    const m = await guessed(store, tenants);
    expect([m.kind, m.defaultKind]).toEqual(['household', 'tenant']);
    const plan = await imported(store, tenants, m);
    expect(plan.counts).toEqual({ new: 2, existing: 0, error: 0 });
    const onUnit = await store.db.customers.where('unitCodes').equals('3-2-1102').toArray();
    expect(onUnit.map((c) => [c.name, c.kind]).sort()).toEqual([['孙丽', 'tenant'], ['李娜', 'owner']]);
    const sun = (await readCustomer(store, onUnit.find((c) => c.name === '孙丽')!.id))!;
    expect(sun).toMatchObject({ unitRelation: 'tenant', unitFrom: '2025-03-01', unitTo: '2026-02-28', notes: '押一付三', householdOf: '' });
    expect(await store.db.units.where('code').equals('3-2-1103').count()).toBe(1);
    expect((await imported(store, tenants, await guessed(store, tenants))).counts).toEqual({ new: 0, existing: 2, error: 0 });
  });
});

describe('a household list with relations (.xlsx)', () => {
  it('puts every member in the household of the 户主 with the relation', async () => {
    const store = open();
    const bytes = await xlsx((wb) => wb.addWorksheet('住户').addRows([
      ['房号', '姓名', '與戶主關係', '性別', '出生日期', '聯繫電話'],
      ['3-2-1101', '张小明', '儿子', '男', '2010-05-01', ''],
      ['3-2-1101', '张伟', '户主', '男', '1980-01-01', '13812345678'],
      ['3-2-1101', '王芳', '配偶', '女', '1982-02-02', '13600003333'],
      ['5-1-302', '刘洋', '本人', '男', '', '13500004444'],
      ['5-1-302', '刘奶奶', '母亲', '女', '农历腊月廿三', ''],
    ]));
    const [sheet] = await sheetsOf('住户.xlsx', bytes);
    const m = await guessed(store, sheet);
    expect(m.columns).toEqual(['unitCode', 'name', 'householdRelation', 'gender', 'birthday', 'phones']);
    const plan = await imported(store, sheet, { ...m, kind: 'household' });
    expect(plan.counts).toEqual({ new: 5, existing: 0, error: 0 });
    const all = await store.db.customers.toArray();
    const byName = Object.fromEntries(await Promise.all(all.map(async (c) => [c.name, (await readCustomer(store, c.id))!] as const)));
    expect([byName['张伟'].kind, byName['张伟'].householdOf]).toEqual(['owner', '']);
    expect([byName['张小明'].kind, byName['张小明'].householdOf, byName['张小明'].householdRelation, byName['张小明'].unitRelation]).toEqual(['member', byName['张伟'].id, 'child', 'resident']);
    expect([byName['王芳'].householdOf, byName['王芳'].householdRelation]).toEqual([byName['张伟'].id, 'spouse']);
    expect([byName['刘奶奶'].householdOf, byName['刘奶奶'].householdRelation, byName['刘奶奶'].dates[0].calendar]).toEqual([byName['刘洋'].id, 'parent', 'lunar']);
    expect((await imported(store, sheet, { ...(await guessed(store, sheet)), kind: 'household' })).counts).toEqual({ new: 0, existing: 5, error: 0 });
    expect(await store.db.customers.count()).toBe(5);
  });
});

describe('a workbook with units and owners on two sheets', () => {
  it('imports them as one plan, linked by 房屋编号', async () => {
    const store = open();
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('房屋').addRows([
        ['房屋编号', '楼栋', '单元', '房号', '建筑面积', '房屋用途', '房屋状态'],
        ['10001', '3', '2', '1101', 89.5, '住宅', '自住'],
        ['10002', '3', '2', '1102', 90, '住宅', '已租'],
        ['10003', '5', '1', '0101', 120, '商铺', '空房'],
      ]);
      wb.addWorksheet('业主').addRows([
        ['房屋编号', '业主姓名', '手机', '身份证号'],
        [10001, '张伟', '13812345678', idNumber('19800101')],
        [10002, '李娜', '13900001111', ''],
      ]);
    });
    const sheets = await sheetsOf('翠湖花园.xlsx', bytes);
    const join = guessJoin(sheets)!;
    expect([sheets[join.main].name, sheets[join.other].name]).toEqual(['业主', '房屋']);
    const joined = joinSheets(sheets, join);
    const m = { ...(await guessed(store, joined, [joined.keyColumn])), kind: 'household' as const };
    const plan = await imported(store, joined, m);
    expect(plan.rows.map((r) => [r.sheet, r.n, r.status, r.label])).toEqual([
      ['业主', 2, 'new', '3-2-1101 张伟'], ['业主', 3, 'new', '3-2-1102 李娜'], ['房屋', 4, 'new', '5-1-0101'],
    ]);
    expect((await store.db.units.orderBy('code').toArray()).map((u) => [u.code, u.status])).toEqual([['3-2-1101', 'owner'], ['3-2-1102', 'rented'], ['5-1-0101', 'vacant']]);
    expect((await store.db.customers.orderBy('unitCode').toArray()).map((c) => [c.name, c.unitCode])).toEqual([['张伟', '3-2-1101'], ['李娜', '3-2-1102']]);
    expect((await imported(store, joined, m)).counts).toEqual({ new: 0, existing: 3, error: 0 });
  });
});
