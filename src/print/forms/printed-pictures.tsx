import { For, Show } from 'solid-js';
import type { PictureRef } from '../../domain/attachments/picture';
import { t } from '../../i18n';
import type { ReadonlyDB } from '../../store/readonly-db';
import { BlobImage } from '../../shared/pictures/BlobImage';
import { formatPrintDate } from '../PrintPage';
import './printed-pictures.css';

/**
 * Photos on a printed form (issue 19): the thumbnails (320 px, enough at 40 mm), each with its
 * stage, who took it and the day — a sheet on paper shows what the leak looked like before and
 * after. Thumbnails rather than originals: every tablet has them, so the sheet prints offline.
 */
export function PrintedPictures(props: {
  db: ReadonlyDB;
  pictures: PictureRef[];
  /** The heading, where not simply 照片 (a handover's 问题照片). */
  title?: string;
  /** What the picture shows, before who and when (a handover's defect: 问题 1 · BX-…). */
  label?: (p: PictureRef) => string;
}) {
  return (
    <Show when={props.pictures.length}>
      <section class="printed-pictures" aria-label={props.title ?? t('print.photos')} data-testid="printed-pictures">
        <h3>{props.title ?? t('print.photos')}</h3>
        <ul>
          <For each={props.pictures}>
            {(p) => {
              const what = props.label?.(p) ?? (p.stage ? t(`picture.stage.${p.stage}`) : '');
              const caption = `${what ? `${what} · ` : ''}${p.byName} · ${formatPrintDate(new Date(p.at), false)}`;
              return (
                <li>
                  <BlobImage db={props.db} sha256={p.thumb} alt={caption} />
                  <span>{caption}</span>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** A signature made on the tablet, in its box on the form: the image, and who signed when under it. */
export function PrintedSignature(props: { db: ReadonlyDB; signature: PictureRef | null }) {
  return (
    <Show when={props.signature}>
      {(s) => (
        <span class="printed-signature" data-testid="printed-signature">
          <BlobImage db={props.db} sha256={s().sha256} alt={t('signature.image', { signer: s().signer ?? '' })} />
          <small>{t('signature.shown', { signer: s().signer ?? '', when: formatPrintDate(new Date(s().at)) })}</small>
        </span>
      )}
    </Show>
  );
}
