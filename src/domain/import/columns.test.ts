import { describe, expect, it } from 'vitest';
import { guessKind, guessMapping, normalizeHeader, shadowedColumns, type ImportKind, type Target } from './columns';

/**
 * Header rows as offices really write them (old registers, the previous property system's export,
 * a Taiwan office's list) and the fields they must map to. null = not imported.
 */
const TABLE: [string, ImportKind, string[], (Target | null)[]][] = [
  ['unit roster of a property system', 'household',
    ['序号', '楼号', '单元号', '楼层', '房间号', '建筑面积(㎡)', '套内面积', '房屋户型', '房屋类型', '房屋状态', '业主名称', '性别', '手机号码', '身份证号', '交房日期', '备注'],
    [null, 'building', 'entrance', 'floor', 'unitCode', 'area', null, null, 'use', 'status', 'name', 'gender', 'phones', 'idNumber', 'moveIn', 'notes']],
  ['zh-TW roster', 'household',
    ['樓棟', '單元', '房號', '業主姓名', '聯繫電話', '身份證字號', '性別', '建築面積', '房屋類型', '使用狀態', '入住日期', '備註'],
    ['building', 'entrance', 'unitCode', 'name', 'phones', 'idNumber', 'gender', 'area', 'use', 'status', 'moveIn', 'notes']],
  ['zh-TW customer list', 'customers', ['客戶名稱', '門牌號', '聯絡電話', '證件號碼', '客戶類型'], ['name', 'unitCode', 'phones', 'idNumber', 'kind']],
  ['业主名称 and 房间', 'customers', ['业主名称', '栋', '房间', '手机'], ['name', 'building', 'unitCode', 'phones']],
  ['住户 list', 'customers', ['住户姓名', '幢', '单元', '室号', '联系方式', '证件号码'], ['name', 'building', 'entrance', 'unitCode', 'phones', 'idNumber']],
  ['contact list', 'customers', ['联系人', '座', '室', '电话', '业主类型'], ['name', 'building', 'unitCode', 'phones', 'kind']],
  ['decorated headers', 'customers', ['* 客户姓名', '联系电话（必填）', '业主电话', '身份', '门牌号'], ['name', 'phones', 'phones', 'kind', 'unitCode']],
  ['tenant list', 'household', ['租户姓名', '房号', '联系电话', '起租日期', '到期日期', '身份证号'], ['name', 'unitCode', 'phones', 'leaseFrom', 'leaseTo', 'idNumber']],
  ['household list', 'household', ['房号', '姓名', '与户主关系', '性别', '出生日期', '手机'], ['unitCode', 'name', 'householdRelation', 'gender', 'birthday', 'phones']],
  ['unit register', 'units', ['房屋编号', '楼层', '面积(㎡)', '用途', '使用状态', '收房日期'], ['code', 'floor', 'area', 'use', 'status', null]],
  ['入住状态 and 房屋用途', 'units', ['门牌号', '房屋用途', '入住状态'], ['code', 'use', 'status']],
  ['the trap: 房屋户型 is the layout, not the room', 'customers', ['姓名', '房屋户型', '电话'], ['name', null, 'phones']],
  ['户型 alone', 'household', ['房号', '户型', '姓名'], ['unitCode', null, 'name']],
];

describe('the header matcher', () => {
  it.each(TABLE)('%s', (_, kind, headers, expected) => {
    expect(guessMapping(headers, kind).columns).toEqual(expected);
  });

  it('says which column lost a field to another (套内面积 to 建筑面积) instead of dropping it silently', () => {
    const headers = TABLE[0][2];
    const m = guessMapping(headers, 'household');
    expect(shadowedColumns(headers, m)).toEqual([{ column: 6, target: 'area', by: 5 }]);
  });

  it('folds traditional characters and decorations', () => {
    expect(normalizeHeader('業主姓名')).toBe('业主姓名');
    expect(normalizeHeader('聯繫電話（必填）')).toBe('联系电话必填');
    expect(normalizeHeader('建築面積(㎡)')).toBe('建筑面积m2');
  });

  it('tells a roster of units with owners from a customer list and a unit register', () => {
    expect(guessKind(TABLE[0][2])).toBe('household');
    expect(guessKind(TABLE[1][2])).toBe('household');
    expect(guessKind(['姓名', '电话', '房号'])).toBe('customers');
    expect(guessKind(['房号', '面积', '用途'])).toBe('units');
  });

  it('takes a tenant list as tenants', () => {
    expect(guessMapping(TABLE[7][2], 'household').defaultKind).toBe('tenant');
    expect(guessMapping(TABLE[0][2], 'household').defaultKind).toBe('owner');
  });
});
