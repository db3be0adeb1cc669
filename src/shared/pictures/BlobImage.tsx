import { createMemo, onCleanup, Show } from 'solid-js';
import { blobBytes } from '../../store/queries/blobs';
import type { ReadonlyDB } from '../../store/readonly-db';
import { createLive } from '../bindings/live';

/**
 * A picture from this tablet's blob table, by its SHA-256 (a thumbnail on a strip or a printed
 * sheet, an original in the viewer). It appears when the bytes arrive (liveQuery on the table);
 * until then a grey box with the same accessible name stands in. The object URL is released
 * when the image goes.
 */
export function BlobImage(props: { db: ReadonlyDB; sha256: string; alt: string; class?: string; onShown?: () => void }) {
  // The name as a value: a parent handing the same name in a fresh object does not re-run the query.
  const name = createMemo(() => props.sha256);
  const read = createLive(name, async (sha) => ({ sha, data: await blobBytes(props.db, sha) }), { sha: '', data: undefined as Blob | undefined });
  // A name's bytes never change (the name is their SHA-256), but the query runs again whenever
  // the row does (等待发送 → 发送中 → 已上传) and hands a new Blob object each time: kept as the
  // first one, the picture is not given a new object URL and decoded again each time — three
  // decodes per photo filled the renderer's image cache (attachments.memory_growth_50_mb).
  const held = createMemo<{ sha: string; data: Blob } | undefined>((prev) => {
    const r = read();
    if (prev?.sha === name()) return prev;
    return r.sha === name() && r.data ? { sha: r.sha, data: r.data } : undefined;
  });
  const url = createMemo(() => {
    const b = held()?.data;
    if (!b) return '';
    const u = URL.createObjectURL(b);
    onCleanup(() => URL.revokeObjectURL(u));
    return u;
  });
  return (
    <Show when={url()} fallback={<span class={`blob-missing ${props.class ?? ''}`} role="img" aria-label={props.alt} />}>
      <img class={props.class} src={url()} alt={props.alt} onLoad={() => props.onShown?.()} data-sha={props.sha256} />
    </Show>
  );
}
