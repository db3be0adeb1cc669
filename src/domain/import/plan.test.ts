import { describe, expect, it } from 'vitest';
import { ctx, idNumber, rows, sheet } from './sheet.fixture';
import type { CustomerRow } from '../customers/customer';
import { customerTable, guardCell, unitTable } from './export';
import {
  customerFromRow,
  guessKind,
  guessMapping,
  mappingProblems,
  parseImportantDate,
  formatImportantDate,
  planImport,
  rejectedTable,
  unguardCell,
  type ImportFacts,
} from '.';
import { customerFromRecord, projectCustomer } from '../customers/customer';
import { applyToPlain, plainRows } from '../plain.fixture';
import { projectUnit } from '../units/unit';

const existing: CustomerRow = {
  id: 'c0', kind: 'owner', name: '李娜', phones: ['13900001111'], idNumber: idNumber('19800101'), unitCode: '1-1-101', unitCodes: ['1-1-101'],
  householdOf: '', tags: [], grade: 'normal', updatedAt: '', terms: [], dates: [], dateKeys: [], gender: '', consent: true, birthYear: 0, unitFrom: '', unitTo: '',
};
const facts = (over: Partial<ImportFacts> = {}): ImportFacts => ({ existing: [existing], knownUnits: new Set(['1-1-101', '3-2-1101', '3-2-1102', '5-1-302']), ...over });

describe('guessMapping', () => {
  it('reads Chinese, traditional and English headers, with decorations', () => {
    const m = guessMapping(['序号', '客户姓名', '联系电话（必填）', '房号', '身份证号码', '类型', '性别', '微信', '邮箱', '工作单位', '职业', '标签', '等级', '生日', '备注'], 'customers');
    expect(m.columns).toEqual([null, 'name', 'phones', 'unitCode', 'idNumber', 'kind', 'gender', 'wechat', 'email', 'employer', 'occupation', 'tags', 'grade', 'birthday', 'notes']);
    expect(guessMapping(['Name', 'Phone', 'Unit', 'ID Number', 'E-mail'], 'customers').columns).toEqual(['name', 'phones', 'unitCode', 'idNumber', 'email']);
    expect(guessMapping(['業主姓名', '手機', '房號', '身份證'], 'customers').columns).toEqual(['name', 'phones', 'unitCode', 'idNumber']);
  });

  it('puts a unit split over 楼栋 | 单元 | 房号 columns back together; a lone 单元 column is the unit', () => {
    const m = guessMapping(['姓名', '楼栋', '单元', '房号'], 'customers');
    expect(m.columns).toEqual(['name', 'building', 'entrance', 'unitCode']);
    expect(customerFromRow({ n: 2, cells: ['张伟', '3栋', '2单元', '1101'] }, m, String).input.unitCode).toBe('3-2-1101');
    expect(customerFromRow({ n: 3, cells: ['李娜', '5', '', '0302室'] }, m, String).input.unitCode).toBe('5-0302');
    expect(customerFromRow({ n: 4, cells: ['赵敏', '3', '2', '3-2-1102'] }, m, String).input.unitCode).toBe('3-2-1102');
    expect(guessMapping(['姓名', '单元'], 'customers').columns).toEqual(['name', 'unitCode']);
    expect(guessMapping(['楼号', '单元号', '房号', '面积'], 'units').columns).toEqual(['building', 'entrance', 'code', 'area']);
  });

  it('lets several columns feed phones, but gives a single field to one column only', () => {
    expect(guessMapping(['姓名', '手机', '座机', '名字'], 'customers').columns).toEqual(['name', 'phones', 'phones', null]);
  });

  it('reads a unit register and tells it from a customer list', () => {
    const headers = ['房号', '建筑面积（㎡）', '房屋用途', '房屋状态'];
    expect(guessMapping(headers, 'units').columns).toEqual(['code', 'area', 'use', 'status']);
    expect(guessKind(headers)).toBe('units');
    expect(guessKind(['姓名', '房号', '电话'])).toBe('customers');
  });

  it('finds the header row under a title row', () => {
    const s = sheet(['翠湖花园业主名单'], [], ['姓名', '电话', '房号'], ['张伟', '13812345678', '3-2-1101']);
    expect(s.headers).toEqual(['姓名', '电话', '房号']);
    expect(s.headerRow).toBe(3);
    expect(s.rows.map((r) => r.n)).toEqual([4]);
  });

  it('says when the name column is missing or a field is taken twice', () => {
    expect(mappingProblems({ kind: 'customers', columns: ['phones', null] }).map((p) => p.code)).toEqual(['import.error.columnRequired']);
    expect(mappingProblems({ kind: 'customers', columns: ['name', 'name'] }).map((p) => p.code)).toEqual(['import.error.columnTwice']);
  });
});

