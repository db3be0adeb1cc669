import type { CollectionName, ShardName } from '../shards';

/**
 * A picture kept beside a record: the bytes live in this tablet's `blobs` table and on the relay,
 * named by their SHA-256; the record holds only this reference (in its `attachments` map, keyed by
 * the picture's hash, so two tablets adding photos offline both keep theirs).
 */
export type PictureKind = 'photo' | 'scan' | 'signature';
export const PICTURE_KINDS: readonly PictureKind[] = ['photo', 'scan', 'signature'];

/** When a request's photo was taken: at intake (what the resident sent), before or after the work. */
export type PictureStage = 'intake' | 'before' | 'after';
export const PICTURE_STAGES: readonly PictureStage[] = ['intake', 'before', 'after'];

/** What a resident confirms with a signature on the tablet. */
export type SignaturePurpose = 'serviceConfirm' | 'settlement';
export const SIGNATURE_PURPOSES: readonly SignaturePurpose[] = ['serviceConfirm', 'settlement'];

/** The collections whose records can hold pictures. */
export const PICTURED = [
  'requests', 'events', 'papers', 'customers', 'units',
  // moves and notices (issue 20): a handover's defects, an inspection's findings, a notice as posted
  'handovers', 'renovationChecks', 'notices',
] as const satisfies readonly CollectionName[];
export type PicturedCollection = (typeof PICTURED)[number];

/** The record's field holding its pictures: a map keyed by sha256 (a Y.Map in the document). */
export const ATTACHMENTS_FIELD = 'attachments';

/** The reference as stored in the document. Bytes never. */
export interface PictureRef {
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  kind: PictureKind;
  /** Staff id and name of who added it, and when. */
  by: string;
  byName: string;
  at: string;
  /** The sha256 of its 320 px thumbnail (itself in the blob table). */
  thumb: string;
  /** Requests: the stage and the team that had the request then. */
  stage?: PictureStage;
  team?: string;
  /**
   * Which part of the record the picture shows, where a record holds several: a handover's defect
   * (the id of the warranty request made from it — stable, unlike a position in a list).
   */
  item?: string;
  /** Signatures: who signed (the resident's name as they wrote it), for what, and what the record said then. */
  signer?: string;
  purpose?: SignaturePurpose;
  signedWhat?: string;
  /** The record's state code when it was signed (a request: `done`, `followUp`…). */
  signedStatus?: string;
  /** Removed pictures stay in the map (nothing is hard-deleted) with who and when. */
  removedAt?: string;
  removedBy?: string;
  removedByName?: string;
}

/** Which record a picture belongs to, and the document that holds it. */
export interface PictureTarget {
  collection: PicturedCollection;
  id: string;
  shard: ShardName;
}

/** What the encoder made of a chosen photo (or the signature pad of its strokes). */
export interface EncodedPicture {
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  thumb: string;
}

export interface PictureInput extends EncodedPicture {
  kind: PictureKind;
  stage?: PictureStage;
  team?: string;
  item?: string;
}

export interface SignatureInput extends EncodedPicture {
  signer: string;
  purpose: SignaturePurpose;
  /** The record's summary at the moment of signing (`signedWhatOf`) and its state code then. */
  signedWhat: string;
  signedStatus: string;
}
