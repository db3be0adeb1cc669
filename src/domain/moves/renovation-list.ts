import type { Day } from '../days';
import { unitParts } from '../units/unit';
import { renovationsToday } from './renovation';
import { RENOVATION_STATUSES, type RenovationRow, type RenovationStatus } from './types';

/**
 * 装修一览: every renovation of the estate with where it stands. A stage is the status as the
 * domain names it (待提交, 待审批, 施工中, 已驳回, 已验收) and, after acceptance, 押金已退 once the
 * deposit's refund is noted — what the office asks of the register ("whose deposit is still held?").
 */
export type RenovationStage = RenovationStatus | 'refunded';
export const RENOVATION_STAGES: RenovationStage[] = [...RENOVATION_STATUSES, 'refunded'];

export const stageOf = (r: Pick<RenovationRow, 'status' | 'refunded'>): RenovationStage => (r.status === 'accepted' && r.refunded ? 'refunded' : r.status);

export const buildingOfRenovation = (r: Pick<RenovationRow, 'unitCode'>) => (r.unitCode ? unitParts(r.unitCode).building : '');

/** A stage and a building, '' for any (one of each: the register is read one question at a time). */
export interface RenovationFilter {
  stage: RenovationStage | '';
  building: string;
}

export const matchesRenovation = (r: RenovationRow, f: RenovationFilter) =>
  (!f.stage || stageOf(r) === f.stage) && (!f.building || buildingOfRenovation(r) === f.building);

/**
 * What to look at on a row, by the same rule as 今日 (`renovationsToday`): an inspection due on
 * or before today, works ending within the notice.
 */
export function renovationFlags(r: RenovationRow, today: Day): { inspectionDue: boolean; endingSoon: boolean } {
  const { inspections, ending } = renovationsToday([r], today);
  return { inspectionDue: inspections.length > 0, endingSoon: ending.length > 0 };
}

/** Waiting for approval first, then the works running, then what is being prepared, then the rest; newest first within. */
export function renovationOrder(a: RenovationRow, b: RenovationRow): number {
  const rank = (r: RenovationRow) => (r.status === 'submitted' ? 0 : r.status === 'approved' ? 1 : r.status === 'plan' || r.status === 'rejected' ? 2 : stageOf(r) === 'accepted' ? 3 : 4);
  return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt);
}
