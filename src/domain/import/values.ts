/**
 * Coded values, mapped once. The previous property system wrote 110 for 住宅 and 2001 for 自住;
 * an office's own list writes 已租 or 空房. For each choice column the page lists the distinct
 * values of the file with their counts; staff map each unknown one to one of Linli's options or
 * to "leave empty", and the office keeps that mapping for its next file.
 *
 * The mapping and the "refuse rows with a bad optional field" setting are office data: the
 * `settings/import` record of the office shard, one field per choice field (`values:use`), so
 * two colleagues mapping the use and the status columns at once both keep theirs.
 */
import type { CommandContext } from '../actor';
import { historyEntry, type FieldChange } from '../history';
import type { SheetRow } from './types';
import { CHOICE_FIELDS, choiceFieldOf, choiceOf, choicesOf, knownChoice, normalizeHeader, type ChoiceField, type Mapping, type ValueMap } from './columns';
import type { Command } from '../ops';

export interface ImportSettings {
  values: ValueMap;
  refuseBadOptional: boolean;
}

/** Distinct values a column may list for mapping: more than this is free text, not a code. */
export const MAX_DISTINCT = 60;
const MAX_KEY = 40;
const MAX_PER_FIELD = 500;

export interface ColumnValues {
  column: number;
  field: ChoiceField;
  /** Distinct cells (first spelling seen), most frequent first. */
  values: { key: string; value: string; count: number; known: string | null; choice: string | '' | null }[];
  /** More distinct values than listed. */
  more: boolean;
}

/** The values of every choice column of a sheet, and what each means now (null = unknown). */
export function distinctValues(rows: SheetRow[], mapping: Mapping): ColumnValues[] {
  const out: ColumnValues[] = [];
  mapping.columns.forEach((target, column) => {
    const field = choiceFieldOf(target);
    if (!field) return;
    const counts = new Map<string, { value: string; count: number }>();
    for (const row of rows) {
      const value = (row.cells[column] ?? '').trim();
      const key = normalizeHeader(value);
      if (!key) continue;
      const seen = counts.get(key);
      if (seen) seen.count++;
      else counts.set(key, { value, count: 1 });
    }
    const sorted = [...counts.entries()].sort((a, b) => b[1].count - a[1].count);
    out.push({
      column,
      field,
      values: sorted.slice(0, MAX_DISTINCT).map(([key, { value, count }]) => ({ key, value, count, known: knownChoice(field, value), choice: choiceOf(field, value, mapping.values) as string | '' | null })),
      more: sorted.length > MAX_DISTINCT,
    });
  });
  return out;
}

/** A mapping with one value set (choice '' = leave empty, null = forget it). */
export function withValue(values: ValueMap | undefined, field: ChoiceField, key: string, choice: string | null): ValueMap {
  const next: ValueMap = { ...values, [field]: { ...values?.[field] } };
  if (choice === null) delete next[field]![key];
  else next[field]![key] = choice;
  return next;
}

/** The office's import settings from its `settings/import` record (defaults when it has none). */
export function importSettingsFrom(data: Record<string, unknown> | undefined): ImportSettings {
  const values: ValueMap = {};
  for (const field of CHOICE_FIELDS) {
    const raw = data?.[`values:${field}`];
    if (raw && typeof raw === 'object') values[field] = cleanValues(field, raw as Record<string, unknown>);
  }
  return { values, refuseBadOptional: data?.refuseBadOptional === true };
}

function cleanValues(field: ChoiceField, raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, choice] of Object.entries(raw).slice(0, MAX_PER_FIELD)) {
    const k = normalizeHeader(key).slice(0, MAX_KEY);
    if (k && typeof choice === 'string' && (choice === '' || choicesOf(field).includes(choice))) out[k] = choice;
  }
  return out;
}

/**
 * Saves what staff mapped in this file (added to what the office had; a value mapped again
 * takes the new meaning) and the refuse setting. Only what changed is written; null when
 * nothing did.
 */
export function saveImportSettings(current: ImportSettings, next: Partial<ImportSettings>, ctx: CommandContext): Command | null {
  const fields: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  for (const field of CHOICE_FIELDS) {
    const added = next.values?.[field];
    if (!added) continue;
    const was = current.values[field] ?? {};
    const merged = cleanValues(field, { ...was, ...added });
    const changed = Object.keys(merged).filter((k) => was[k] !== merged[k]);
    if (!changed.length) continue;
    fields[`values:${field}`] = merged;
    changes.push({ field: `import.values.${field}`, to: changed.map((k) => `${k}→${merged[k] || '—'}`).join('，') });
  }
  if (next.refuseBadOptional !== undefined && next.refuseBadOptional !== current.refuseBadOptional) {
    fields.refuseBadOptional = next.refuseBadOptional;
    changes.push({ field: 'import.refuseBadOptional', from: String(current.refuseBadOptional), to: String(next.refuseBadOptional) });
  }
  if (!changes.length) return null;
  return {
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'import', upsert: true, fields: { ...fields, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'import', entry: historyEntry(ctx, 'history.updated', changes) },
    ],
  };
}

/** Only the values this file's columns hold: what is worth remembering from one import. */
export function valuesUsed(rows: SheetRow[], mapping: Mapping): ValueMap {
  const used: ValueMap = {};
  for (const col of distinctValues(rows, mapping)) {
    for (const v of col.values) {
      const mapped = mapping.values?.[col.field]?.[v.key];
      if (mapped !== undefined && mapped !== v.known) used[col.field] = { ...used[col.field], [v.key]: mapped };
    }
  }
  return used;
}
