/** Which steps a device needs: what its browser says it is. */
export type Platform = 'android' | 'ios' | 'windows' | 'other';
export const PLATFORMS: readonly Platform[] = ['android', 'ios', 'windows', 'other'];

export type SetupLang = 'zh-CN' | 'zh-TW' | 'en';

/**
 * iPadOS Safari says "Macintosh" by default (desktop-class browsing): a Mac is taken for an iPad
 * here, and the page's script corrects it to "other" on a screen without touch.
 */
export function detectPlatform(userAgent: string | undefined): Platform {
  const ua = userAgent ?? '';
  if (/Android/i.test(ua)) return 'android';
  if (/iPad|iPhone|iPod|Macintosh/.test(ua)) return 'ios';
  if (/Windows NT/.test(ua)) return 'windows';
  return 'other';
}

/** zh-CN unless the browser prefers traditional Chinese or English (first match wins). */
export function pickLanguage(acceptLanguage: string | undefined): SetupLang {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
