import type { CommandContext } from '../actor';
import { mapEntries } from '../map-entries';
import { historyEntry } from '../history';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Problem, type Result } from '../result';
import {
  ATTACHMENTS_FIELD, PICTURE_KINDS, PICTURE_STAGES, SIGNATURE_PURPOSES,
  type EncodedPicture, type PictureInput, type PictureRef, type PictureTarget, type SignatureInput,
} from './types';

export * from './types';

/** Limits of what a reference may claim: the relay refuses bigger originals anyway. */
export const PICTURE_LIMITS = { bytes: 10 * 1024 * 1024, thumbBytes: 64 * 1024, edge: 1600, thumbEdge: 320 } as const;
const MIMES = new Set(['image/jpeg', 'image/webp', 'image/png']);
const SHA = /^[0-9a-f]{64}$/;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function refFromPlain(v: unknown): PictureRef | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (!SHA.test(str(r.sha256))) return null;
  const kind = PICTURE_KINDS.includes(r.kind as PictureRef['kind']) ? (r.kind as PictureRef['kind']) : 'photo';
  const ref: PictureRef = {
    sha256: str(r.sha256), mime: str(r.mime), bytes: num(r.bytes), width: num(r.width), height: num(r.height), kind,
    by: str(r.by), byName: str(r.byName), at: str(r.at), thumb: str(r.thumb),
  };
  if (PICTURE_STAGES.includes(r.stage as never)) ref.stage = r.stage as PictureRef['stage'];
  if (str(r.team)) ref.team = str(r.team);
  if (str(r.item)) ref.item = str(r.item);
  if (str(r.signer)) ref.signer = str(r.signer);
  if (SIGNATURE_PURPOSES.includes(r.purpose as never)) ref.purpose = r.purpose as PictureRef['purpose'];
  if (str(r.signedWhat)) ref.signedWhat = str(r.signedWhat);
  if (str(r.signedStatus)) ref.signedStatus = str(r.signedStatus);
  if (str(r.removedAt)) Object.assign(ref, { removedAt: str(r.removedAt), removedBy: str(r.removedBy), removedByName: str(r.removedByName) });
  return ref;
}

/**
 * Every picture a record holds (its `attachments` as plain JSON), oldest first, removed ones
 * included (they carry `removedAt`). A record from before pictures has none.
 */
export function allPicturesOf(record: Record<string, unknown> | null | undefined): PictureRef[] {
  return Object.values(mapEntries(record, ATTACHMENTS_FIELD))
    .map(refFromPlain)
    .filter((r): r is PictureRef => r !== null)
    .sort((a, b) => a.at.localeCompare(b.at) || a.sha256.localeCompare(b.sha256));
}

/** The pictures shown: not removed. */
export const picturesOf = (record: Record<string, unknown> | null | undefined): PictureRef[] => allPicturesOf(record).filter((p) => !p.removedAt);

/** The latest signature of a purpose on a record (its box on the printed form shows it). */
export function signatureOf(record: Record<string, unknown> | null | undefined, purpose: PictureRef['purpose']): PictureRef | null {
  const all = picturesOf(record).filter((p) => p.kind === 'signature' && p.purpose === purpose);
  return all[all.length - 1] ?? null;
}

function checkEncoded(p: EncodedPicture): Problem[] {
  const problems: Problem[] = [];
  if (!SHA.test(p.sha256) || !SHA.test(p.thumb)) problems.push({ code: 'picture.error.notStored' });
  if (!MIMES.has(p.mime)) problems.push({ code: 'picture.error.type' });
  if (!(p.bytes > 0) || p.bytes > PICTURE_LIMITS.bytes) problems.push({ code: 'picture.error.tooBig', params: { max: Math.round(PICTURE_LIMITS.bytes / 1024 / 1024) } });
  if (!(p.width > 0 && p.height > 0)) problems.push({ code: 'picture.error.notStored' });
  return problems;
}

const historyData = (ref: PictureRef) => ({
  sha256: ref.sha256.slice(0, 12), kind: ref.kind,
  ...(ref.stage ? { stage: ref.stage } : {}), ...(ref.team ? { team: ref.team } : {}), ...(ref.item ? { item: ref.item } : {}),
});

function write(target: PictureTarget, ref: PictureRef, action: string, ctx: CommandContext, data: Record<string, string>): Command {
  return {
    shard: target.shard,
    ops: [
      { kind: 'entry', collection: target.collection, id: target.id, field: ATTACHMENTS_FIELD, key: ref.sha256, value: ref },
      { kind: 'log', collection: target.collection, id: target.id, entry: historyEntry(ctx, action, undefined, data) },
    ],
  };
}

