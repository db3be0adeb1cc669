import { importSettingsFrom, type ImportSettings } from '../../domain/import/values';
import { serviceSettingsFrom, type ServiceSettings, type Team } from '../../domain/requests/settings';
import type { LinliDB, SettingsRow } from '../db';

/** The office's own record (its name, printed on every form). */
export function officeSettings(db: LinliDB): Promise<SettingsRow | undefined> {
  return db.settings.get('office');
}

export async function officeName(db: LinliDB): Promise<string> {
  return (await officeSettings(db))?.name ?? '';
}

/** Teams, categories with their dispatch rules and time limits, the working calendar. */
export async function serviceSettings(db: LinliDB): Promise<ServiceSettings> {
  return serviceSettingsFrom((await db.settings.get('service'))?.data);
}

export async function teams(db: LinliDB): Promise<Team[]> {
  return (await serviceSettings(db)).teams;
}

/** What the office's coded values mean in its spreadsheets, and whether bad optional fields refuse a row. */
export async function importSettingsOf(db: LinliDB): Promise<ImportSettings> {
  return importSettingsFrom((await db.settings.get('import'))?.data);
}
