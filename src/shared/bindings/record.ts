import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
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

/**
 * A record's live snapshot and its typed reading (`fromRecord`, null until the record is there):
 * the plain record for what takes it as it is (a picture strip), the typed one for the page.
 */
export function createRecordOf<T>(office: Office, shard: ShardName, collection: CollectionName, id: string, fromRecord: (id: string, record: PlainRecord) => T) {
  const record = createRecord(office, shard, collection, id);
  const value = createMemo(() => {
    const r = record();
    return r ? fromRecord(id, r) : null;
  });
  return { record, value };
}
