/**
 * The office's targets (指标目标), an office setting a manager edits. Defaults are the figures
 * such offices publish: satisfaction ≥ 90 %, every closed complaint followed up, rework ≤ 2 %.
 * `amber` is how far from the target a figure may be and still be "nearly there" (amber, not red).
 */
export type IndicatorId =
  | 'satisfaction'
  | 'satisfactionFollowUps'
  | 'satisfactionSurveys'
  | 'complaintFollowUp'
  | 'rework'
  | 'onTimeRespond'
  | 'onTimeFinish'
  | 'complaintsPer100'
  | 'escalated'
  // Origin and validity (issue 21)
  | 'validViaAuthorities'
  | 'validViaCompanyPer100';

export const INDICATOR_IDS: IndicatorId[] = [
  'satisfaction', 'satisfactionFollowUps', 'satisfactionSurveys', 'complaintFollowUp', 'rework',
  'onTimeRespond', 'onTimeFinish', 'complaintsPer100', 'escalated',
  'validViaAuthorities', 'validViaCompanyPer100',
];

export type Direction = 'higher' | 'lower';
export type IndicatorUnit = 'percent' | 'per100' | 'count' | 'hours';

export interface TargetSpec {
  target: number;
  amber: number;
}

export type Targets = Record<IndicatorId, TargetSpec>;

export const DIRECTION: Record<IndicatorId, Direction> = {
  satisfaction: 'higher', satisfactionFollowUps: 'higher', satisfactionSurveys: 'higher', complaintFollowUp: 'higher',
  rework: 'lower', onTimeRespond: 'higher', onTimeFinish: 'higher', complaintsPer100: 'lower', escalated: 'lower',
  validViaAuthorities: 'lower', validViaCompanyPer100: 'lower',
};

export const UNIT: Record<IndicatorId, IndicatorUnit> = {
  satisfaction: 'percent', satisfactionFollowUps: 'percent', satisfactionSurveys: 'percent', complaintFollowUp: 'percent',
  rework: 'percent', onTimeRespond: 'percent', onTimeFinish: 'percent', complaintsPer100: 'per100', escalated: 'count',
  validViaAuthorities: 'count', validViaCompanyPer100: 'per100',
};

export function defaultTargets(): Targets {
  return {
    satisfaction: { target: 90, amber: 5 },
    satisfactionFollowUps: { target: 90, amber: 5 },
    satisfactionSurveys: { target: 90, amber: 5 },
    complaintFollowUp: { target: 100, amber: 5 },
    rework: { target: 2, amber: 1 },
    onTimeRespond: { target: 95, amber: 5 },
    onTimeFinish: { target: 95, amber: 5 },
    complaintsPer100: { target: 1, amber: 0.5 },
    escalated: { target: 0, amber: 0 },
    // "向政府物业主管部门有效投诉为零；向物业公司主管部门有效投诉…2%" (of households).
    validViaAuthorities: { target: 0, amber: 0 },
    validViaCompanyPer100: { target: 2, amber: 0.5 },
  };
}

/** The office's targets from its settings record (missing or bad entries keep their defaults). */
export function targetsFrom(record: Record<string, unknown> | null | undefined): Targets {
  const out = defaultTargets();
  const stored = (record?.targets ?? {}) as Record<string, Partial<TargetSpec>>;
  for (const id of INDICATOR_IDS) {
    const s = stored[id];
    if (s && typeof s.target === 'number' && Number.isFinite(s.target)) out[id].target = s.target;
    if (s && typeof s.amber === 'number' && Number.isFinite(s.amber) && s.amber >= 0) out[id].amber = s.amber;
  }
  return out;
}

export type Status = 'green' | 'amber' | 'red' | 'none';

/** Red / amber / green against the target; 'none' when the period has nothing to measure. */
export function statusOf(value: number | null, spec: TargetSpec, direction: Direction): Status {
  if (value === null) return 'none';
  const eps = 1e-9;
  if (direction === 'higher') {
    if (value >= spec.target - eps) return 'green';
    return value >= spec.target - spec.amber - eps ? 'amber' : 'red';
  }
  if (value <= spec.target + eps) return 'green';
  return value <= spec.target + spec.amber + eps ? 'amber' : 'red';
}
