const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Mainland resident ID: 18 characters with a valid birth date and check digit (GB 11643). */
export function isValidIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === id[17];
}

export const normalizeIdNumber = (raw: string) => raw.trim().toUpperCase();

/** The birth year an ID number states, or the birthday's year; 0 if neither is known. */
export function birthYearOf(idNumber: string, birthdayYear?: number): number {
  const id = idNumber.trim();
  if (/^\d{17}[\dXx]$/.test(id)) {
    const y = Number(id.slice(6, 10));
    if (y >= 1900 && y <= 2100) return y;
  }
  return birthdayYear && birthdayYear >= 1900 ? birthdayYear : 0;
}
