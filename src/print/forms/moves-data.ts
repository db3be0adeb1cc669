import { picturesOf, type PictureRef } from '../../domain/attachments/picture';
import { handoverFromRecord, handoverShard } from '../../domain/moves/handover';
import type { Handover, Renovation } from '../../domain/moves/types';
import { readRenovation } from '../../store/moves';
import type { Office } from '../../store/office-api';
import { handoverRow } from '../../store/queries/moves';

/** A handover as its printed form needs it (the record: documents, keys, readings, defects and their photos). */
export async function loadHandover(office: Office, id: string): Promise<PrintedHandover | null> {
  const row = await handoverRow(office.db, id);
  if (!row) return null;
  const r = await office.read(handoverShard(row), 'handovers', id);
  if (!r) return null;
  const h = handoverFromRecord(id, r);
  // The defects' photos in the order of the defects (a photo whose defect is unknown goes last).
  const at = (p: PictureRef) => { const i = h.defects.findIndex((d) => d.requestId === p.item); return i < 0 ? h.defects.length : i; };
  return { ...h, pictures: picturesOf(r).filter((p) => p.kind === 'photo').sort((a, b) => at(a) - at(b)) };
}

export type PrintedHandover = Handover & { pictures: PictureRef[] };

export const loadRenovation = (office: Office, id: string): Promise<Renovation | null> => readRenovation(office, id);
