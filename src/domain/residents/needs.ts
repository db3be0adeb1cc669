/**
 * Special needs (特殊需要) read from a customer's tags: who must be phoned rather than left to
 * the lobby board, and what the desk should know at intake (行动不便: the repairman goes up; 独居老人:
 * call back, do not wait for them to come down). Tags are free text the office types, in either
 * script, and older records write "独居" and "老人" as two tags — both spellings count.
 */
export type SpecialNeed = 'mobility' | 'elderlyAlone';
export const SPECIAL_NEEDS: SpecialNeed[] = ['mobility', 'elderlyAlone'];

/** The tag a need is written as when staff tick it (simplified; the traditional one is read too). */
export const NEED_TAG: Record<SpecialNeed, string> = { mobility: '行动不便', elderlyAlone: '独居老人' };

const MOBILITY = new Set(['行动不便', '行動不便']);
const ELDERLY_ALONE = new Set(['独居老人', '獨居老人']);
const ALONE = new Set(['独居', '獨居']);
const ELDERLY = new Set(['老人', '长者', '長者']);

/** The needs these tags say, in SPECIAL_NEEDS order. */
export function specialNeedsOf(tags: readonly string[]): SpecialNeed[] {
  const has = (set: Set<string>) => tags.some((t) => set.has(t.trim()));
  const needs: SpecialNeed[] = [];
  if (has(MOBILITY)) needs.push('mobility');
  if (has(ELDERLY_ALONE) || (has(ALONE) && has(ELDERLY))) needs.push('elderlyAlone');
  return needs;
}

export const hasNeed = (tags: readonly string[], need: SpecialNeed) => specialNeedsOf(tags).includes(need);
