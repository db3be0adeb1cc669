import type { ChoiceField, ImportKind, Target } from '../../domain/import';
import type { Problem } from '../../domain/result';
import { t, tCode, type DictKey } from '../../i18n';

const TARGET_LABELS: Record<ImportKind, Partial<Record<Target, DictKey>>> = {
  customers: {
    name: 'field.name', phones: 'field.phones', unitCode: 'field.unitCode', building: 'import.target.building', entrance: 'import.target.entrance', unitRelation: 'field.unitRelation', idNumber: 'field.idNumber',
    kind: 'field.kind', gender: 'field.gender', wechat: 'field.wechat', email: 'field.email', address: 'field.address', employer: 'field.employer',
    occupation: 'field.occupation', tags: 'field.tags', grade: 'field.grade', birthday: 'date.birthday', notes: 'field.notes', floor: 'import.target.floor',
  },
  units: { code: 'units.code', building: 'import.target.building', entrance: 'import.target.entrance', floor: 'import.target.floor', area: 'field.unit.area', use: 'field.unit.use', status: 'field.unit.status' },
  household: {
    unitCode: 'field.unitCode', building: 'import.target.building', entrance: 'import.target.entrance', floor: 'import.target.floor', area: 'field.unit.area', use: 'field.unit.use',
    status: 'field.unit.status', name: 'field.name', phones: 'field.phones', idNumber: 'field.idNumber', kind: 'import.target.personKind', householdRelation: 'import.target.householdRelation',
    gender: 'field.gender', moveIn: 'import.target.moveIn', leaseFrom: 'import.target.leaseFrom', leaseTo: 'import.target.leaseTo', wechat: 'field.wechat', email: 'field.email',
    address: 'field.address', employer: 'field.employer', occupation: 'field.occupation', tags: 'field.tags', grade: 'field.grade', birthday: 'date.birthday', notes: 'field.notes',
  },
};

/** The i18n prefix of each choice field's options (use → use.residential). */
const CHOICE_PREFIX: Record<ChoiceField, string> = {
  kind: 'kind', gender: 'gender', grade: 'grade', unitRelation: 'relation', householdRelation: 'household', use: 'use', status: 'status',
};

/** An option of a choice field as the forms call it (residential → 住宅). */
export const choiceLabel = (field: ChoiceField, choice: string): string => t(`${CHOICE_PREFIX[field]}.${choice}` as DictKey);

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
