/** Normalises a phone as staff type it: strips spaces, dashes and +86; keeps an extension. */
export function normalizePhone(raw: string): string {
  let s = raw.trim().replace(/[\s()（）]/g, '');
  s = s.replace(/^(\+?86)(?=1\d{10}$)/, '');
  return s;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SHORT_LOCAL = /^\d{7,8}$/;

/** Mainland mobile (11 digits), landline with area code, or a local 7–8 digit number. */
export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone) || SHORT_LOCAL.test(phone);
}
