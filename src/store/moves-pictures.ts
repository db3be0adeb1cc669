import type { EncodedPicture } from '../domain/attachments/types';
import { attachDefectPicture, handoverFromRecord, handoverShard } from '../domain/moves/handover';
import { attachFindingPicture, checkFromRecord, checkShard } from '../domain/moves/renovation';
import { shardOf as requestShard } from '../domain/requests/shard';
import { fail, type Result } from '../domain/result';
import type { Office } from './office-api';
import { keepPicture } from './pictures/actions';
import { handoverRow } from './queries/moves';
import { runAll } from './run-all';

/**
 * Photos added afterwards to a handover's defect or to an inspection (issue 20 with the pictures
 * of issue 19): kept once in the blob table, referenced by the record AND by the request made
 * from it (the warranty request, the rectification request), so the team sees the same photo.
 * No op is built here: the domain returns the commands.
 */

/** The request made from a defect or a finding, as it is now, with the document that holds it. */
async function requestOf(office: Office, id: string) {
  const row = id ? await office.db.requests.get(id) : undefined;
  if (!row) return { record: null, shard: null };
  const shard = requestShard(row);
  return { record: await office.read(shard, 'requests', id), shard };
}

/** 拍照 / 从相册选 on a defect of the handover's page: re-encoded in the pictures worker, kept, referenced twice. */
export async function addDefectPicture(office: Office, handoverId: string, requestId: string, file: Blob): Promise<Result<void>> {
  const kept = await keepPicture(office, file);
  return kept.ok ? addDefectKept(office, handoverId, requestId, kept.value) : kept;
}

/** A picture already in the blob table, onto a handover's defect and its warranty request. */
export async function addDefectKept(office: Office, handoverId: string, requestId: string, picture: EncodedPicture): Promise<Result<void>> {
  const row = await handoverRow(office.db, handoverId);
  const record = row ? await office.read(handoverShard(row), 'handovers', handoverId) : null;
  if (!record) return fail({ code: 'picture.error.noRecord' });
  const request = await requestOf(office, requestId);
  const made = attachDefectPicture(handoverFromRecord(handoverId, record), record, requestId, request.record, request.shard, picture, office.context());
  return made.ok ? runAll(office, made.value) : made;
}

/** 拍照 / 从相册选 on an inspection's row: onto the inspection and its rectification request. */
export async function addFindingPicture(office: Office, checkId: string, file: Blob): Promise<Result<void>> {
  const kept = await keepPicture(office, file);
  return kept.ok ? addFindingKept(office, checkId, kept.value) : kept;
}

export async function addFindingKept(office: Office, checkId: string, picture: EncodedPicture): Promise<Result<void>> {
  const row = await office.db.renovationChecks.get(checkId);
  const record = row ? await office.read(checkShard(row), 'renovationChecks', checkId) : null;
  if (!record) return fail({ code: 'picture.error.noRecord' });
  const check = checkFromRecord(checkId, record);
  const request = await requestOf(office, check.requestId);
  const made = attachFindingPicture(check, record, request.record, request.shard, picture, office.context());
  return made.ok ? runAll(office, made.value) : made;
}
