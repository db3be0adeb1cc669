import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { createCustomer } from '../../src/store/customers';
import { searchCustomers } from '../../src/store/queries/customers';
import type { OfficeStore } from '../../src/store/office-store';
import { openDevice } from '../helpers/devices';
import { createUnit } from '../../src/store/units';

let store: OfficeStore;
const names = async (q: string) => (await searchCustomers(store.db, q)).map((r) => r.name);

beforeAll(async () => {
  store = openDevice({ forFile: true }).store;
  for (const code of ['3-2-1101', '5-1-302', '12-1-2503', '7-1-1101']) await createUnit(store, { code, area: '', use: 'residential', status: 'owner' });
  const people = [
    { name: '张伟', phones: ['13812345678'], unitCode: '3-2-1101' },
    { name: '欧阳娜娜', phones: ['13900001111'], unitCode: '5-1-302' },
    { name: '单雄信', phones: ['13711112222'], unitCode: '12-1-2503' },
    { name: '曾小贤', phones: ['0755-86001234'], unitCode: '12-1-2503' },
    { name: '张伟强', phones: ['13655556666'], unitCode: '5-1-302' },
    { name: '李娜', phones: ['13611017777'], unitCode: '7-1-1101' },
  ];
  for (const p of people) {
    const r = await createCustomer(store, p);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
});
afterAll(() => store.close());

describe('one search box', () => {
  it('finds a Chinese name fragment anywhere in the name', async () => {
    expect(await names('阳娜')).toEqual(['欧阳娜娜']);
    expect(await names('小贤')).toEqual(['曾小贤']);
  });

  it('ranks the exact name before longer names that start with it', async () => {
    expect(await names('张伟')).toEqual(['张伟', '张伟强']);
  });

  it('takes full pinyin, with surname readings of polyphonic surnames', async () => {
    expect(await names('zhangwei')).toEqual(['张伟', '张伟强']);
    expect(await names('ouyangnana')).toEqual(['欧阳娜娜']);
    expect(await names('shanxiongxin')).toEqual(['单雄信']);
    expect(await names('zengxiaoxian')).toEqual(['曾小贤']);
    expect(await names('ZhangWei')).toEqual(['张伟', '张伟强']);
  });

  it('takes initials, exact initials first', async () => {
    expect(await names('zw')).toEqual(['张伟', '张伟强']);
    expect(await names('sxx')).toEqual(['单雄信']);
    expect(await names('oynn')).toEqual(['欧阳娜娜']);
  });

  it('takes 4 or more consecutive digits of a phone, from anywhere in it', async () => {
    expect(await names('5678')).toEqual(['张伟']);
    expect((await names('1234')).sort()).toEqual(['张伟', '曾小贤'].sort());
    expect(await names('86001234')).toEqual(['曾小贤']);
    expect(await names('1390000')).toEqual(['欧阳娜娜']);
  });

  it('takes a unit code in every written form', async () => {
    for (const q of ['3-2-1101', '3栋2单元1101', '3#2-1101', '3幢2单元1101室', '３－２－１１０１']) expect(await names(q)).toEqual(['张伟']);
    expect((await names('12-1-2503')).sort()).toEqual(['单雄信', '曾小贤'].sort());
    expect((await names('5栋1单元302')).sort()).toEqual(['张伟强', '欧阳娜娜'].sort());
  });

  it('answers nothing for a query that matches nothing', async () => {
    expect(await names('qqqq')).toEqual([]);
  });

  it('finds the customers of every unit with a bare room number', async () => {
    expect(await names('1101')).toEqual(['李娜', '张伟']);
    expect(await names('302')).toEqual(['欧阳娜娜', '张伟强']);
    // A unit in full still comes first, alone among the unit matches.
    expect((await names('3-2-1101'))[0]).toBe('张伟');
  });

  it('finds a resident by entrance and room, as they say it: 2-1101, 2单元1101', async () => {
    for (const q of ['2-1101', '2单元1101', '2单元1101室', '２－１１０１']) expect(await names(q), q).toEqual(['张伟']);
    expect(await names('1-1101')).toEqual(['李娜']);
  });
});
