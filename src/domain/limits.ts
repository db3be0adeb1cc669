/** Bounds on what staff can type or paste, so one careless paste cannot swamp every tablet. */
export const LIMITS = {
  name: 60,
  note: 20_000,
  phones: 5,
  shortText: 200,
} as const;