/**
 * 添加照片/扫描件: the picture's reference goes into the record (the bytes are already in this
 * tablet's blob table), with who and when and a history line. Adding the same picture again
 * (same hash) is nothing to do; adding back a removed one brings it back.
 */
export function attachPicture(target: PictureTarget, current: Record<string, unknown> | null, input: PictureInput, ctx: CommandContext): Result<Command | null> {
  if (!current) return fail({ code: 'picture.error.noRecord' });
  const problems = checkEncoded(input);
  if (!PICTURE_KINDS.includes(input.kind) || input.kind === 'signature') problems.push({ code: 'picture.error.kind' });
  if (input.stage !== undefined && (target.collection !== 'requests' || !PICTURE_STAGES.includes(input.stage))) problems.push({ code: 'picture.error.stage' });
  if (input.kind === 'scan' && target.collection !== 'papers') problems.push({ code: 'picture.error.kind' });
  if (problems.length) return fail(...problems);
  const existing = allPicturesOf(current).find((p) => p.sha256 === input.sha256);
  if (existing && !existing.removedAt) return ok(null);
  const ref: PictureRef = {
    sha256: input.sha256, mime: input.mime, bytes: input.bytes, width: input.width, height: input.height, kind: input.kind,
    by: ctx.actor.staffId, byName: ctx.actor.name, at: ctx.now, thumb: input.thumb,
    ...(input.stage ? { stage: input.stage } : {}),
    ...(input.team ? { team: input.team.slice(0, LIMITS.shortText) } : {}),
    ...(input.item ? { item: input.item.slice(0, LIMITS.name) } : {}),
  };
  return ok(write(target, ref, input.kind === 'scan' ? 'picture.scanAdded' : 'picture.added', ctx, historyData(ref)));
}

/** 移除: the picture is marked removed with who and when (the bytes stay: paper copies and backups may point at it). */
export function removePicture(target: PictureTarget, current: Record<string, unknown> | null, sha256: string, ctx: CommandContext): Result<Command> {
  const ref = allPicturesOf(current).find((p) => p.sha256 === sha256);
  if (!current || !ref) return fail({ code: 'picture.error.notFound' });
  if (ref.removedAt) return fail({ code: 'picture.error.alreadyRemoved', params: { by: ref.removedByName ?? '' } });
  const removed: PictureRef = { ...ref, removedAt: ctx.now, removedBy: ctx.actor.staffId, removedByName: ctx.actor.name };
  return ok(write(target, removed, 'picture.removed', ctx, historyData(ref)));
}

/**
 * 签名确认: the resident's signature drawn on the tablet, kept as a small PNG with who signed, for
 * what, and what the record said at that moment (`signedWhat`), and a history line naming them.
 */
export function signOnTablet(target: PictureTarget, current: Record<string, unknown> | null, input: SignatureInput, ctx: CommandContext): Result<Command> {
  if (!current) return fail({ code: 'picture.error.noRecord' });
  const problems = checkEncoded(input);
  const signer = input.signer.trim();
  if (!signer) problems.push({ code: 'signature.error.signer', field: 'signer' });
  if (signer.length > LIMITS.name) problems.push({ code: 'error.tooLong', field: 'signer', params: { max: LIMITS.name } });
  if (!SIGNATURE_PURPOSES.includes(input.purpose)) problems.push({ code: 'signature.error.purpose' });
  if (input.mime !== 'image/png') problems.push({ code: 'picture.error.type' });
  if (problems.length) return fail(...problems);
  const ref: PictureRef = {
    sha256: input.sha256, mime: input.mime, bytes: input.bytes, width: input.width, height: input.height, kind: 'signature',
    by: ctx.actor.staffId, byName: ctx.actor.name, at: ctx.now, thumb: input.thumb,
    signer, purpose: input.purpose, signedWhat: input.signedWhat.slice(0, LIMITS.longText), signedStatus: input.signedStatus.slice(0, LIMITS.name),
  };
  return ok(write(target, ref, 'signature.signed', ctx, { signer, purpose: input.purpose, signedWhat: ref.signedWhat ?? '', signedStatus: ref.signedStatus ?? '' }));
}

/** Pictures whose original has not reached the relay (by the blob table's states): closing warns. */
export function notOnRelay(pictures: readonly PictureRef[], states: Readonly<Record<string, string>>): PictureRef[] {
  return pictures.filter((p) => states[p.sha256] !== 'relay');
}
