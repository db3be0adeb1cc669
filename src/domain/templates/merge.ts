import type { ImportantDate } from '../dates';
import type { Gender } from '../customers/types';
import { MERGE_FIELDS, type MergeField } from './template';

export type MergeValues = Record<MergeField, string>;

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '夏侯', '令狐', '宇文', '司徒', '端木', '南宫'];

/** 张伟 → 张, 欧阳娜娜 → 欧阳; a name in Latin letters is kept whole. */
export function surnameOf(name: string): string {
  const n = name.trim();
  if (!/^[\u3400-\u9fff]/.test(n)) return n;
  return COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length) ?? n.slice(0, 1);
}

/** 称呼: the surname with 先生 / 女士 from the recorded gender; the full name when none is recorded. */
export function salutationOf(name: string, gender: Gender): string {
  if (gender === 'male') return `${surnameOf(name)}先生`;
  if (gender === 'female') return `${surnameOf(name)}女士`;
  return name.trim();
}

const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 农历 8/15 → 八月十五, 闰六月初八, 腊月廿九, 正月三十. */
export function lunarDateText(month: number, day: number, leap = false): string {
  const d = day <= 10 ? `初${DIGITS[day]}` : day < 20 ? `十${DIGITS[day - 10]}` : day === 20 ? '二十' : day < 30 ? `廿${DIGITS[day - 20]}` : '三十';
  return `${leap ? '闰' : ''}${MONTHS[month - 1]}月${d}`;
}

export interface MergeFacts {
  customer: { name: string; gender: Gender; unitCode: string; dates: ImportantDate[] };
  officeName: string;
  staffName: string;
  /** The date printed (YYYY-MM-DD, the office's day). */
  date: string;
}

/** 2026-11-23 → 2026年11月23日 */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function mergeValues(f: MergeFacts): MergeValues {
  const lunarBirthday = f.customer.dates.find((d) => d.kind === 'birthday' && d.calendar === 'lunar');
  return {
    客户姓名: f.customer.name,
    称呼: salutationOf(f.customer.name, f.customer.gender),
    房号: f.customer.unitCode,
    日期: chineseDate(f.date),
    农历生日: lunarBirthday ? `农历${lunarDateText(lunarBirthday.month, lunarBirthday.day, lunarBirthday.leap)}` : '',
    管理处: f.officeName,
    经办人: f.staffName,
  };
}

/**
 * Fills a body's {{字段}} in ONE pass: a value is inserted as it is and never read again, so a
 * customer named "{{管理处}}" or "<b>x</b>" prints exactly that — markup stays inert text (the
 * screens and the print view render the result as text, never as HTML). Unknown fields (refused
 * when the template was saved, but an old replica may hold one) are left as written.
 */
export function mergeTemplate(body: string, values: MergeValues): string {
  return body.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, field: string) =>
    (MERGE_FIELDS as readonly string[]).includes(field) ? values[field as MergeField] : whole,
  );
}
