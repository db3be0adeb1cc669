import { importSettingsFrom, type ImportSettings } from '../../domain/import/values';
import type { ReadonlyDB } from '../readonly-db';

/**
 * What the office's coded values mean in its spreadsheets, and whether bad optional fields refuse
 * a row. Its own file, not queries/settings.ts: the app bar reads that one on the first screen,
 * and the import's column words (domain/import) are not part of the first load.
 */
export async function importSettingsOf(db: ReadonlyDB): Promise<ImportSettings> {
  return importSettingsFrom((await db.settings.get('import'))?.data);
}
