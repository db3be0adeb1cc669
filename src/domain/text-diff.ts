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

/**
 * The person's splice (from `base`, the text they saw, to `value`) moved onto `current`, the text
 * as it is now after colleagues' edits the person had not seen yet. Their change is itself one
 * splice of `base`: a splice of ours after it shifts by what it added or removed, one before it
 * stays. Where the two overlap (both changed the same words) ours is inserted beside theirs and
 * removes nothing: a colleague's words are never deleted by someone who had not seen them.
 */
export function rebaseSplice(base: string, value: string, current: string): Splice | null {
  const mine = spliceBetween(base, value);
  if (!mine || base === current) return mine;
  const theirs = spliceBetween(base, current);
  if (!theirs) return mine;
  const theirEnd = theirs.index + theirs.remove;
  if (theirEnd <= mine.index) return { ...mine, index: mine.index + theirs.insert.length - theirs.remove };
  if (theirs.index >= mine.index + mine.remove) return mine;
  const index = mine.index <= theirs.index ? mine.index : theirs.index + theirs.insert.length;
  return mine.insert ? { index, remove: 0, insert: mine.insert } : null;
}