describe('cells', () => {
  it('parses birthdays solar and lunar, in the ways offices write them', () => {
    expect(parseImportantDate('1990-03-05')).toEqual({ kind: 'birthday', calendar: 'solar', year: 1990, month: 3, day: 5 });
    expect(parseImportantDate('1990年3月5日')).toMatchObject({ calendar: 'solar', year: 1990, month: 3, day: 5 });
    expect(parseImportantDate('农历3月5日')).toEqual({ kind: 'birthday', calendar: 'lunar', month: 3, day: 5 });
    expect(parseImportantDate('农历03-05')).toEqual({ kind: 'birthday', calendar: 'lunar', month: 3, day: 5 });
    expect(parseImportantDate('农历正月初五')).toMatchObject({ calendar: 'lunar', month: 1, day: 5 });
    expect(parseImportantDate('农历腊月廿三')).toMatchObject({ calendar: 'lunar', month: 12, day: 23 });
    expect(parseImportantDate('八月十五（农历）')).toMatchObject({ calendar: 'lunar', month: 8, day: 15 });
    expect(parseImportantDate('农历1990年闰四月十二')).toEqual({ kind: 'birthday', calendar: 'lunar', year: 1990, month: 4, day: 12, leap: true });
    expect(parseImportantDate('')).toBeUndefined();
    expect(parseImportantDate('2月30日')).toBeNull();
    expect(parseImportantDate('下个月')).toBeNull();
    for (const text of ['1990-03-05', '03-05', '农历3月5日', '农历1990年闰4月12日']) expect(formatImportantDate(parseImportantDate(text)!)).toBe(text);
  });

  it('reads choices in words, several phones in one cell, and tags separated by 、,，', () => {
    const m = guessMapping(['姓名', '电话', '房号', '类型', '性别', '等级', '标签'], 'customers');
    const { input, problems } = customerFromRow({ n: 2, cells: ['张伟', '13812345678 / 0755-86001234', '3栋2单元1101', '租户', '男', '重要', '老人、独居,行动不便，VIP'] }, m, (i) => String(i));
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ phones: ['13812345678', '0755-86001234'], kind: 'tenant', gender: 'male', grade: 'important', tags: ['老人', '独居', '行动不便', 'VIP'] });
    const bad = customerFromRow({ n: 2, cells: ['张伟', '', '', '房东', '', '', ''] }, m, () => '类型');
    expect(bad.problems).toMatchObject([{ code: 'import.error.badChoice', params: { column: '类型', value: '房东' } }]);
  });

  it('explains an ID number that Excel turned into a number (a warning: the customer still imports)', () => {
    const m = guessMapping(['姓名', '身份证号'], 'customers');
    const converted = customerFromRow({ n: 2, cells: ['张伟', '1.10101199003071E+17'] }, m, () => '身份证号');
    expect(converted.problems).toEqual([]);
    expect(converted.warnings[0].code).toBe('import.error.idAsNumber');
  });

  it('guards formula-like cells on export and reads them back', () => {
    expect(guardCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(unguardCell(guardCell('=1+1'))).toBe('=1+1');
    expect(guardCell('张伟')).toBe('张伟');
  });
});

