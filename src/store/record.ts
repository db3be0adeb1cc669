import * as Y from 'yjs';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { CollectionName, ShardName } from '../domain/shards';
import type { OfficeStore } from './office-store';

/**
 * A record's live plain snapshot, bound to its Y.Map: a colleague's edit shows while you look
 * at it. `undefined` while the shard loads, `null` if the record does not exist (yet).
 */
export function createRecord(store: OfficeStore, shard: ShardName, collection: CollectionName, id: string): Accessor<Record<string, unknown> | null | undefined> {
  const [value, setValue] = createSignal<Record<string, unknown> | null | undefined>(undefined);
  let disposed = false;
  let stop = () => {};
  onCleanup(() => {
    disposed = true;
    stop();
  });
  void store.shard(shard).then((loaded) => {
    if (disposed) return;
    const map = loaded.doc.getMap<Y.Map<unknown>>(collection);
    let record: Y.Map<unknown> | undefined;
    const onRecord = () => setValue(() => (record ? (record.toJSON() as Record<string, unknown>) : null));
    const bind = () => {
      const next = map.get(id);
      const found = next instanceof Y.Map ? next : undefined;
      if (found !== record) {
        record?.unobserveDeep(onRecord);
        record = found;
        record?.observeDeep(onRecord);
      }
      onRecord();
    };
    const onCollection = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      if (event.keysChanged.has(id)) bind();
    };
    map.observe(onCollection);
    bind();
    stop = () => {
      map.unobserve(onCollection);
      record?.unobserveDeep(onRecord);
    };
  });
  return value;
}
