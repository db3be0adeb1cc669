/**
 * What every planner shares: the mapping's own problems, naming a too-long cell by its column, and
 * the collector that gathers report rows and their ops into the one command of a plan.
 */
import type { Op } from '../ops';
import type { Problem } from '../result';
import { MULTI_COLUMN, REQUIRED, type ImportKind, type Mapping } from './columns';
import type { ImportPlan, ReportRow, RowStatus } from './types';

/** A mapping staff cannot import with: no name (no unit code) column, or one field taken by two columns. */
export function mappingProblems(mapping: Mapping): Problem[] {
  const problems: Problem[] = [];
  const required = REQUIRED[mapping.kind];
  if (!mapping.columns.includes(required)) problems.push({ code: 'import.error.columnRequired', params: { field: required } });
  const seen = new Set<string>();
  for (const target of mapping.columns) {
    if (!target || MULTI_COLUMN.has(target)) continue;
    if (seen.has(target)) problems.push({ code: 'import.error.columnTwice', params: { field: target } });
    seen.add(target);
  }
  return problems;
}

/** A long paste of notes or a name over the limit: say which column, by the file's own header. */
export function nameColumns(problems: Problem[], mapping: Mapping, headers: string[]): Problem[] {
  return problems.map((p) => {
    if (p.code !== 'error.tooLong') return p;
    const column = mapping.columns.findIndex((t) => t === p.field);
    return { ...p, code: 'import.error.tooLong', params: { ...p.params, column: headers[column] || p.field || '' } };
  });
}

export function collector(kind: ImportKind, mapping: Mapping) {
  const rows: ReportRow[] = [];
  const ops: Op[] = [];
  const counts: Record<RowStatus, number> = { new: 0, existing: 0, error: 0 };
  const problems = mappingProblems(mapping);
  return {
    problems,
    ops,
    push(row: ReportRow, rowOps: readonly Op[] = []) {
      rows.push(row);
      counts[row.status]++;
      ops.push(...rowOps);
      return row;
    },
    finish(): ImportPlan {
      return { kind, rows, counts, problems, command: ops.length && !problems.length ? { shard: 'directory', ops } : null };
    },
  };
}