describe('planImport', () => {
  const file = sheet(
    ['姓名', '电话', '房号', '身份证号', '类型', '生日', '备注'],
    ['张伟', '13812345678', '3-2-1101', idNumber('19900305'), '业主', '农历三月初五', '老人独居'],
    ['刘洋', '12345', '3-2-1102', '', '租户', '', ''],
    ['赵敏', '13700002222', '9-9-999', '', '', '', ''],
    ['张伟伟', '138 1234 5678', '3-2-1102', '', '家庭成员', '', ''],
    ['王芳', '13600003333', '5-1-302', idNumber('19800101'), '', '', ''],
    ['<script>alert(1)</script>', '13500004444', '5-1-302', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['陈静', '13900001111', '1-1-101', '', '', '1985-07-01', ''],
    ['孙丽', '13300005555', '3栋2单元1102', '', '租户', '1985/7/1', ''],
  );
  const mapping = guessMapping(file.headers, 'customers');

  it('reports each row by its spreadsheet row number, in the user’s terms', () => {
    const plan = planImport(file, mapping, facts(), ctx);
    const byRow = Object.fromEntries(plan.rows.map((r) => [r.n, r]));
    expect(byRow[2].status).toBe('new');
    expect(byRow[3]).toMatchObject({ status: 'error', problems: [{ code: 'customer.error.badPhone', params: { phone: '12345' } }] });
    expect(byRow[4]).toMatchObject({ status: 'error', problems: [{ code: 'customer.error.unknownUnit', params: { unit: '9-9-999' } }] });
    expect(byRow[5]).toMatchObject({ status: 'error', problems: [{ code: 'import.error.samePhoneAs', params: { row: 2, phone: '138****5678' } }] });
    expect(byRow[6]).toMatchObject({ status: 'existing', problems: [{ code: 'import.existingId', params: { name: '李娜', unit: '1-1-101' } }] });
    expect(byRow[7]).toMatchObject({ status: 'error', problems: [{ code: 'import.error.markup', params: { column: '姓名' } }] });
    expect(byRow[8]).toBeUndefined(); // a blank line
    expect(byRow[9]).toMatchObject({ status: 'existing', problems: [{ code: 'import.existingPhone', params: { phone: '139****1111', name: '李娜' } }] });
    expect(byRow[10].status).toBe('new');
    expect(plan.counts).toEqual({ new: 2, existing: 2, error: 4 });
  });

  it('builds ONE command holding every accepted row, and nothing of the refused ones', () => {
    const plan = planImport(file, mapping, facts(), ctx);
    expect(plan.command?.shard).toBe('directory');
    const creates = plan.command!.ops.filter((o) => o.kind === 'create');
    expect(creates).toHaveLength(2);
    expect(plan.command!.ops.filter((o) => o.kind === 'log')).toHaveLength(2);
    const zhang = creates[0] as Extract<(typeof creates)[number], { kind: 'create' }>;
    expect(zhang.fields).toMatchObject({ name: '张伟', unitCode: '3-2-1101', kind: 'owner', dates: [{ kind: 'birthday', calendar: 'lunar', month: 3, day: 5 }] });
    expect(zhang.texts).toEqual({ notes: '老人独居' });
    expect((creates[1] as typeof zhang).fields).toMatchObject({ name: '孙丽', unitCode: '3-2-1102', kind: 'tenant', dates: [{ calendar: 'solar', year: 1985, month: 7, day: 1 }] });
  });

  it('does not check units when the office keeps no register', () => {
    const plan = planImport(file, mapping, facts({ knownUnits: null }), ctx);
    expect(plan.rows.find((r) => r.n === 4)!.status).toBe('new');
  });

  it('plans nothing when the name column is not mapped', () => {
    const plan = planImport(file, { kind: 'customers', columns: mapping.columns.map((c) => (c === 'name' ? null : c)) }, facts(), ctx);
    expect(plan.problems.map((p) => p.code)).toEqual(['import.error.columnRequired']);
    expect(plan.command).toBeNull();
    expect(plan.rows).toEqual([]);
  });

  it('marks every row as existing when the same file is imported again', () => {
    const plan = planImport(file, mapping, facts(), ctx);
    // What the office holds after the first import: the projection rows of the created customers.
    const created = plainRows(applyToPlain(new Map(), plan.command), 'customers').map(([id, r]) => projectCustomer(customerFromRecord(id, r)));
    const clean = sheet(file.headers, ...file.rows.filter((r) => [2, 10].includes(r.n)).map((r) => r.cells));
    const again = planImport(clean, mapping, facts({ existing: [existing, ...created] }), ctx);
    expect(again.counts).toEqual({ new: 0, existing: 2, error: 0 });
    expect(again.command).toBeNull();
  });

  it('gives the refused rows back with their reasons, to fix and import again', () => {
    const plan = planImport(file, mapping, facts(), ctx);
    const table = rejectedTable(file, plan, '错误原因', (p) => p.code);
    expect(table[0]).toEqual([...file.headers, '错误原因']);
    expect(table.slice(1).map((r) => r[0])).toEqual(['刘洋', '赵敏', '张伟伟', '<script>alert(1)</script>']);
    expect(table[1].at(-1)).toBe('customer.error.badPhone');
  });
});

describe('units', () => {
  it('imports a register, skipping registered codes and refusing repeats and bad values', () => {
    const file = sheet(['房号', '面积', '用途', '状态'], ['3栋2单元1101', '89.5㎡', '住宅', '自住'], ['3-2-1101', '90', '住宅', '出租'], ['5-1-302', '', '商铺', '空置'], ['1#1-101', '60', '车库', '装修'], ['东边那栋', '', '', ''], ['6-1-101', '八十', '住宅', '自住'], ['7-1-101', '', '别墅', '']);
    const plan = planImport(file, guessMapping(file.headers, 'units'), { existing: [], knownUnits: new Set(['5-1-302']) }, ctx);
    expect(plan.rows.map((r) => [r.n, r.status, r.problems[0]?.code ?? ''])).toEqual([
      [2, 'new', ''],
      [3, 'error', 'import.error.sameUnitAs'],
      [4, 'existing', 'import.existingUnit'],
      [5, 'new', ''],
      [6, 'error', 'unit.error.badCode'],
      [7, 'error', 'unit.error.badArea'],
      [8, 'error', 'import.error.badChoice'],
    ]);
    const made = plainRows(applyToPlain(new Map(), plan.command), 'units').map(([id, r]) => projectUnit(id, r));
    expect(made).toMatchObject([
      { code: '3-2-1101', area: 89.5, use: 'residential', status: 'owner' },
      { code: '1-1-101', area: 60, use: 'parking', status: 'renovating' },
    ]);
  });
});

describe('export', () => {
  const c = customerFromRecord('c1', {
    name: '张伟', kind: 'tenant', gender: 'male', phones: ['13812345678'], idNumber: idNumber('19900305'), unitCode: '3-2-1101', tags: ['老人', '独居'],
    grade: 'important', dates: [{ kind: 'birthday', calendar: 'lunar', month: 3, day: 5 }], notes: '需要上门',
  });

  it('writes Chinese headers, and masks phones and ID numbers unless asked for in full', () => {
    const [headers, masked] = customerTable([c], false);
    expect(headers.slice(0, 5)).toEqual(['姓名', '类型', '性别', '电话', '房号']);
    const at = (h: string, row: string[]) => row[headers.indexOf(h)];
    expect(at('电话', masked)).toBe('138****5678');
    expect(at('身份证号', masked)).toBe('1101**********' + idNumber('19900305').slice(-4));
    expect(at('生日', masked)).toBe('农历3月5日');
    expect(at('标签', masked)).toBe('老人、独居');
    const [, full] = customerTable([c], true);
    expect(at('电话', full)).toBe('13812345678');
    expect(at('身份证号', full)).toBe(idNumber('19900305'));
  });

  it('round-trips: an exported table plans back to the same customer', () => {
    const table = customerTable([c], true);
    const s = sheet(...table);
    const plan = planImport(s, guessMapping(s.headers, 'customers'), { existing: [], knownUnits: null }, ctx);
    expect(plan.counts.new).toBe(1);
    const [[id, record]] = plainRows(applyToPlain(new Map(), plan.command), 'customers');
    const back = customerFromRecord(id, record);
    for (const key of ['name', 'kind', 'gender', 'phones', 'idNumber', 'unitCode', 'tags', 'grade', 'dates'] as const) expect(back[key]).toEqual(c[key]);
    expect(back.notes).toBe('需要上门');
    const units = unitTable([{ id: 'u', code: '3-2-1101', building: '3', entrance: '2', floor: 11, room: '1101', area: 89.5, use: 'shop', status: 'vacant', createdAt: '' }]);
    expect(units).toEqual([['房号', '面积', '用途', '状态'], ['3-2-1101', '89.5', '商铺', '空置']]);
  });
});
