/**
 * The smallest single splice that turns `from` into `to`: keep the common prefix and suffix,
 * replace what lies between. Applied to a Y.Text, two people typing in different places of the
 * same note both keep their words.
 */
export interface Splice {
  index: number;
  remove: number;
  insert: string;
}

export function spliceBetween(from: string, to: string): Splice | null {
  if (from === to) return null;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  return { index: start, remove: endFrom - start, insert: to.slice(start, endTo) };
}
