/**
 * Customer segments for the dashboard: type (业主, 租户…), age group and tags. The age comes from
 * the ID number's birth date (GB 11643, characters 7–14), or else the year of the recorded
 * birthday; the group is taken at a given date (the end of the period shown).
 */
export type AgeGroup = 'under18' | '18-39' | '40-59' | '60-79' | '80plus' | 'unknown';
export const AGE_GROUPS: AgeGroup[] = ['under18', '18-39', '40-59', '60-79', '80plus', 'unknown'];

export { birthYearOf } from '../id-number';

export function ageGroup(birthYear: number, atYear: number): AgeGroup {
  if (!birthYear) return 'unknown';
  const age = atYear - birthYear;
  if (age < 18) return 'under18';
  if (age < 40) return '18-39';
  if (age < 60) return '40-59';
  if (age < 80) return '60-79';
  return '80plus';
}

export interface SegmentCustomer {
  id: string;
  kind: string;
  tags: string[];
  birthYear: number;
}
