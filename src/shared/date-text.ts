import type { ImportantDate } from '../domain/dates';
import { t } from '../i18n';

/** An important date as people say it (农历 with 闰 where it is one), on screen and on paper. */
export function describeDate(d: ImportantDate): string {
  return d.calendar === 'lunar'
    ? t('date.lunarMonthDay', { month: d.month, day: d.day, leap: d.leap ? t('date.leap') : '' })
    : t('date.monthDay', { month: d.month, day: d.day });
}
