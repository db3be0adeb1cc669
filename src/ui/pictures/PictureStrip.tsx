import { createSignal, For, Show } from 'solid-js';
import { picturesOf, type PictureRef, type PicturedCollection, type PictureStage } from '../../domain/attachments/picture';
import { fail, ok, type Problem } from '../../domain/result';
import { formatDateTime, t } from '../../i18n';
import type { Office, PlainRecord } from '../../store/office-api';
import { addPicture } from '../../store/pictures/actions';
import { blobStates } from '../../store/queries/blobs';
import { createLive } from '../../shared/bindings/live';
import { BlobImage } from '../../shared/pictures/BlobImage';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { PictureViewer } from './PictureViewer';
import './pictures.css';

/**
 * A record's pictures of one kind of place (a request's stage, an event, a customer, a unit): the
 * thumbnails with each one's way to the relay (等待发送 / 发送中 / 已上传, from the blob table the
 * outbox drives), 拍照 with the tablet's camera and 从相册选 for what residents sent on WeChat, and
 * a tap to open one large. Choosing several files adds them one after the other.
 */
export function PictureStrip(props: {
  office: Office;
  collection: PicturedCollection;
  id: string;
  record: PlainRecord | null | undefined;
  title: string;
  stage?: PictureStage;
  team?: string;
  readOnly?: boolean;
}) {
  const pictures = () => picturesOf(props.record).filter((p) => p.kind === 'photo' && (props.stage ? p.stage === props.stage : true));
  const shas = () => pictures().map((p) => p.sha256).join(',');
  const states = createLive(shas, (s) => blobStates(props.office.db, s ? s.split(',') : []), {} as Record<string, string>);
  const action = createAction();
  const [open, setOpen] = createSignal<PictureRef | null>(null);
  const slug = () => `${props.collection}-${props.stage ?? 'all'}`;

  const add = async (files: FileList | null | undefined, input: HTMLInputElement) => {
    const list = [...(files ?? [])];
    input.value = '';
    if (!list.length) return;
    // Every picture is tried; the reasons of those refused are said together.
    await action.run(async () => {
      const found: Problem[] = [];
      for (const file of list) {
        const r = await addPicture(props.office, props.collection, props.id, file, { kind: 'photo', ...(props.stage ? { stage: props.stage } : {}), ...(props.team ? { team: props.team } : {}) });
        if (!r.ok) found.push(...r.problems);
      }
      return found.length ? fail(...found) : ok(undefined);
    });
  };

  return (
    <section class="picture-strip" aria-labelledby={`pictures-${slug()}`} data-testid="picture-strip" data-stage={props.stage ?? ''}>
      <h3 id={`pictures-${slug()}`}>{props.title}</h3>
      <ul class="thumbs plain">
        <For each={pictures()} fallback={<li class="muted">{t('picture.none')}</li>}>
          {(p) => {
            const state = () => states()[p.sha256] ?? 'missing';
            const kind = t(`picture.kind.${p.kind}`);
            return (
              <li class="thumb" data-testid="picture-thumb" data-state={state()}>
                <button type="button" class="thumb-open" aria-label={t('picture.open', { kind, who: p.byName, when: formatDateTime(p.at) })} onClick={() => setOpen(p)}>
                  <BlobImage db={props.office.db} sha256={p.thumb} alt={t('picture.thumbAlt', { kind, who: p.byName, when: formatDateTime(p.at) })} />
                </button>
                <span class={`chip blob-${state()}`} data-testid="picture-state">{t(`picture.state.${state()}` as 'picture.state.waiting')}</span>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={!props.readOnly}>
        <div class="actions start">
          <label class="button file-button" classList={{ disabled: action.busy() }}>
            {t('picture.take')}
            <input type="file" accept="image/*" capture="environment" class="visually-hidden" disabled={action.busy()} aria-label={t('picture.takeFor', { title: props.title })} onChange={(e) => void add(e.currentTarget.files, e.currentTarget)} />
          </label>
          <label class="button file-button" classList={{ disabled: action.busy() }}>
            {t('picture.gallery')}
            <input type="file" accept="image/*" multiple class="visually-hidden" disabled={action.busy()} aria-label={t('picture.galleryFor', { title: props.title })} onChange={(e) => void add(e.currentTarget.files, e.currentTarget)} />
          </label>
          <Show when={action.busy()}><span role="status" class="muted">{t('picture.adding')}</span></Show>
        </div>
      </Show>
      <Problems problems={action.problems()} />
      <Show when={open()}>{(p) => <PictureViewer office={props.office} collection={props.collection} id={props.id} picture={p()} readOnly={props.readOnly} onClose={() => setOpen(null)} />}</Show>
    </section>
  );
}
