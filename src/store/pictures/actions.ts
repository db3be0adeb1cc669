import { attachPicture, removePicture, type EncodedPicture, type PictureInput, type PicturedCollection, type PictureTarget, type SignaturePurpose } from '../../domain/attachments/picture';
import { scanSignedPaper } from '../../domain/attachments/paper-scan';
import { signRequestOnTablet } from '../../domain/attachments/sign-request';
import { localDay } from '../../domain/days';
import { paperFromRecord, paperId } from '../../domain/papers/paper';
import { requestFromRecord } from '../../domain/requests/record';
import { fail, ok, type Result } from '../../domain/result';
import { shardOfRecord } from '../../domain/shards';
import { keepBlobs } from '../blobs/local';
import { deviceTables } from '../device-tables';
import type { Office } from '../office-api';
import type { Encoded } from './encode';
import { encodeInWorker } from './encoder';

/**
 * Pictures on records (issue 19): the bytes go into this tablet's blob table (the outbox the
 * relay branch sends from), the reference into the record through its domain command.
 */

/** Where a record lives, from its projection row (requests, events: month of creation; papers: year; directory). */
export async function pictureTarget(office: Office, collection: PicturedCollection, id: string): Promise<PictureTarget | null> {
  const row = await office.db[collection].get(id);
  if (!row) return null;
  return { collection, id, shard: shardOfRecord(collection, { record: row }) };
}

/** Keeps an encoded picture and its thumbnail in the blob table; what the reference needs. */
export async function keepEncoded(office: Office, enc: Encoded): Promise<EncodedPicture> {
  const db = deviceTables(office);
  const [full, thumb] = await keepBlobs(db, [
    { data: enc.full, mime: enc.mime, thumb: false },
    { data: enc.thumb, mime: enc.thumb.type || enc.mime, thumb: true },
  ]);
  return { sha256: full.sha256, mime: enc.mime, bytes: full.bytes, width: enc.width, height: enc.height, thumb: thumb.sha256 };
}

/**
 * A photo chosen in a form before its record exists (the move-in form's defects, an inspection):
 * re-encoded and kept in the blob table now (the outbox may send it before the record is saved —
 * the relay keeps an unreferenced blob for its grace period), referenced when the form is saved.
 */
export async function keepPicture(office: Office, file: Blob): Promise<Result<EncodedPicture>> {
  let enc: Encoded;
  try {
    enc = await encodeInWorker(file);
  } catch {
    return fail({ code: 'picture.error.unreadable' });
  }
  return ok(await keepEncoded(office, enc));
}

/** Adds an already encoded picture to a record. */
export async function addEncoded(office: Office, collection: PicturedCollection, id: string, enc: Encoded, input: Omit<PictureInput, keyof EncodedPicture>): Promise<Result<void>> {
  const target = await pictureTarget(office, collection, id);
  if (!target) return fail({ code: 'picture.error.noRecord' });
  const kept = await keepEncoded(office, enc);
  const made = attachPicture(target, await office.read(target.shard, collection, id), { ...kept, ...input }, office.context());
  if (!made.ok) return made;
  return made.value ? office.run(made.value) : ok(undefined);
}

/** 拍照 / 从相册选: the chosen file is re-encoded in the pictures worker (no EXIF, ≤ 1,600 px), kept, and attached. */
export async function addPicture(office: Office, collection: PicturedCollection, id: string, file: Blob, input: Omit<PictureInput, keyof EncodedPicture>): Promise<Result<void>> {
  let enc: Encoded;
  try {
    enc = await encodeInWorker(file);
  } catch {
    return fail({ code: 'picture.error.unreadable' });
  }
  return addEncoded(office, collection, id, enc, input);
}

export async function removePictureFrom(office: Office, collection: PicturedCollection, id: string, sha256: string): Promise<Result<void>> {
  const target = await pictureTarget(office, collection, id);
  if (!target) return fail({ code: 'picture.error.noRecord' });
  const made = removePicture(target, await office.read(target.shard, collection, id), sha256, office.context());
  return made.ok ? office.run(made.value) : made;
}

/**
 * 签名确认 on a request: the PNG of the strokes is kept, with who signed and what the request said
 * then; a complaint's settlement signed here is its 协议签字 too, dated this tablet's day.
 */
export async function signRequest(office: Office, id: string, png: Blob, size: { width: number; height: number }, signer: string, purpose: SignaturePurpose): Promise<Result<void>> {
  const target = await pictureTarget(office, 'requests', id);
  if (!target) return fail({ code: 'picture.error.noRecord' });
  const record = await office.read(target.shard, 'requests', id);
  if (!record) return fail({ code: 'picture.error.noRecord' });
  const kept = await keepEncoded(office, { full: png, thumb: png, width: size.width, height: size.height, mime: 'image/png' });
  const made = signRequestOnTablet(target, record, requestFromRecord(id, record), { ...kept, signer, purpose }, localDay(), office.context());
  return made.ok ? office.run(made.value) : made;
}

/** 扫码 with a photo: the photo becomes the paper's scan and the paper is marked 已签回, at once. */
export async function scanPaper(office: Office, form: string, ref: string, file: Blob): Promise<Result<void>> {
  const row = await office.db.papers.get(paperId(form, ref));
  if (!row) return fail({ code: 'paper.error.notPrinted' });
  let enc: Encoded;
  try {
    enc = await encodeInWorker(file);
  } catch {
    return fail({ code: 'picture.error.unreadable' });
  }
  return scanEncoded(office, form, ref, enc);
}

export async function scanEncoded(office: Office, form: string, ref: string, enc: Encoded): Promise<Result<void>> {
  const target = await pictureTarget(office, 'papers', paperId(form, ref));
  if (!target) return fail({ code: 'paper.error.notPrinted' });
  const record = await office.read(target.shard, 'papers', target.id);
  const kept = await keepEncoded(office, enc);
  const made = scanSignedPaper(record ? paperFromRecord(target.id, record) : null, record, kept, office.context());
  return made.ok ? office.run(made.value) : made;
}
