import type { CommandContext } from '../actor';
import { historyEntry } from '../history';
import { newId } from '../ids';
import type { Command } from '../ops';
import { shardOfRecord } from '../shards';
import type { Status } from './targets';
import type { IndicatorId } from './targets';
import type { ReportRow } from './report-row';
import type { IncidentFigures } from '../incidents/report';
import type { OriginLine } from './origins';

export type { ReportRow };

/**
 * 月度服务报告: printing it freezes the figures as printed into a snapshot kept with the month,
 * so a signed copy can always be matched later, after records have changed. This is the one
 * place indicators are stored as numbers, on purpose. Each snapshot has a label made of the
 * month, this device's code and its own count (MR-2611-A-2): two tablets printing offline get
 * different labels, and a reprint of a snapshot names it.
 */
export interface ReportFigure {
  id: IndicatorId;
  numerator: number;
  denominator: number;
  value: number | null;
  target: number;
  status: Status;
}

export interface ReportTime {
  category: string;
  measure: 'respond' | 'finish';
  n: number;
  median: number | null;
  p90: number | null;
  limit: number | null;
  status: Status;
}

export interface ReportWorst {
  category: string;
  requests: number;
  numbers: string[];
}

export interface WaveFigures {
  targeted: number;
  answered: number;
  satisfied: number;
  answers: number;
}

export interface ReportSurvey extends WaveFigures {
  title: string;
  wave: number;
  /** The wave before, as a whole, to compare with (absent in snapshots printed before waves were compared). */
  previous?: (WaveFigures & { label: string }) | null;
}

export interface ReportContent {
  period: string;
  /** The filters the figures were computed under, as printed (filter key → its name then), e.g. { building: '3栋' }. */
  filters: Record<string, string>;
  figures: ReportFigure[];
  /** The 12-month trend of the headline figures, as printed. */
  trend: { month: string; values: Partial<Record<IndicatorId, number | null>> }[];
  times: ReportTime[];
  worst: ReportWorst[];
  surveys: ReportSurvey[];
  /** 突发事件 of the month (issue 20); absent in snapshots printed before incidents were counted. */
  incidents?: IncidentFigures;
  /** 投诉来源与有效性 (issue 21); absent in snapshots printed before it. */
  origins?: OriginLine[];
}

export interface ReportSnapshot extends ReportContent {
  id: string;
  label: string;
  printedAt: string;
  printedBy: string;
  printedByName: string;
}

export function reportLabel(period: string, deviceCode: string, n: number): string {
  return `MR-${period.slice(2, 4)}${period.slice(5, 7)}-${deviceCode}-${n}`;
}

/** `deviceCount`: snapshots of this month this device already made. */
export function freezeReport(content: ReportContent, deviceCount: number, ctx: CommandContext, id = newId()): { id: string; label: string; command: Command } {
  return freezeSnapshot(content, reportLabel(content.period, ctx.actor.deviceCode, deviceCount + 1), ctx, id);
}

/** A report (monthly or annual) frozen as printed: its content, label and printer, and one history line. */
export function freezeSnapshot(content: { period: string }, label: string, ctx: CommandContext, id: string): { id: string; label: string; command: Command } {
  return {
    id,
    label,
    command: {
      shard: shardOfRecord('reports', { record: content }),
      ops: [
        { kind: 'create', collection: 'reports', id, fields: { ...content, label, device: ctx.actor.deviceCode, printedAt: ctx.now, printedBy: ctx.actor.staffId, printedByName: ctx.actor.name } },
        { kind: 'log', collection: 'reports', id, entry: historyEntry(ctx, 'report.frozen', undefined, { label, period: content.period }) },
      ],
    },
  };
}

export function reportFromRecord(id: string, r: Record<string, unknown>): ReportSnapshot {
  const s = (k: string) => String(r[k] ?? '');
  const arr = <T>(k: string) => (Array.isArray(r[k]) ? (r[k] as T[]) : []);
  return {
    id, label: s('label'), period: s('period'), printedAt: s('printedAt'), printedBy: s('printedBy'), printedByName: s('printedByName'),
    filters: (r.filters as Record<string, string>) ?? {},
    figures: arr('figures'), trend: arr('trend'), times: arr('times'), worst: arr('worst'), surveys: arr('surveys'),
    // Incidents (issue 20)
    ...(r.incidents && typeof r.incidents === 'object' ? { incidents: r.incidents as IncidentFigures } : {}),
    ...(Array.isArray(r.origins) ? { origins: r.origins as OriginLine[] } : {}),
  };
}

export { projectReport } from './report-row';
