import { addDictionaries } from '..';
import { dashboardEn } from './en';
import { dashboardZhCN } from './zh-CN';
import { dashboardZhTW } from './zh-TW';

/**
 * Imported by the pages of 统计, 问卷 and the printed report: their words join the dictionaries
 * when the first of those pages loads, so the first screen does not carry them.
 */
addDictionaries({ 'zh-CN': dashboardZhCN, 'zh-TW': dashboardZhTW, en: dashboardEn });
