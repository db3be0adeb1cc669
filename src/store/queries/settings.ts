import { serviceSettingsFrom, type ServiceSettings, type Team } from '../../domain/requests/settings';
import type { SettingsRow } from '../db';
import type { ReadonlyDB } from '../readonly-db';

/** The office's own record (its name, printed on every form). */
export function officeSettings(db: ReadonlyDB): Promise<SettingsRow | undefined> {
  return db.settings.get('office');
}

export async function officeName(db: ReadonlyDB): Promise<string> {
  return (await officeSettings(db))?.name ?? '';
}

/** Teams, categories with their dispatch rules and time limits, the working calendar. */
export async function serviceSettings(db: ReadonlyDB): Promise<ServiceSettings> {
  return serviceSettingsFrom((await db.settings.get('service'))?.data);
}

export async function teams(db: ReadonlyDB): Promise<Team[]> {
  return (await serviceSettings(db)).teams;
}
