import { logContact as logCommand, type ContactChannel } from '../domain/customers/contact';
import { mergeTemplate, mergeValues } from '../domain/templates/merge';
import { saveTemplate as saveCommand, templateFromRecord, type Template, type TemplateInput, type TemplateRow } from '../domain/templates/template';
import { officeDay } from '../domain/requests/work-time';
import { fail, ok, type Result } from '../domain/result';
import { readCustomer } from './customers';
import type { Office } from './office-api';
import { serviceSettings } from './queries/settings';

export async function readTemplate(office: Office, id: string): Promise<Template | null> {
  const r = await office.read('office', 'templates', id);
  return r ? templateFromRecord(id, r) : null;
}

export async function saveTemplate(office: Office, id: string | null, input: TemplateInput): Promise<Result<string>> {
  await office.load('office');
  const current = id ? await readTemplate(office, id) : null;
  if (id && !current) return fail({ code: 'error.notFound' });
  const made = saveCommand(current, input, office.context());
  if (!made.ok) return made;
  if (!made.value.command) return ok(made.value.id);
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export interface MergedLetter {
  customerId: string;
  customerName: string;
  unitCode: string;
  text: string;
}

/** A template filled for each customer (the office's day as the date; this device's staff as 经办人). */
export async function mergeFor(office: Office, templateId: string, customerIds: string[]): Promise<Result<{ template: TemplateRow; letters: MergedLetter[]; date: string }>> {
  const template = await office.db.templates.get(templateId);
  if (!template) return fail({ code: 'error.notFound' });
  const [settings, officeRow] = await Promise.all([serviceSettings(office.db), office.db.settings.get('office')]);
  const date = officeDay(new Date(), settings.calendar);
  const letters: MergedLetter[] = [];
  for (const id of customerIds) {
    const c = await readCustomer(office, id);
    if (!c) continue;
    const values = mergeValues({ customer: c, officeName: officeRow?.name || office.config.officeName, staffName: office.config.staffName ?? '', date });
    letters.push({ customerId: c.id, customerName: c.name, unitCode: c.unitCode, text: mergeTemplate(template.body, values) });
  }
  return ok({ template, letters, date });
}

/** Each use of a template (a letter printed, a message copied) goes into the customer's contact log. */
export async function logTemplateUse(office: Office, template: Pick<TemplateRow, 'name' | 'version' | 'kind'>, letter: Pick<MergedLetter, 'customerId' | 'unitCode'>, summary: string): Promise<Result<void>> {
  const channel: ContactChannel = template.kind === 'message' ? 'wechat' : 'letter';
  const made = logCommand({ customerId: letter.customerId, unitCode: letter.unitCode, channel, summary }, office.context());
  if (!made.ok) return made;
  return office.run(made.value.command);
}
