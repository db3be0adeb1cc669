import type { IntakeInput } from '../requests/lifecycle';
import { categoriesFor, type Category, type ServiceSettings } from '../requests/settings';
import type { RequestKind } from '../requests/types';
import type { ResponseRow } from './records';
import { isSatisfied, type Survey, type Wave } from './survey';

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

/** The category a text is about: the first whose name or words it contains, among those that take `kind`. */
function categoryFor(text: string, categories: Category[]): Category | undefined {
  return categories.find((c) => text.includes(c.name) || (WORDS[c.id] ?? []).some((w) => text.includes(w)));
}

/**
 * What an unhappy survey answer becomes: a complaint (投诉) in the category the answer is about
 * — what the resident was unhappy with is a complaint, and counts as one in the figures — or a
 * suggestion (建议) when they were not unhappy and wrote what they would like. It is taken by
 * the survey channel (问卷) and names its survey, wave and answer, which also get its id back.
 */
export function requestFromAnswer(survey: Survey, wave: Wave, row: ResponseRow, settings: ServiceSettings, customer: { id: string; name: string } | null): IntakeInput {
  const lowQuestions = survey.questions.filter((q) => q.type === 'scale' && row.levels[q.id] && !isSatisfied(survey, row.levels[q.id]));
  const unhappy = lowQuestions.length > 0;
  const kind: RequestKind = unhappy ? 'complaint' : 'suggestion';
  const offered = categoriesFor(settings, kind);
  // What they wrote says what it is about before the questions they marked low do (总体服务 says little).
  const category = categoryFor(row.comment, offered) ?? categoryFor(lowQuestions.map((q) => q.text).join(' '), offered) ?? offered.find((c) => c.id === 'other') ?? offered[0];
  return {
    kind, category: category?.id ?? '', urgency: 'normal', channel: 'survey',
    description: `${survey.title}（${wave.label}）：${row.comment || lowQuestions.map((q) => q.text).join('、')}`,
    customerId: customer?.id ?? '', customerName: customer?.name ?? '', unitCode: row.unitCode, phone: '', location: '',
    source: { surveyId: survey.id, wave: wave.n, responseId: row.id },
  };
}
