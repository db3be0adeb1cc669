import { createSignal } from 'solid-js';
import { en } from './en';
import { zhCN, type DictKey, type Dictionary } from './zh-CN';
import { zhTW } from './zh-TW';

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'zh-CN', label: '简体中文' },
  { id: 'zh-TW', label: '繁體中文' },
  { id: 'en', label: 'English' },
];

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
const STORAGE_KEY = 'linli.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved && saved in DICTIONARIES ? (saved as Locale) : 'zh-CN';
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };

export function setLocale(next: Locale): void {
  setLocaleSignal(next);
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** Fills `{{ name }}` placeholders. Values are inserted as text, never as markup. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in params ? String(params[key]) : ''));
}

/** Reactive translation: re-evaluates when the locale changes. */
export function t(key: DictKey, params?: Record<string, string | number>): string {
  const dict = DICTIONARIES[locale()];
  return format(dict[key] ?? zhCN[key] ?? key, params);
}

/**
 * For problem codes coming from the domain (strings known only at run time). A parameter that
 * is itself a dictionary key (a status, a kind) is translated too.
 */
export function tCode(code: string, params?: Record<string, string | number>): string {
  if (!(code in zhCN)) return code;
  const translated = params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v in zhCN ? t(v as DictKey) : v]));
  return t(code as DictKey, translated);
}

export function formatDateTime(iso: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export type { DictKey };
