import type { PinyinOf } from '../domain/customers/customer';

/**
 * pinyin-pro carries a large dictionary (~140 KiB gzipped), so it is not on the first screen:
 * it is loaded the first time a customer row must be projected. Surnames use their surname
 * readings (单 shàn, 曾 zēng, 解 xiè).
 */
let loaded: PinyinOf | null = null;
let loading: Promise<PinyinOf> | null = null;

export function pinyinOf(): PinyinOf | null {
  return loaded;
}

export function loadPinyin(): Promise<PinyinOf> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    loaded = (name: string) => {
      if (!/[\u3400-\u9fff]/.test(name)) return null;
      return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true }).filter(Boolean);
    };
    return loaded;
  });
  return loading;
}

/** The same library read as ordinary text (no surname readings), for standard answers' titles. */
let loadedText: PinyinOf | null = null;

export function textPinyinOf(): PinyinOf | null {
  return loadedText;
}

export async function loadTextPinyin(): Promise<PinyinOf> {
  await loadPinyin();
  const { pinyin } = await import('pinyin-pro');
  loadedText ??= (text: string) => {
    if (!/[\u3400-\u9fff]/.test(text)) return null;
    return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter(Boolean);
  };
  return loadedText;
}
