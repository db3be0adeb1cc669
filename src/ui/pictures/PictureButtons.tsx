import { Show } from 'solid-js';
import { t } from '../../i18n';

/**
 * 拍照 (the tablet's camera) and 从相册选 (the gallery: what residents sent on WeChat), named for
 * where the picture goes, both off while a picture is being added. Shared by a record's strip and
 * a form's strip of photos chosen before the record exists.
 */
export function PictureButtons(props: { title: string; busy: boolean; onFiles: (files: FileList | null, input: HTMLInputElement) => void }) {
  return (
    <div class="actions start">
      <label class="button file-button" classList={{ disabled: props.busy }}>
        {t('picture.take')}
        <input type="file" accept="image/*" capture="environment" class="visually-hidden" disabled={props.busy} aria-label={t('picture.takeFor', { title: props.title })} onChange={(e) => props.onFiles(e.currentTarget.files, e.currentTarget)} />
      </label>
      <label class="button file-button" classList={{ disabled: props.busy }}>
        {t('picture.gallery')}
        <input type="file" accept="image/*" multiple class="visually-hidden" disabled={props.busy} aria-label={t('picture.galleryFor', { title: props.title })} onChange={(e) => props.onFiles(e.currentTarget.files, e.currentTarget)} />
      </label>
      <Show when={props.busy}><span role="status" class="muted">{t('picture.adding')}</span></Show>
    </div>
  );
}
