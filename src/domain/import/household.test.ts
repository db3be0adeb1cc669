import { describe, expect, it } from 'vitest';
import { ctx, idNumber, rows, sheet } from './sheet.fixture';
import { customerFromRecord, projectCustomer, type CustomerRow } from '../customers/customer';
import {
  distinctValues,
  guessJoin,
  guessMapping,
  importSettingsFrom,
  joinSheets,
  planImport,
  saveImportSettings,
  sheetFromRows,
  valuesUsed,
  withValue,
  type ImportFacts,
  type ImportPlan,
  type Mapping,
} from '.';
import type { Op } from '../ops';
import { applyToPlain, plainRows } from '../plain.fixture';
import { projectUnit } from '../units/unit';


type Create = Extract<Op, { kind: 'create' }>;
const creates = (plan: ImportPlan, collection: string) => (plan.command?.ops ?? []).filter((o): o is Create => o.kind === 'create' && o.collection === collection);

/** What the office holds after a plan ran (its command applied as a replica would): the facts the next import is judged against. */
function after(plan: ImportPlan, before: ImportFacts = { existing: [], knownUnits: new Set() }): ImportFacts {
  const records = applyToPlain(new Map(), plan.command);
  const people: CustomerRow[] = plainRows(records, 'customers').map(([id, r]) => projectCustomer(customerFromRecord(id, r)));
  const units = plainRows(records, 'units').map(([id, r]) => projectUnit(id, r).code);
  return { existing: [...before.existing, ...people], knownUnits: new Set([...(before.knownUnits ?? []), ...units]) };
}

/** The previous system's roster: one row per unit and its owner, codes for use and status, a legend to the right. */
const roster = () => sheetFromRows('房屋业主', rows(
  ['翠湖花园房屋及业主信息'],
  ['楼栋', '单元', '楼层', '房间', '建筑面积(㎡)', '房屋户型', '房屋类型', '房屋状态', '业主名称', '性别', '手机号码', '身份证号', '', '填表说明'],
  ['3', '2', '11', '01', '89.5', 'A2', '110', '2001', '张伟', '男', '13812345678', idNumber('19800101'), '', '房屋类型：110 住宅，120 商铺'],
  ['3', '2', '11', '02', '90', 'A2', '110', '2002', '李娜', '女', '13900001111', '110101198001011230', '', '房屋状态：2001 自住，2002 出租，2003 空置'],
  ['3', '2', '11', '03', '90', 'B1', '110', '2003', '', '', '', '', '', '性别：男/女'],
  ['5', '1', '1', '01', '120', '', '120', '2003', '赵敏', '女', '13700002222', '', '', ''],
  ['合计', '', '', '', '389.5', '', '', '', '', '', '', '', '', ''],
))!;

const coded: Mapping['values'] = { use: { '110': 'residential', '120': 'shop' }, status: { '2001': 'owner', '2002': 'rented', '2003': 'vacant' } };

describe('a roster of units with their owners', () => {
  it('leaves the instruction block and the total row out of the data', () => {
    const s = roster();
    expect(s.headers).toHaveLength(12);
    expect(s.rows.map((r) => r.n)).toEqual([3, 4, 5, 6]);
  });

  it('lists the coded values with their counts, and refuses them until mapped', () => {
    const s = roster();
    const m = guessMapping(s.headers, 'household');
    expect(m.columns.slice(0, 12)).toEqual(['building', 'entrance', 'floor', 'unitCode', 'area', null, 'use', 'status', 'name', 'gender', 'phones', 'idNumber']);
    const status = distinctValues(s.rows, m).find((c) => c.field === 'status')!;
    expect(status.values.map((v) => [v.value, v.count, v.choice])).toEqual([['2003', 2, null], ['2001', 1, null], ['2002', 1, null]]);
    const plan = planImport(s, m, { existing: [], knownUnits: new Set() }, ctx);
    expect(plan.rows.every((r) => r.status === 'error' && r.problems[0].code === 'import.error.badChoice')).toBe(true);
  });

  it('creates each unit and its owner, linked, with a bad ID number as a warning; a second import adds nothing', () => {
    const s = roster();
    const m = { ...guessMapping(s.headers, 'household'), values: coded };
    const plan = planImport(s, m, { existing: [], knownUnits: new Set() }, ctx);
    expect(plan.rows.map((r) => [r.n, r.status, r.label, r.warnings.map((w) => w.code)])).toEqual([
      [3, 'new', '3-2-1101 张伟', []],
      [4, 'new', '3-2-1102 李娜', ['customer.error.badIdNumber']],
      [5, 'new', '3-2-1103', []],
      [6, 'new', '5-1-101 赵敏', []],
    ]);
    expect(plan.command!.shard).toBe('directory');
    expect(creates(plan, 'units').map((o) => [o.fields.code, o.fields.area, o.fields.use, o.fields.status])).toEqual([
      ['3-2-1101', 89.5, 'residential', 'owner'], ['3-2-1102', 90, 'residential', 'rented'], ['3-2-1103', 90, 'residential', 'vacant'], ['5-1-101', 120, 'shop', 'vacant'],
    ]);
    const people = creates(plan, 'customers').map((o) => o.fields);
    expect(people.map((f) => [f.name, f.unitCode, f.kind, f.unitRelation, f.gender, f.idNumber, f.toVerify])).toEqual([
      ['张伟', '3-2-1101', 'owner', 'owner', 'male', idNumber('19800101'), []],
      ['李娜', '3-2-1102', 'owner', 'owner', 'female', '', ['idNumber']],
      ['赵敏', '5-1-101', 'owner', 'owner', 'female', '', []],
    ]);
    const again = planImport(s, m, after(plan), ctx);
    expect(again.counts).toEqual({ new: 0, existing: 4, error: 0 });
    expect(again.command).toBeNull();
  });

  it('refuses the row with a bad optional field when the office says so', () => {
    const s = roster();
    const plan = planImport(s, { ...guessMapping(s.headers, 'household'), values: coded }, { existing: [], knownUnits: new Set(), refuseBadOptional: true }, ctx);
    expect(plan.rows.find((r) => r.n === 4)).toMatchObject({ status: 'error', problems: [{ code: 'customer.error.badIdNumber' }] });
    expect(plan.counts).toEqual({ new: 3, existing: 0, error: 1 });
  });

  it('still refuses a row without its unit', () => {
    const s = sheet(['房号', '业主姓名', '面积'], ['', '张伟', '80'], ['东边那栋', '李娜', '80']);
    const plan = planImport(s, guessMapping(s.headers, 'household'), { existing: [], knownUnits: new Set() }, ctx);
    expect(plan.rows.map((r) => [r.status, r.problems[0]?.code])).toEqual([['error', 'import.error.unitRequired'], ['error', 'unit.error.badCode']]);
  });
});

