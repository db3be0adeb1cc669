import { handoverFromRecord, handoverShard } from '../../domain/moves/handover';
import type { Handover, Renovation } from '../../domain/moves/types';
import { readRenovation } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { handoverRow } from '../../store/queries/moves';

/** A handover as its printed form needs it (the record: documents, keys, readings, defects). */
export async function loadHandover(office: Office, id: string): Promise<Handover | null> {
  const row = await handoverRow(office.db, id);
  if (!row) return null;
  const r = await office.read(handoverShard(row), 'handovers', id);
  return r ? handoverFromRecord(id, r) : null;
}

export const loadRenovation = (office: Office, id: string): Promise<Renovation | null> => readRenovation(office, id);
