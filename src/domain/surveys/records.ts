import type { Question, Survey, SurveyTarget, Wave } from './types';

/**
 * What the store's registry needs of surveys and their answers: records → projection rows. Kept
 * apart from the commands because the registry ships with the first screen.
 */
export const buildingOf = (unitCode: string) => (unitCode.includes('-') ? unitCode.split('-')[0] : '');

export const DEFAULT_SATISFIED_FROM: Record<5 | 7, number> = { 5: 4, 7: 5 };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function surveyFromRecord(id: string, r: Record<string, unknown>): Survey {
  const levels = r.levels === 7 ? 7 : 5;
  const from = typeof r.satisfiedFrom === 'number' ? r.satisfiedFrom : DEFAULT_SATISFIED_FROM[levels];
  return {
    id,
    title: str(r.title),
    intro: str(r.intro),
    levels,
    satisfiedFrom: Math.min(levels, Math.max(1, from)),
    questions: Array.isArray(r.questions) ? (r.questions as Question[]) : [],
    target: (r.target as SurveyTarget | undefined) ?? { kind: 'all' },
    waves: Array.isArray(r.waves) ? (r.waves as Wave[]) : [],
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
  };
}

/** The projection row: the survey is small, so the row carries all of it but its history. */
export type SurveyRow = Omit<Survey, never>;
export const projectSurvey = (id: string, r: Record<string, unknown>): SurveyRow => surveyFromRecord(id, r);


export type ResponseChannel = 'paper' | 'phone' | 'door';
export const RESPONSE_CHANNELS: ResponseChannel[] = ['paper', 'phone', 'door'];

export interface ResponseRow {
  id: string;
  surveyId: string;
  wave: number;
  unitCode: string;
  building: string;
  channel: ResponseChannel;
  at: string;
  by: string;
  /** Levels of the scale questions answered, by question id. */
  levels: Record<string, number>;
  /** The lowest level given and the comments, for the "unsatisfied with a comment" list. */
  lowest: number;
  comment: string;
  /** Set when an unsatisfied answer became a service request. */
  requestId: string;
}

export function projectResponse(id: string, r: Record<string, unknown>): ResponseRow {
  const levels: Record<string, number> = {};
  const texts: string[] = [];
  for (const [key, value] of Object.entries(r)) {
    if (!key.startsWith('a.')) continue;
    if (typeof value === 'number' && key.startsWith('a.') && r[`t.${key.slice(2)}`] === 'scale') levels[key.slice(2)] = value;
    if (typeof value === 'string' && value.trim()) texts.push(value.trim());
  }
  const values = Object.values(levels);
  const unitCode = String(r.unitCode ?? '');
  return {
    id,
    surveyId: String(r.surveyId ?? ''),
    wave: Number(r.wave ?? 1),
    unitCode,
    building: buildingOf(unitCode),
    channel: (RESPONSE_CHANNELS.includes(r.channel as ResponseChannel) ? r.channel : 'paper') as ResponseChannel,
    at: String(r.at ?? ''),
    by: String(r.by ?? ''),
    levels,
    lowest: values.length ? Math.min(...values) : 0,
    comment: texts.join(' / ').slice(0, 200),
    requestId: String(r.requestId ?? ''),
  };
}

