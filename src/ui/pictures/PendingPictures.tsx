import { For } from 'solid-js';
import type { EncodedPicture } from '../../domain/attachments/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { keepPicture } from '../../store/pictures/actions';
import { blobStates } from '../../store/queries/blobs';
import { createLive } from '../../shared/bindings/live';
import { BlobImage } from '../../shared/pictures/BlobImage';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { addEach } from './add-each';
import { PictureButtons } from './PictureButtons';
import './pictures.css';

/**
 * Photos chosen in a form whose record does not exist yet (a defect at the move-in counter, an
 * inspection): 拍照 / 从相册选 as on a record's strip, each re-encoded in the pictures worker and
 * kept in this tablet's blob table at once (with its state), and referenced when the form is
 * saved. Taking one out of the form only drops it from the list: bytes no record refers to are
 * collected by the relay after its grace period.
 */
export function PendingPictures(props: {
  office: Office;
  title: string;
  pictures: readonly EncodedPicture[];
  onChange: (pictures: EncodedPicture[]) => void;
  testid?: string;
}) {
  const shas = () => props.pictures.map((p) => p.sha256).join(',');
  const states = createLive(shas, (s) => blobStates(props.office.db, s ? s.split(',') : []), {} as Record<string, string>);
  const action = createAction();
  // Every photo is tried; those kept join the form (once each) even when another was refused.
  const add = addEach(action, (file) => keepPicture(props.office, file), (kept) => {
    const next = [...props.pictures];
    for (const k of kept) if (!next.some((p) => p.sha256 === k.sha256)) next.push(k);
    props.onChange(next);
  });
  return (
    <div class="picture-strip pending" role="group" aria-label={props.title} data-testid={props.testid ?? 'pending-pictures'}>
      <ul class="thumbs plain">
        <For each={props.pictures}>
          {(p, i) => {
            const state = () => states()[p.sha256] ?? 'missing';
            return (
              <li class="thumb" data-testid="picture-thumb" data-state={state()}>
                <span class="thumb-open">
                  <BlobImage db={props.office.db} sha256={p.thumb} alt={t('picture.pendingAlt', { n: i() + 1 })} />
                </span>
                <span class={`chip blob-${state()}`} data-testid="picture-state">{t(`picture.state.${state()}` as 'picture.state.waiting')}</span>
                <button type="button" class="link" aria-label={t('picture.removePending', { n: i() + 1 })}
                  onClick={() => props.onChange(props.pictures.filter((x) => x.sha256 !== p.sha256))}>{t('picture.takeOut')}</button>
              </li>
            );
          }}
        </For>
      </ul>
      <PictureButtons title={props.title} busy={action.busy()} onFiles={(files, input) => void add(files, input)} />
      <Problems problems={action.problems()} />
    </div>
  );
}
