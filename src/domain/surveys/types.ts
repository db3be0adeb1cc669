/**
 * 问卷调查: a questionnaire the office sends to its households, on paper first. A scale
 * question has 5 or 7 levels (1 = worst); its labels are the office's words, and `satisfiedFrom`
 * says from which level an answer counts as "satisfied" — per survey, so a 7-level survey can
 * count 5, 6, 7 while a 5-level one counts 4, 5.
 */
export type QuestionType = 'scale' | 'single' | 'multiple' | 'text';
export const QUESTION_TYPES: QuestionType[] = ['scale', 'single', 'multiple', 'text'];

export interface Question {
  id: string;
  type: QuestionType;
  text: string;
  /** scale: one label per level, worst first; single/multiple: the choices. */
  options: string[];
}

export type SurveyTarget =
  | { kind: 'all' }
  | { kind: 'building'; buildings: string[] }
  | { kind: 'type'; customerKinds: string[] }
  | { kind: 'tag'; tags: string[] }
  // A saved list (住户名单, issue 20): the households of its members; its name as it was when chosen.
  | { kind: 'list'; listId: string; listName: string };

/** A wave: the same questionnaire sent again (next quarter), compared with the last. */
export interface Wave {
  n: number;
  label: string;
  /** YYYY-MM-DD the wave opens; its responses live in that year's ledger. */
  start: string;
}

export interface Survey {
  id: string;
  title: string;
  intro: string;
  levels: 5 | 7;
  satisfiedFrom: number;
  questions: Question[];
  target: SurveyTarget;
  waves: Wave[];
  createdAt: string;
  createdBy: string;
}
