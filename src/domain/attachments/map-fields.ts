import type { CollectionName } from '../shards';
import { ATTACHMENTS_FIELD, PICTURED } from './types';

const PICTURED_SET = new Set<string>(PICTURED);

/**
 * The map fields a new record of this collection starts with (an empty Y.Map each): a map made
 * at creation is one map on every replica, so entries added offline by two tablets merge.
 */
export function mapFieldsOf(collection: CollectionName): readonly string[] {
  return PICTURED_SET.has(collection) ? [ATTACHMENTS_FIELD] : [];
}
