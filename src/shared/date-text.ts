import type { ImportantDate } from '../domain/dates';
import { lunarDateText } from '../domain/templates/merge';
import { locale, t } from '../i18n';

/** 冬月初五, as the letters print it (農曆 wording in zh-TW); English keeps numbers. */
export function lunarText(month: number, day: number, leap: boolean): string {
  const text = lunarDateText(month, day, leap);
  return locale() === 'zh-TW' ? text.replace('腊', '臘').replace('闰', '閏') : text;
}

/** An important date as people say it (农历 with 闰 where it is one), on screen and on paper. */
export function describeDate(d: ImportantDate): string {
  return d.calendar === 'lunar'
    ? t('date.lunarMonthDay', { month: d.month, day: d.day, leap: d.leap ? t('date.leap') : '', text: lunarText(d.month, d.day, !!d.leap) })
    : t('date.monthDay', { month: d.month, day: d.day });
}
