import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { CollectionName, ShardName } from '../../domain/shards';
import type { Office, PlainRecord } from '../../store/office-api';

/**
 * A record's live plain snapshot: a colleague's edit shows while you look at it. `undefined`
 * while its shard loads, `null` if the record does not exist (yet).
 */
export function createRecord(office: Office, shard: ShardName, collection: CollectionName, id: string): Accessor<PlainRecord | null | undefined> {
  const [value, setValue] = createSignal<PlainRecord | null | undefined>(undefined);
  const stop = office.watch(shard, collection, id, (record) => setValue(() => record));
  onCleanup(stop);
  return value;
}
