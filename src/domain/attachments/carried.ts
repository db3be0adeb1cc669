import type { CommandContext } from '../actor';
import { combine, type Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { attachPicture } from './picture';
import type { EncodedPicture, PictureInput, PictureTarget } from './types';

/**
 * Pictures that belong to two records at once (issue 20): a defect found at a handover is also
 * the warranty request made from it, an inspection's finding is also its rectification request.
 * The same reference (same SHA-256) goes into both records' `attachments` maps — the bytes are
 * kept once on the tablet and once on the relay, whatever number of records point at them.
 * The request's copy is stage 受理时 (what was found when the work was asked for), so the team
 * sees it where a resident's WeChat photo would be.
 */

/** A record a picture is carried to, as the command needs it (its record: null when made in the same command). */
export interface CarriedTo {
  target: PictureTarget;
  /** The record as it is now; `{}` for a record the same command creates. */
  current: Record<string, unknown> | null;
}

/** The picture on the request made from the record: a photo of what was found, at intake. */
const onRequest = (p: EncodedPicture): PictureInput => ({ ...p, kind: 'photo', stage: 'intake' });

/**
 * One picture added to a record and to the request made from it (if any): one command per
 * shard (`combine`), so both or neither on each document. The picture already on a record is
 * nothing to do there (adding it to the other record still happens).
 */
export function attachCarried(
  primary: CarriedTo, input: PictureInput, request: CarriedTo | null, ctx: CommandContext,
): Result<Command[]> {
  const first = attachPicture(primary.target, primary.current, input, ctx);
  if (!first.ok) return first;
  if (request && request.target.collection !== 'requests') return fail({ code: 'picture.error.kind' });
  const second = request ? attachPicture(request.target, request.current, onRequest(input), ctx) : ok(null);
  if (!second.ok) return second;
  return ok(combine(first.value, second.value));
}

/**
 * Pictures chosen in a form before its record exists (the move-in form's defects, an inspection):
 * the entries for a record and the request made with it, to be combined after their `create`
 * ops. A picture listed twice is written once.
 */
export function picturesAtCreation(
  primary: PictureTarget, pictures: readonly EncodedPicture[], extra: Pick<PictureInput, 'item'>, request: PictureTarget | null, ctx: CommandContext,
): Result<Command[]> {
  const out: Command[] = [];
  const seen = new Set<string>();
  for (const p of pictures) {
    if (seen.has(p.sha256)) continue;
    seen.add(p.sha256);
    const made = attachCarried({ target: primary, current: {} }, { ...p, kind: 'photo', ...extra }, request ? { target: request, current: {} } : null, ctx);
    if (!made.ok) return made;
    out.push(...made.value);
  }
  return ok(combine(...out));
}