describe('a tenant list and a household list', () => {
  it('links tenants to their units with the lease dates', () => {
    const s = sheet(['租户姓名', '房号', '联系电话', '起租日期', '到期日期'], ['孙丽', '3-2-1102', '13300005555', '2025-03-01', '2026/2/28'], ['周杰', '3-2-1103', '13300006666', '2025-13-01', '']);
    const m = guessMapping(s.headers, 'household');
    const plan = planImport(s, m, { existing: [], knownUnits: new Set(['3-2-1102', '3-2-1103']) }, ctx);
    expect(plan.rows.map((r) => [r.status, r.problems[0]?.code, r.warnings[0]?.code])).toEqual([['new', undefined, undefined], ['new', undefined, 'import.error.badDate']]);
    expect(creates(plan, 'units')).toEqual([]);
    expect(creates(plan, 'customers').map((o) => [o.fields.name, o.fields.kind, o.fields.unitRelation, o.fields.unitFrom, o.fields.unitTo, o.fields.toVerify])).toEqual([
      ['孙丽', 'tenant', 'tenant', '2025-03-01', '2026-02-28', []],
      ['周杰', 'tenant', 'tenant', '', '', ['unitFrom']],
    ]);
  });

  it('puts members in the household of the 户主, even one listed below them, and matches them again by name on the unit', () => {
    const s = sheet(
      ['房号', '姓名', '与户主关系', '手机', '出生日期'],
      ['3-2-1101', '张小明', '子女', '', '2010-05-01'],
      ['3-2-1101', '张伟', '户主', '13812345678', ''],
      ['3-2-1101', '王芳', '配偶', '13600003333', ''],
      ['3-2-1101', '张伟', '户主', '', ''],
    );
    const m = guessMapping(s.headers, 'household');
    const plan = planImport(s, m, { existing: [], knownUnits: new Set() }, ctx);
    expect(plan.rows.map((r) => [r.n, r.status, r.problems[0]?.code])).toEqual([[2, 'new', undefined], [3, 'new', undefined], [4, 'new', undefined], [5, 'error', 'import.error.samePersonAs']]);
    const people = creates(plan, 'customers');
    const head = people.find((o) => o.fields.name === '张伟')!;
    expect(people.map((o) => [o.fields.name, o.fields.kind, o.fields.householdOf, o.fields.householdRelation])).toEqual([
      ['张小明', 'member', head.id, 'child'],
      ['张伟', 'owner', '', ''],
      ['王芳', 'member', head.id, 'spouse'],
    ]);
    const again = planImport(s, m, after(plan), ctx);
    expect(again.rows.map((r) => r.status)).toEqual(['existing', 'existing', 'existing', 'existing']);
    expect(again.command).toBeNull();
  });

  it('puts a new member in the household of an owner registered before', () => {
    const first = sheet(['房号', '业主姓名', '手机', '面积'], ['3-2-1101', '张伟', '13812345678', '89']);
    const m1 = guessMapping(first.headers, 'household');
    const one = planImport(first, m1, { existing: [], knownUnits: new Set() }, ctx);
    const members = sheet(['房号', '姓名', '与户主关系'], ['3-2-1101', '张小明', '儿子']);
    const two = planImport(members, guessMapping(members.headers, 'household'), after(one), ctx);
    expect(creates(two, 'customers').map((o) => [o.fields.name, o.fields.householdOf])).toEqual([['张小明', creates(one, 'customers')[0].id]]);
  });
  it('says when someone in the file is registered on another unit, and leaves them there', () => {
    const first = sheet(['房号', '业主姓名', '手机', '面积'], ['3-2-1101', '张伟', '13812345678', '89']);
    const one = planImport(first, guessMapping(first.headers, 'household'), { existing: [], knownUnits: new Set() }, ctx);
    const moved = sheet(['房号', '业主姓名', '手机', '面积'], ['5-1-302', '张伟', '13812345678', '120']);
    const two = planImport(moved, guessMapping(moved.headers, 'household'), after(one), ctx);
    expect(two.rows[0]).toMatchObject({ status: 'new', warnings: [{ code: 'import.warn.personElsewhere', params: { name: '张伟', unit: '3-2-1101', here: '5-1-302' } }] });
    expect(creates(two, 'customers')).toEqual([]);
    expect(creates(two, 'units').map((o) => o.fields.code)).toEqual(['5-1-302']);
  });
});

