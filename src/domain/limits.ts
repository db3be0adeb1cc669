/** Bounds on what staff can type or paste, so one careless paste cannot swamp every tablet. */
export const LIMITS = {
  name: 60,
  note: 20_000,
  phones: 5,
  shortText: 200,
  /**
   * A one-line field that may hold a few sentences: a step's note or reason, a pasted link. The
   * input stops there; the commands behind these fields accept up to `note`, so a longer text
   * from another path (an import, an older form) is never refused.
   */
  longText: 2000,
} as const;
