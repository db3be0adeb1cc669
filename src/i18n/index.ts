import { createSignal } from 'solid-js';
import { zhCN, type DictKey as BaseKey, type Dictionary } from './zh-CN';
import type { DashboardKey } from './dashboard/zh-CN';
import type { NoticesKey } from './notices/zh-CN';

/**
 * Every key: the first screen's dictionary plus the words of pages that bring their own (a
 * type-only import: those words ship with their pages, see `addDictionaries`).
 */
export type DictKey = BaseKey | DashboardKey | NoticesKey;

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'zh-CN', label: '简体中文' },
  { id: 'zh-TW', label: '繁體中文' },
  { id: 'en', label: 'English' },
];

/**
 * zh-CN, the default, ships with the first screen; zh-TW and English are their own chunks,
 * loaded when chosen (and precached by the service worker, so they load offline too).
 */
const DICTIONARIES: Partial<Record<Locale, Dictionary>> = { 'zh-CN': zhCN };
const LOADERS: Record<Locale, () => Promise<Dictionary>> = {
  'zh-CN': async () => zhCN,
  'zh-TW': () => import('./zh-TW').then((m) => m.zhTW),
  en: () => import('./en').then((m) => m.en),
};
const STORAGE_KEY = 'linli.locale';

function savedLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved && saved in LOADERS ? (saved as Locale) : 'zh-CN';
}

const [locale, setLocaleSignal] = createSignal<Locale>('zh-CN');
export { locale };

export async function setLocale(next: Locale): Promise<void> {
  DICTIONARIES[next] ??= await LOADERS[next]();
  setLocaleSignal(next);
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** Before the first render: the language this device chose last time. */
export async function initLocale(): Promise<void> {
  const saved = savedLocale();
  if (saved !== 'zh-CN') await setLocale(saved).catch(() => undefined);
}

/**
 * Words a page brings with it (its chunk imports them), for every language at once: looked up
 * after the language's own dictionary. Adding them before the page renders is enough, since
 * nothing shown before needed them.
 */
const EXTRA: Partial<Record<Locale, Partial<Record<DictKey, string>>>> = {};
export function addDictionaries(words: Record<Locale, Partial<Record<DictKey, string>>>): void {
  for (const l of Object.keys(words) as Locale[]) EXTRA[l] = { ...EXTRA[l], ...words[l] };
}
const known = (key: string) => key in zhCN || key in (EXTRA['zh-CN'] ?? {});

/** Fills `{{ name }}` placeholders. Values are inserted as text, never as markup. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in params ? String(params[key]) : ''));
}

/** Reactive translation: re-evaluates when the locale changes. */
export function t(key: DictKey, params?: Record<string, string | number>): string {
  const l = locale();
  const dict = (DICTIONARIES[l] ?? zhCN) as Partial<Record<DictKey, string>>;
  return format(dict[key] ?? EXTRA[l]?.[key] ?? (zhCN as Partial<Record<DictKey, string>>)[key] ?? EXTRA['zh-CN']?.[key] ?? key, params);
}

/**
 * For problem codes coming from the domain (strings known only at run time). A parameter that
 * is itself a dictionary key (a status, a kind) is translated too.
 */
export function tCode(code: string, params?: Record<string, string | number>): string {
  if (!known(code)) return code;
  const translated = params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && known(v) ? t(v as DictKey) : v]));
  return t(code as DictKey, translated);
}

/** One formatter per language (making one costs more than formatting: a queue shows 50 dates). */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
export function formatDateTime(iso: string): string {
  if (!iso) return '';
  const l = locale();
  let f = dateTimeFormats.get(l);
  if (!f) dateTimeFormats.set(l, (f = new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(new Date(iso));
}

