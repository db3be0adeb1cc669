import { onCleanup, onMount, Show } from 'solid-js';
import type { PictureRef, PicturedCollection } from '../../domain/attachments/picture';
import { formatDateTime, t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { removePictureFrom } from '../../store/pictures/actions';
import { blobStates } from '../../store/queries/blobs';
import { createLive } from '../../shared/bindings/live';
import { BlobImage } from '../../shared/pictures/BlobImage';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';

/**
 * One picture large: the original if this tablet has it, else its thumbnail with a line saying
 * so (the relay branch fetches originals when opened). Escape or 关闭 closes; 移除 marks it
 * removed on the record (nothing is deleted).
 */
export function PictureViewer(props: { office: Office; collection: PicturedCollection; id: string; picture: PictureRef; readOnly?: boolean; onClose: () => void }) {
  const state = createLive(() => props.picture.sha256, async (sha) => (await blobStates(props.office.db, [sha]))[sha] ?? 'missing', 'missing' as string);
  const removing = createAction();
  const kind = () => t(`picture.kind.${props.picture.kind}`);
  let close!: HTMLButtonElement;
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
  onMount(() => {
    close.focus();
    document.addEventListener('keydown', onKey);
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));
  const remove = () => {
    if (removing.busy() || !window.confirm(t('picture.removeConfirm'))) return;
    void removing.run(() => removePictureFrom(props.office, props.collection, props.id, props.picture.sha256), () => props.onClose());
  };
  return (
    <div class="picture-viewer" role="dialog" aria-modal="true" aria-label={t('picture.viewer')} data-testid="picture-viewer">
      <figure>
        <Show when={state() !== 'missing'} fallback={<BlobImage db={props.office.db} sha256={props.picture.thumb} alt={kind()} class="large" />}>
          <BlobImage db={props.office.db} sha256={props.picture.sha256} alt={kind()} class="large" />
        </Show>
        <figcaption>
          {kind()} · {props.picture.byName} · {formatDateTime(props.picture.at)}
          <Show when={state() === 'missing'}><br /><span class="muted">{t('picture.thumbOnly')}</span></Show>
        </figcaption>
      </figure>
      <div class="actions">
        <Show when={!props.readOnly}><button type="button" class="danger" disabled={removing.busy()} onClick={remove}>{t('picture.remove')}</button></Show>
        <button ref={close} type="button" class="primary" onClick={() => props.onClose()}>{t('picture.close')}</button>
      </div>
      <Problems problems={removing.problems()} />
    </div>
  );
}
