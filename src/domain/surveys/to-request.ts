import type { IntakeInput } from '../requests/lifecycle';
import { categoryAbout, categoryNamed } from '../requests/category-words';
import { categoriesFor, type ServiceSettings } from '../requests/settings';
import type { RequestKind } from '../requests/types';
import type { ResponseRow } from './records';
import { isSatisfied, type Survey, type Wave } from './survey';

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
  const category = categoryNamed(row.comment, offered) ?? categoryAbout(lowQuestions.map((q) => q.text).join(' '), offered);
  return {
    kind, category: category?.id ?? '', urgency: 'normal', channel: 'survey',
    description: `${survey.title}（${wave.label}）：${row.comment || lowQuestions.map((q) => q.text).join('、')}`,
    customerId: customer?.id ?? '', customerName: customer?.name ?? '', unitCode: row.unitCode, phone: '', location: '',
    source: { surveyId: survey.id, wave: wave.n, responseId: row.id },
  };
}
