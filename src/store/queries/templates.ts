import type { TemplateRow } from '../../domain/templates/template';
import type { ReadonlyDB } from '../readonly-db';

/** The office's templates by name. */
export function listTemplates(db: ReadonlyDB): Promise<TemplateRow[]> {
  return db.templates.orderBy('name').toArray();
}
