import type { CommandContext } from '../actor';
import type { HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { saveOfficeRecord, type OfficeRecordKind } from '../office-record';
import { fail, type Result } from '../result';
import { checkFilter, filterFromRecord, filterRows, isEmptyFilter, type ResidentFilter, type ResidentRow } from './filter';

/**
 * A list saved by name (e.g. 3栋独居老人): an office record holding the FILTER, not the people, so
 * it follows the directory — a newcomer tagged 独居老人 is on the list the next time a notice uses
 * it, and someone who moved out is not. Notices, plans and surveys name the list by id.
 */
export interface ResidentList {
  id: string;
  name: string;
  filter: ResidentFilter;
  history: HistoryEntry[];
}

export interface ResidentListInput {
  name: string;
  filter: ResidentFilter;
}

export interface ResidentListRow {
  id: string;
  name: string;
  filter: ResidentFilter;
}

const LISTS: OfficeRecordKind<ResidentListInput> = { collection: 'residentLists', fields: ['name', 'filter'], label: (f) => `residents.${f}`, show: (v) => (typeof v === 'string' ? v : '…') };

/** Saves a list; the name must be given and not be another list's (lists are chosen by name). */
export function saveResidentList(
  current: ResidentList | null, input: ResidentListInput, ctx: CommandContext, facts: { otherNames: string[] }, id = newId(),
): Result<{ id: string; command: Command | null }> {
  const name = input.name.trim();
  if (!name) return fail({ code: 'residents.error.nameRequired', field: 'name' });
  if (name.length > LIMITS.name) return fail({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.name } });
  if (facts.otherNames.some((n) => n.trim() === name)) return fail({ code: 'residents.error.nameTaken', field: 'name', params: { name } });
  if (isEmptyFilter(input.filter)) return fail({ code: 'residents.error.emptyFilter' });
  const filter = checkFilter(input.filter);
  if (!filter.ok) return filter;
  return saveOfficeRecord(LISTS, current, { name, filter: filter.value }, ctx, id);
}

/**
 * The people a saved list holds now: its filter over the directory as it is. THE resolver of a
 * list — notices' audiences, plans' tasks and surveys' households all go through it, so one list
 * means the same people everywhere. A list this tablet does not hold (null) holds nobody: a plan
 * or survey aimed at it reaches no one rather than everyone.
 */
export function membersOfList<R extends ResidentRow>(list: ResidentFilter | null, rows: readonly R[], year: number): R[] {
  return list ? filterRows(rows, list, year) : [];
}

export function residentListFromRecord(id: string, r: Record<string, unknown>): ResidentList {
  return { id, name: String(r.name ?? ''), filter: filterFromRecord(r.filter), history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [] };
}

export function projectResidentList(id: string, r: Record<string, unknown>): ResidentListRow {
  const l = residentListFromRecord(id, r);
  return { id, name: l.name, filter: l.filter };
}
