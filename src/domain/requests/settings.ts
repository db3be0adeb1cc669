import type { RequestKind } from './types';

/** A team that does the work: 工程组 / 环境组 / 护卫组 / 行政组. */
export interface Team {
  id: string;
  name: string;
}

/** Time limits in working hours: respond, finish, report back; urgent ones separately. */
export interface TimeLimits {
  respond: number;
  finish: number;
  reportBack: number;
}

export interface Category {
  id: string;
  name: string;
  kinds: RequestKind[];
  /** Dispatch rule: requests of this category go to this team. */
  teamId: string;
  normal: TimeLimits;
  urgent: TimeLimits;
}

/** The office's working time: days of week (0 = Sunday), hours, holidays and make-up days. */
export interface WorkCalendar {
  /** Minutes east of UTC of the office's clock (China: 480). */
  utcOffset: number;
  days: number[];
  start: string;
  end: string;
  /** YYYY-MM-DD dates with no work. */
  holidays: string[];
  /** YYYY-MM-DD weekend dates worked (调休). */
  workdays: string[];
  /** Urgent requests count the clock round the clock. */
  urgentRoundTheClock: boolean;
}

export interface ServiceSettings {
  teams: Team[];
  categories: Category[];
  calendar: WorkCalendar;
}

const limits = (respond: number, finish: number, reportBack: number): TimeLimits => ({ respond, finish, reportBack });

/** What a new office starts with; every office edits it in 设置 → 服务设置. */
export function defaultServiceSettings(): ServiceSettings {
  const teams: Team[] = [
    { id: 'engineering', name: '工程组' },
    { id: 'environment', name: '环境组' },
    { id: 'security', name: '护卫组' },
    { id: 'admin', name: '行政组' },
  ];
  const repair = (id: string, name: string, teamId: string, finish = 8): Category => ({
    id, name, kinds: ['repair'], teamId, normal: limits(1, finish, finish + 4), urgent: limits(0.5, 4, 6),
  });
  return {
    teams,
    categories: [
      repair('water-electric', '水电维修', 'engineering'),
      repair('doors-windows', '门窗五金', 'engineering', 16),
      repair('lift', '电梯', 'engineering', 4),
      repair('public-facilities', '公共设施', 'engineering', 16),
      repair('cleaning', '保洁', 'environment'),
      repair('greening', '绿化', 'environment', 24),
      { id: 'security-parking', name: '安全与停车', kinds: ['repair', 'complaint', 'inquiry', 'dispute'], teamId: 'security', normal: limits(1, 8, 8), urgent: limits(0.25, 2, 4) },
      { id: 'noise', name: '噪音扰民', kinds: ['complaint', 'dispute'], teamId: 'security', normal: limits(1, 8, 8), urgent: limits(0.5, 4, 4) },
      { id: 'service-attitude', name: '服务态度', kinds: ['complaint', 'praise', 'suggestion'], teamId: 'admin', normal: limits(2, 24, 8), urgent: limits(1, 8, 8) },
      { id: 'fees', name: '收费', kinds: ['complaint', 'inquiry', 'dispute'], teamId: 'admin', normal: limits(2, 24, 8), urgent: limits(1, 8, 8) },
      { id: 'other', name: '其他', kinds: ['repair', 'complaint', 'inquiry', 'suggestion', 'praise', 'dispute'], teamId: 'admin', normal: limits(2, 24, 8), urgent: limits(1, 8, 8) },
      ...reportAndServiceCategories(),
    ],
    calendar: { utcOffset: 480, days: [1, 2, 3, 4, 5, 6], start: '08:30', end: '17:30', holidays: [], workdays: [], urgentRoundTheClock: true },
  };
}

/**
 * 举报 and 服务申请 (issue 21) have categories and time limits of their own: a report of illegal
 * building work is checked the same day; a paid service is booked, so it is finished within days.
 */
export function reportAndServiceCategories(): Category[] {
  return [
    { id: 'report-building', name: '违章装修/搭建', kinds: ['report'], teamId: 'engineering', normal: limits(2, 8, 8), urgent: limits(0.5, 4, 4) },
    { id: 'report-parking', name: '违规停车/占道', kinds: ['report'], teamId: 'security', normal: limits(1, 4, 4), urgent: limits(0.25, 1, 2) },
    { id: 'report-other', name: '其他举报', kinds: ['report'], teamId: 'admin', normal: limits(2, 24, 8), urgent: limits(1, 8, 8) },
    { id: 'service-home', name: '有偿维修/家政', kinds: ['service'], teamId: 'engineering', normal: limits(4, 40, 48), urgent: limits(2, 16, 24) },
    { id: 'service-other', name: '其他服务申请', kinds: ['service'], teamId: 'admin', normal: limits(4, 40, 48), urgent: limits(2, 16, 24) },
  ];
}

/**
 * An office that saved its categories before 举报 and 服务申请 existed has none for them: it gets
 * the defaults for those two kinds until it saves categories that take them.
 */
function withNewKinds(categories: Category[]): Category[] {
  const missing = reportAndServiceCategories().filter((c) => !categories.some((x) => x.kinds.some((k) => c.kinds.includes(k))) && !categories.some((x) => x.id === c.id));
  return missing.length ? [...categories, ...missing] : categories;
}

export function categoryById(settings: ServiceSettings, id: string): Category | undefined {
  return settings.categories.find((c) => c.id === id);
}

export function categoriesFor(settings: ServiceSettings, kind: RequestKind): Category[] {
  return settings.categories.filter((c) => c.kinds.includes(kind));
}

/** Reads the office's service settings record, falling back to the defaults field by field. */
export function serviceSettingsFrom(record: Record<string, unknown> | null | undefined): ServiceSettings {
  const d = defaultServiceSettings();
  if (!record) return d;
  return {
    teams: Array.isArray(record.teams) && record.teams.length ? (record.teams as Team[]) : d.teams,
    categories: Array.isArray(record.categories) && record.categories.length ? withNewKinds(record.categories as Category[]) : d.categories,
    calendar: { ...d.calendar, ...((record.calendar as Partial<WorkCalendar>) ?? {}) },
  };
}
