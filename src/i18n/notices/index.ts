import { addDictionaries } from '..';
import { noticesEn } from './en';
import { noticesZhCN } from './zh-CN';
import { noticesZhTW } from './zh-TW';

/** Imported by the pages that show notices, incidents and lists (and the intake, queues, 今日 and report that name them). */
addDictionaries({ 'zh-CN': noticesZhCN, 'zh-TW': noticesZhTW, en: noticesEn });
