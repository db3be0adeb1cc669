import type { Category } from './settings';

/**
 * Words residents use for what a category covers, beyond the category's own name: a comment
 * "电梯老是停" or a low mark on the question 电梯运行 points at 电梯. Matched against the office's
 * categories by id, so a renamed category keeps its words; the office's own names match too.
 */
const WORDS: Record<string, string[]> = {
  lift: ['电梯', '電梯', '升降梯'],
  'water-electric': ['漏水', '停水', '停电', '水管', '电路', '跳闸', '水压'],
  'doors-windows': ['门禁', '窗', '门锁', '单元门'],
  'public-facilities': ['路灯', '楼道灯', '灯', '设施', '健身器材', '信箱'],
  cleaning: ['保洁', '卫生', '垃圾', '清洁', '打扫'],
  greening: ['绿化', '草坪', '树木', '修剪'],
  'security-parking': ['停车', '车位', '保安', '门岗', '巡逻', '安全'],
  noise: ['噪音', '吵', '装修声'],
  fees: ['收费', '物业费', '费用', '账单'],
  'service-attitude': ['态度', '客服', '不理'],
};

/**
 * The category a text is about, among those offered (the ones that take the request's kind): the
 * first whose name or words the text contains, else 其他, else the first offered. One rule for a
 * survey answer and a seminar remark, so both land in the queue of the team that handles them.
 */
export function categoryAbout(text: string, offered: readonly Category[]): Category | undefined {
  return categoryNamed(text, offered) ?? offered.find((c) => c.id === 'other') ?? offered[0];
}

/** The first offered category whose name or words the text contains, or none. */
export function categoryNamed(text: string, offered: readonly Category[]): Category | undefined {
  return text ? offered.find((c) => text.includes(c.name) || (WORDS[c.id] ?? []).some((w) => text.includes(w))) : undefined;
}
