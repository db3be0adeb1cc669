/** A failure a person can act on: an i18n key plus the values its message needs. */
export interface Problem {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });
