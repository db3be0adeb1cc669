import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import type { HistoryEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { saveOfficeRecord, type OfficeRecordKind } from '../office-record';
import { fail, ok, type Problem, type Result } from '../result';

/** 信函 (printed on A4), 通知 (printed, posted), 短信/微信 (copied, sent from the staff's own phone). */
export type TemplateKind = 'letter' | 'notice' | 'message';
export const TEMPLATE_KINDS: TemplateKind[] = ['letter', 'notice', 'message'];

/** The merge fields a template may use, written {{字段}} in its body. */
export const MERGE_FIELDS = ['客户姓名', '称呼', '房号', '日期', '农历生日', '管理处', '经办人'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface Template {
  id: string;
  kind: TemplateKind;
  name: string;
  body: string;
  /** Bumped on every saved change of name or body: a printed letter names the version it used. */
  version: number;
  updatedAt: string;
  history: HistoryEntry[];
}

export interface TemplateInput {
  kind: TemplateKind;
  name: string;
  body: string;
}

export interface TemplateRow {
  id: string;
  kind: TemplateKind;
  name: string;
  body: string;
  version: number;
}

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The fields a body names, in order of first use. */
export function fieldsIn(body: string): string[] {
  return [...new Set([...body.matchAll(FIELD)].map((m) => m[1]))];
}

export function checkTemplate(input: TemplateInput): Result<TemplateInput> {
  const name = input.name.trim();
  const body = input.body.replace(/\r\n/g, '\n');
  const problems: Problem[] = [];
  if (!TEMPLATE_KINDS.includes(input.kind)) problems.push({ code: 'template.error.kind', field: 'kind' });
  if (!name) problems.push({ code: 'template.error.nameRequired', field: 'name' });
  if (name.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'name', params: { max: LIMITS.name } });
  if (!body.trim()) problems.push({ code: 'template.error.bodyRequired', field: 'body' });
  if (body.length > LIMITS.note) problems.push({ code: 'error.tooLong', field: 'body', params: { max: LIMITS.note } });
  for (const field of fieldsIn(body)) {
    if (!(MERGE_FIELDS as readonly string[]).includes(field)) problems.push({ code: 'template.error.unknownField', field: 'body', params: { field, known: MERGE_FIELDS.join('、') } });
  }
  return problems.length ? fail(...problems) : ok({ kind: input.kind, name, body });
}

/** Every change of a template is its next version: a letter printed names the version it came from. */
const TEMPLATES: OfficeRecordKind<TemplateInput> = { collection: 'templates', fields: ['kind', 'name', 'body'], versionOn: 'all' };

/** Creates a template, or saves a changed one as its next version (history names what changed). */
export function saveTemplate(current: Template | null, input: TemplateInput, ctx: CommandContext, id = newId()): Result<{ id: string; command: Command | null }> {
  const checked = checkTemplate(input);
  return checked.ok ? saveOfficeRecord(TEMPLATES, current, checked.value, ctx, id) : checked;
}

export function templateFromRecord(id: string, r: Record<string, unknown>): Template {
  return {
    id,
    kind: TEMPLATE_KINDS.includes(r.kind as TemplateKind) ? (r.kind as TemplateKind) : 'letter',
    name: String(r.name ?? ''),
    body: String(r.body ?? ''),
    version: Number(r.version ?? 1) || 1,
    updatedAt: String(r.updatedAt ?? ''),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectTemplate(id: string, r: Record<string, unknown>): TemplateRow {
  const t = templateFromRecord(id, r);
  return { id, kind: t.kind, name: t.name, body: t.body, version: t.version };
}
