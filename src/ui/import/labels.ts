import type { ImportKind, Target } from '../../domain/import';
import type { Problem } from '../../domain/result';
import { t, tCode, type DictKey } from '../../i18n';

const TARGET_LABELS: Record<ImportKind, Partial<Record<Target, DictKey>>> = {
  customers: {
    name: 'field.name', phones: 'field.phones', unitCode: 'field.unitCode', building: 'import.target.building', entrance: 'import.target.entrance', unitRelation: 'field.unitRelation', idNumber: 'field.idNumber',
    kind: 'field.kind', gender: 'field.gender', wechat: 'field.wechat', email: 'field.email', address: 'field.address', employer: 'field.employer',
    occupation: 'field.occupation', tags: 'field.tags', grade: 'field.grade', birthday: 'date.birthday', notes: 'field.notes',
  },
  units: { code: 'units.code', building: 'import.target.building', entrance: 'import.target.entrance', area: 'field.unit.area', use: 'field.unit.use', status: 'field.unit.status' },
};

/** The name of a field as the forms call it. */
export const targetLabel = (kind: ImportKind, target: Target): string => {
  const key = TARGET_LABELS[kind][target];
  return key ? t(key) : target;
};

/** A problem in the user's words; mapping problems name the field as the forms do. */
export function describeProblem(kind: ImportKind, p: Problem): string {
  if (p.code === 'import.error.columnRequired' || p.code === 'import.error.columnTwice') {
    return tCode(p.code, { ...p.params, field: targetLabel(kind, String(p.params?.field ?? '') as Target) });
  }
  return tCode(p.code, p.params);
}

/** Today as 2026-11-23 in local time, for file names. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Hands bytes to the browser as a download. */
export function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
