import type { CommandContext } from '../actor';
import { newId } from '../ids';
import type { Command } from '../ops';
import { freezeSnapshot } from './report';
import { percent } from './stats';
import { DIRECTION, INDICATOR_IDS, statusOf, UNIT, type IndicatorId, type Status, type Targets } from './targets';

/**
 * 年度服务报告: the year's figures against the targets, month by month, beside the year before;
 * frozen as printed like the monthly report (stored in `reports` with `period` = the year), and a
 * version for owners (每年度向业主公布一次) that carries the published figures only.
 *
 * A year's figure is the months summed, not averaged: the numerators and denominators of the 12
 * months added, then the rate taken (so a busy month weighs what it weighed). Complaints per 100
 * households divide the year's complaints by the households at the year's end (households are a
 * stock, not a flow); escalated complaints are a count and add up.
 */
export interface MonthFigure {
  id: IndicatorId;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface YearFigure {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface AnnualFigure extends YearFigure {
  id: IndicatorId;
  target: number;
  status: Status;
  /** The 12 months' values, January first (null: nothing to count that month). */
  months: (number | null)[];
  lastYear: YearFigure | null;
}

export interface AnnualContent {
  period: string;
  kind: 'annual';
  figures: AnnualFigure[];
  /** Corrective and preventive actions raised in the year and those checked effective. */
  actions: { raised: number; closed: number };
}

export interface AnnualSnapshot extends AnnualContent {
  id: string;
  label: string;
  printedAt: string;
  printedByName: string;
}

/** The year's figure of one indicator from its 12 months (any months missing count as nothing). */
export function yearFigure(id: IndicatorId, months: readonly (MonthFigure | undefined)[]): YearFigure {
  const present = months.filter((m): m is MonthFigure => !!m);
  const numerator = present.reduce((s, m) => s + m.numerator, 0);
  if (UNIT[id] === 'per100') {
    const households = [...present].reverse().find((m) => m.denominator > 0)?.denominator ?? 0;
    return { numerator, denominator: households, value: households ? (numerator / households) * 100 : null };
  }
  const denominator = present.reduce((s, m) => s + m.denominator, 0);
  if (UNIT[id] === 'count') return { numerator, denominator, value: numerator };
  return { numerator, denominator, value: percent(numerator, denominator) };
}

/** `months` / `before`: each month's figures (12 arrays, January first), this year and the year before (empty if none). */
export function annualContent(year: string, months: readonly (readonly MonthFigure[])[], before: readonly (readonly MonthFigure[])[], targets: Targets, actions: AnnualContent['actions']): AnnualContent {
  const pick = (set: readonly (readonly MonthFigure[])[], id: IndicatorId) => set.map((m) => m.find((f) => f.id === id));
  const figures = INDICATOR_IDS.map((id): AnnualFigure => {
    const y = yearFigure(id, pick(months, id));
    const prev = before.length ? yearFigure(id, pick(before, id)) : null;
    return {
      id, ...y, target: targets[id].target, status: statusOf(y.value, targets[id], DIRECTION[id]),
      months: pick(months, id).map((m) => m?.value ?? null),
      lastYear: prev && prev.denominator + prev.numerator > 0 ? prev : null,
    };
  });
  return { period: year, kind: 'annual', figures, actions };
}

/**
 * What owners are shown: the figures and their targets, nothing else — no record, no name, no
 * unit, no request number (the monthly report's worst categories list request numbers; this has
 * none to leave out by construction: it is built from `AnnualContent`, which holds only counts).
 */
export interface OwnersFigure {
  id: IndicatorId;
  value: number | null;
  target: number;
  lastYear: number | null;
  met: boolean | null;
}

export function ownersVersion(c: AnnualContent): { period: string; figures: OwnersFigure[]; actions: AnnualContent['actions'] } {
  return {
    period: c.period,
    figures: c.figures.map((f) => ({ id: f.id, value: f.value, target: f.target, lastYear: f.lastYear?.value ?? null, met: f.status === 'none' ? null : f.status === 'green' })),
    actions: { ...c.actions },
  };
}

export const annualLabel = (year: string, deviceCode: string, n: number) => `AR-${year}-${deviceCode}-${n}`;

/** Freezes the annual report as printed, in the `reports` collection beside the months (its period is the year). */
export function freezeAnnual(content: AnnualContent, deviceCount: number, ctx: CommandContext, id = newId()): { id: string; label: string; command: Command } {
  return freezeSnapshot(content, annualLabel(content.period, ctx.actor.deviceCode, deviceCount + 1), ctx, id);
}

export function annualFromRecord(id: string, r: Record<string, unknown>): AnnualSnapshot {
  return {
    id, period: String(r.period ?? ''), kind: 'annual', label: String(r.label ?? ''), printedAt: String(r.printedAt ?? ''), printedByName: String(r.printedByName ?? ''),
    figures: Array.isArray(r.figures) ? (r.figures as AnnualFigure[]) : [],
    actions: (r.actions as AnnualContent['actions']) ?? { raised: 0, closed: 0 },
  };
}
