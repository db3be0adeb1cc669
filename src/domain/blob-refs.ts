import { mapEntries } from './map-entries';

/**
 * Which blobs the office's records refer to. A record's pictures are a map `attachments` keyed by
 * the original's SHA-256, each entry `{ sha256, mime, bytes, width, height, kind, by, at, thumb }`
 * (`thumb`: the SHA-256 of its thumbnail). Pure: the relay (garbage collection, backups), the
 * tablet's transfer (what to fetch) and the tablet's backup read records through it.
 *
 * An entry present in the map counts as a reference whatever else it says (a picture marked as
 * set aside is still kept): only an entry removed from every record lets its bytes go, after the
 * relay's grace period.
 */
export interface BlobRef {
  sha256: string;
  mime: string;
  bytes: number;
  /** When the picture was taken or added (ISO): originals of the last 30 days are fetched eagerly. */
  at: string;
  /** The thumbnail's SHA-256 ('' if none). */
  thumb: string;
}

const SHA = /^[0-9a-f]{64}$/;

/** The references of one record (plain JSON of its Y.Map). */
export function refsOfRecord(record: unknown): BlobRef[] {
  const out: BlobRef[] = [];
  for (const [key, value] of Object.entries(mapEntries(record, 'attachments'))) {
    const v = (value ?? {}) as Record<string, unknown>;
    const sha256 = typeof v.sha256 === 'string' && SHA.test(v.sha256) ? v.sha256 : SHA.test(key) ? key : '';
    if (!sha256) continue;
    out.push({
      sha256,
      mime: typeof v.mime === 'string' ? v.mime : 'application/octet-stream',
      bytes: typeof v.bytes === 'number' ? v.bytes : 0,
      at: typeof v.at === 'string' ? v.at : '',
      thumb: typeof v.thumb === 'string' && SHA.test(v.thumb) ? v.thumb : '',
    });
  }
  return out;
}

/** Every reference in a document's plain JSON (`{ <collection>: { <id>: record } }`). */
export function refsOfDocument(json: Record<string, unknown>): BlobRef[] {
  const out: BlobRef[] = [];
  for (const collection of Object.values(json)) {
    if (!collection || typeof collection !== 'object') continue;
    for (const record of Object.values(collection as Record<string, unknown>)) out.push(...refsOfRecord(record));
  }
  return out;
}

/** Every blob name the references need: originals and thumbnails. */
export function namesOf(refs: BlobRef[]): Set<string> {
  const out = new Set<string>();
  for (const r of refs) {
    out.add(r.sha256);
    if (r.thumb) out.add(r.thumb);
  }
  return out;
}
