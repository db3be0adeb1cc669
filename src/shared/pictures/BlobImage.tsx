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
  const blob = createLive(() => props.sha256, (sha) => blobBytes(props.db, sha), undefined as Blob | undefined);
  const url = createMemo(() => {
    const b = blob();
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
