import type { PlanRow } from '../../domain/plans/plan';
import type { ReadonlyDB } from '../readonly-db';

/** The office's contact plans by name. */
export function listPlans(db: ReadonlyDB): Promise<PlanRow[]> {
  return db.plans.orderBy('name').toArray();
}