describe('two sheets linked by a number', () => {
  const units = sheetFromRows('房屋', rows(['房屋编号', '楼栋', '单元', '房号', '建筑面积', '房屋用途'], ['10001', '3', '2', '1101', '89.5', '住宅'], ['10002', '3', '2', '1102', '90', '住宅'], ['10003', '5', '1', '0101', '120', '商铺']))!;
  const owners = sheetFromRows('业主', rows(['房屋编号', '业主姓名', '手机', '身份证号'], ['10001', '张伟', '13812345678', ''], ['10002', '李娜', '13900001111', ''], ['10009', '赵敏', '13700002222', '']))!;

  it('finds the link and imports each owner with their unit, the unit without an owner too', () => {
    const join = guessJoin([units, owners]);
    expect(join).toEqual({ main: 1, mainKey: 0, other: 0, otherKey: 0 });
    const joined = joinSheets([units, owners], join!);
    expect(joined.headers).toEqual(['房屋编号', '业主姓名', '手机', '身份证号', '楼栋', '单元', '房号', '建筑面积', '房屋用途']);
    const m = guessMapping(joined.headers, 'household', [joined.keyColumn]);
    expect(m.columns).toEqual([null, 'name', 'phones', 'idNumber', 'building', 'entrance', 'unitCode', 'area', 'use']);
    const plan = planImport(joined, m, { existing: [], knownUnits: new Set() }, ctx);
    expect(plan.rows.map((r) => [r.sheet, r.n, r.status, r.label, r.problems[0]?.code])).toEqual([
      ['业主', 2, 'new', '3-2-1101 张伟', undefined],
      ['业主', 3, 'new', '3-2-1102 李娜', undefined],
      ['业主', 4, 'error', '赵敏', 'import.error.unlinked'],
      ['房屋', 4, 'new', '5-1-0101', undefined],
    ]);
    expect(planImport(joined, m, after(plan), ctx).counts).toEqual({ new: 0, existing: 3, error: 1 });
  });
});

describe('the office remembers what its codes mean', () => {
  it('saves only what changed, and reads it back for the next file', () => {
    const s = roster();
    let m = guessMapping(s.headers, 'household');
    m = { ...m, values: withValue(withValue(m.values, 'use', '110', 'residential'), 'status', '2003', '') };
    const used = valuesUsed(s.rows, m);
    expect(used).toEqual({ use: { '110': 'residential' }, status: { '2003': '' } });
    const none = importSettingsFrom(undefined);
    const command = saveImportSettings(none, { values: used }, ctx)!;
    expect(command.shard).toBe('office');
    const set = command.ops[0] as Extract<Op, { kind: 'set' }>;
    expect(set).toMatchObject({ collection: 'settings', id: 'import', upsert: true, fields: { 'values:use': { '110': 'residential' }, 'values:status': { '2003': '' } } });
    const stored = importSettingsFrom(set.fields);
    expect(stored.values).toEqual(used);
    expect(saveImportSettings(stored, { values: used }, ctx)).toBeNull();
    // A vacant unit mapped to "leave empty" takes the default status; 110 is understood.
    const plan = planImport(s, { ...guessMapping(s.headers, 'household'), values: { ...stored.values, status: { ...stored.values.status, '2001': 'owner', '2002': 'rented' } }, columns: m.columns }, { existing: [], knownUnits: new Set() }, ctx);
    expect(plan.rows.filter((r) => r.status === 'error').map((r) => r.n)).toEqual([6]); // 120 is not mapped yet
    expect(saveImportSettings(stored, { refuseBadOptional: true }, ctx)!.ops[0]).toMatchObject({ fields: { refuseBadOptional: true } });
  });
});
